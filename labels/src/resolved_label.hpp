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
    bool gs1 = false; // data is a GS1 element string (FNC1 first)
};

struct ResolvedLabel {
    std::vector<ResolvedField> fields;
    std::vector<ResolvedCode> codes;
};

// Fails when the template is for another kind of label or the content cannot be encoded. On a lot without a
// GTIN a GS1-128 code is left out (the template's QR code names the lot) and a GS1 DataMatrix becomes a plain
// DataMatrix of the label's own payload (LS:LOT:...), so every label still scans back.
//
// A GS1-128 symbol too long for its box at `dpi` (0: the template's) with modules of at least 0.25 mm (a
// 20-character lot on a 100 mm label) is laid out as two symbols stacked in the box, as GS1 logistic labels
// do: (01) GTIN with the date, then (10) the lot.
[[nodiscard]] std::expected<ResolvedLabel, LabelError> resolveLabel(const LabelTemplate& tmpl,
                                                                    const LabelContent& content, int dpi = 0);

} // namespace lotstation::labels
