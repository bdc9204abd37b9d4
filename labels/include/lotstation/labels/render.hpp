#pragma once
// Turning a template and a label's content into bytes: PNG (raster label printers, previews), PDF (one label
// per page, or many labels on A4 / Letter sheets) and ZPL (Zebra thermal printers).
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <vector>

namespace lotstation::labels {

using Bytes = std::vector<std::uint8_t>;

// dpi 0 means the template's own dpi. Black on white; codes are drawn on whole device pixels without
// antialiasing.
[[nodiscard]] std::expected<Bytes, LabelError> renderPng(const LabelTemplate& tmpl,
                                                         const LabelContent& content, int dpi = 0);

// One page per label, the page the size of the label.
[[nodiscard]] std::expected<Bytes, LabelError> renderPdf(const LabelTemplate& tmpl,
                                                         std::span<const LabelContent> labels);

struct SheetOptions {
    int firstCell = 0;     // skip cells already used on a partly used first sheet (row-major)
    bool cutMarks = false; // thin grey outline of each label cell, for plain paper proofs
};

// Labels placed row by row on as many pages as needed; each label centred in its cell.
[[nodiscard]] std::expected<Bytes, LabelError> renderSheetPdf(const LabelTemplate& tmpl,
                                                              const SheetLayout& sheet,
                                                              std::span<const LabelContent> labels,
                                                              const SheetOptions& options = {});

// One ^XA…^XZ block per label at the template's dpi; copies as ^PQ.
[[nodiscard]] std::expected<std::string, LabelError>
renderZpl(const LabelTemplate& tmpl, std::span<const LabelContent> labels, int copies = 1);

} // namespace lotstation::labels
