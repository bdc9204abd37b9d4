#pragma once
// Writing a recall's report to files a person sends on: the FDA FSMA 204 key data elements as CSV and a
// printable PDF (affected lots, stock on hand by location, shipments and customers, where it came from,
// quality records).
#include "lotstation/labels/report.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/recall.hpp"

#include <filesystem>
#include <string>

namespace lotstation::station {

struct RecallFiles {
    std::filesystem::path csv;
    std::filesystem::path pdf;
};

// The PDF's content: pure data from the report, the backward trace of the same lot and the affected lots'
// quality story (storage::qualityHistory: inspections, signed dispositions, documents by reference).
[[nodiscard]] labels::ReportDocument recallDocument(const storage::RecallReport& report,
                                                    const storage::Trace& backward,
                                                    const std::vector<storage::QualityEvent>& quality,
                                                    const std::string& stationName, storage::Timestamp at);

// Writes recall-<LOT>-<YYYYMMDD-HHMMSS>.csv and .pdf into `folder` (created when missing).
[[nodiscard]] storage::Result<RecallFiles> exportRecall(const storage::Ledger& ledger,
                                                        const storage::RecallReport& report,
                                                        const storage::Trace& backward,
                                                        const std::filesystem::path& folder);

} // namespace lotstation::station
