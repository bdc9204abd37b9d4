#pragma once
// A printable report on A4 pages (recall reports, stock lists): a title, a few lines under it, then
// sections each with a heading and a table. Plain values in, PDF bytes out; long tables continue on the
// next page with their header repeated, and cells too long for their column are shortened with "…".
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/render.hpp"

#include <expected>
#include <string>
#include <vector>

namespace lotstation::labels {

struct ReportTable {
    std::string heading;                        // "Affected lots"
    std::vector<std::string> columns;           // header row
    std::vector<double> widths;                 // relative column widths; empty = equal
    std::vector<std::vector<std::string>> rows; // each as many cells as columns
    std::string emptyText = "None";             // shown when there are no rows
};

struct ReportDocument {
    std::string title;              // "Recall report: SOAP-261124-01"
    std::vector<std::string> lines; // under the title: "Made 2026-11-24 14:02 UTC at Demo station", ...
    std::vector<ReportTable> tables;
    // On every page when set: a mark at the top right ("Batch RUN-1 · IN PROGRESS") and a footer at the bottom
    // left, followed by "page x of y".
    std::string pageMark{};
    std::string pageFooter{};
    bool landscape = false; // A4 across: room for wide tables (the batch record's steps)
};

[[nodiscard]] std::expected<Bytes, LabelError> renderReportPdf(const ReportDocument& report);

} // namespace lotstation::labels
