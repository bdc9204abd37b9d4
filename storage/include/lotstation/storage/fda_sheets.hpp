#pragma once
// FSMA 204 records in the layout of FDA's electronic sortable spreadsheet: one sheet per critical tracking
// event (Receiving, Transformation, Shipping), the key data elements of 21 CFR 1.1340-1.1350 as columns, one
// row per event (Transformation: one row per input lot of each run that made an affected lot). Dates are date
// cells, quantities number cells. Reversed events are left out, as in the CSV (fsmaCsv). A fourth sheet,
// Quality, lists the affected lots' inspections, QC dispositions and documents by reference.
#include "lotstation/storage/recall.hpp"
#include "lotstation/storage/table_file.hpp"

#include <vector>

namespace lotstation::storage {

[[nodiscard]] Result<std::vector<Table>> fdaSheets(const Ledger& ledger, const RecallReport& report);

} // namespace lotstation::storage
