#pragma once
// The batch production record (storage::batchRecord) as a person reads it: a PDF with every field DOMAIN.md §3
// lists (deviations first; the batch, page x of y and the record's hash on every page; IN PROGRESS on every
// page of a run still open), and as JSON for other systems.
#include "lotstation/labels/report.hpp"
#include "lotstation/storage/batch_record.hpp"

#include <filesystem>
#include <string>

namespace lotstation::station {

[[nodiscard]] labels::ReportDocument batchRecordDocument(const storage::BatchRecord& record);
[[nodiscard]] std::string batchRecordJson(const storage::BatchRecord& record);

// Writes FILE.pdf or FILE.json (by its extension), beside the destination and renamed into place.
[[nodiscard]] storage::Result<void> writeBatchRecord(const storage::BatchRecord& record,
                                                     const std::filesystem::path& path);

} // namespace lotstation::station
