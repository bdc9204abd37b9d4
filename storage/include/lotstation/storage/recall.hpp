#pragma once
// Recall (DESIGN §7): from one lot, everything downstream with stock on hand by location and every shipment,
// optionally putting every affected lot on hold in one transaction, and the FDA FSMA 204 key data elements as
// CSV.
#include "lotstation/storage/progress.hpp"
#include "lotstation/storage/queries.hpp"
#include "lotstation/storage/trace.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

// Put every affected lot on hold (or recalled) in the same call: one Ledger::hold, one transaction, one
// hold movement per lot not already in that status (movements sync like any other).
struct RecallHold {
    LotStatus status = LotStatus::Recalled; // recalled, hold or quarantine
    std::string reason;
    std::string user;
};

struct RecallReport {
    Trace trace;                       // forward trace of the recalled lot (affected lots, runs, shipments)
    std::vector<StockLine> stock;      // on hand of every affected lot by location
    std::vector<std::string> openRuns; // runs still open that consumed an affected lot (material in process)
    std::vector<Movement> holds;       // the hold movements written (empty without RecallHold)
};

// The report is read after the hold (when asked), so statuses in it are the new ones. Fails, writing nothing,
// when the lot is unknown or the hold is refused.
[[nodiscard]] Result<RecallReport> recall(Ledger& ledger, std::string_view lot,
                                          const std::optional<RecallHold>& hold = {});

// FSMA 204 key data elements, one row per critical tracking event of the affected lots: receiving (receive
// movements), transformation (each run that produced an affected lot: its output, with its inputs as the
// immediate previous source) and shipping (ship movements); reversed events are left out. Then the quality
// story of the same lots (quality.hpp qualityHistory): one row per inspection, QC disposition and document.
// Columns, in order:
//   event_type                      receiving | transformation | shipping | quality inspection | quality
//                                   released | quality rejected | quality approved-deviation | quality document
//   event_date                      YYYY-MM-DD (UTC)
//   traceability_lot_code           our lot code
//   supplier_lot_code               the lot code the supplier assigned (receiving, quality rows), else empty
//   product_description             item name and SKU, e.g. "Lavender soap (SOAP-LAV)"
//   quantity                        exact decimal in unit_of_measure, e.g. 2500.5 (empty on quality rows)
//   unit_of_measure                 g, ml or pc
//   location_description            where the event happened: location code and name
//   reference_document_type         purchase order / delivery note | production run | sales order | ledger
//                                   movement | inspection record | QC signature | certificate of analysis |
//                                   photo | document
//   reference_document_number       the reference given (PO, order), the run code, the inspection's or
//                                   signature's id, "sha256:<hex>" of a document; else the movement id
//   immediate_previous_source       receiving: supplier code and name; transformation: input lot codes with
//                                   quantities ("OIL-1 (12000 g); LYE-2 (1500 g)")
//   immediate_subsequent_recipient  shipping: customer code and name
//   movement_id                     the ledger movement (UUIDv7) the row comes from (a disposition: the
//                                   movement it signed)
//   quality_record                  quality rows: the result or statement in words and by whom
// Rows are ordered by event time. RFC 4180 quoting, CRLF line ends, a header row.
// `progress`: affected lots written of all; false stops it (nothing is returned, so no file is written).
[[nodiscard]] Result<std::string> fsmaCsv(const Ledger& ledger, const RecallReport& report,
                                          const Progress& progress = {});

} // namespace lotstation::storage
