#pragma once
// A template filled in for one label: the texts of its fields and the symbols of its codes, computed once and
// then drawn by cairo (PNG, PDF) or written as ZPL.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"
#include "lotstation/labels/symbol.hpp"

#include <expected>
#include <string>
#include <vector>

namespace lotstation::labels {

struct ResolvedField {
    FieldSpec spec;
    std::string text; // prefix included; never empty (empty fields are left out)
};

struct ResolvedCode {
    CodeSpec spec;
    std::string data;      // QR payload, or the GS1 element string for GS1 codes
    std::string humanText; // "(01)…(17)…(10)…" for GS1 codes
    ModuleMatrix matrix;
};

struct ResolvedLabel {
    std::vector<ResolvedField> fields;
    std::vector<ResolvedCode> codes;
};

// Fails when the template is for another kind of label or the content cannot be encoded. A GS1 code on a lot
// without a GTIN is left out (the QR code still names the lot).
[[nodiscard]] std::expected<ResolvedLabel, LabelError> resolveLabel(const LabelTemplate& tmpl,
                                                                    const LabelContent& content);

} // namespace lotstation::labels
