// The FSMA 204 key data elements of a recall as CSV (columns documented in recall.hpp): one row per
// critical tracking event of the affected lots.
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/recall.hpp"
#include "critical_events.hpp"
#include "query_rows.hpp"
#include "rows.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace lotstation::storage {
namespace {

using namespace queries;

const std::vector<std::string> kColumns{"event_type",
                                        "event_date",
                                        "traceability_lot_code",
                                        "supplier_lot_code",
                                        "product_description",
                                        "quantity",
                                        "unit_of_measure",
                                        "location_description",
                                        "reference_document_type",
                                        "reference_document_number",
                                        "immediate_previous_source",
                                        "immediate_subsequent_recipient",
                                        "movement_id",
                                        "quality_record"};

struct Event {
    std::int64_t atMs = 0;
    std::int64_t pos = 0;
    std::vector<std::string> fields;
};

// "OIL-1 (12000 g); LYE-2 (1500 g)": the inputs of a run.
std::string describedInputs(LedgerCore& core, const std::string& run) {
    std::string out;
    for (const auto& input : runInputs(core, run)) {
        if (!out.empty()) out += "; ";
        out += input.lot + " (" + decimalQuantity(input.quantity, input.uom) + " " + toString(input.uom) + ")";
    }
    return out;
}

// The affected lots' inspections, QC dispositions and documents (qualityHistory) as rows of their own:
// event_type "quality <kind>", the record in reference_document_type / _number, its words in quality_record.
std::vector<Event> qualityEvents(const Ledger& ledger, const RecallReport& report) {
    std::map<std::string, const TraceLot*> lots;
    std::vector<std::string> codes;
    for (const auto& lot : report.trace.lots) {
        lots.emplace(lot.code, &lot);
        codes.push_back(lot.code);
    }
    std::vector<Event> events;
    for (const auto& q : qualityHistory(ledger, codes)) {
        const auto found = lots.find(q.lot);
        if (found == lots.end()) continue;
        const TraceLot& lot = *found->second;
        const std::int64_t atMs = q.at.time_since_epoch().count();
        events.push_back({atMs,
                          std::numeric_limits<std::int64_t>::max(), // after a movement of the same moment
                          {"quality " + q.kind, formatDate(dateOf(q.at)), lot.code, lot.supplierLot.value_or(""),
                           lot.itemName + " (" + lot.sku + ")", "", "", "", q.referenceType, q.reference, "", "",
                           q.movementId.value_or(""), q.summary + " (by " + q.by + ")"}});
    }
    return events;
}

Result<std::string> fsmaText(const Ledger& ledger, LedgerCore& core, const RecallReport& report,
                             const Progress& progress) {
    std::vector<Event> events;
    ProgressTicker ticker(progress, static_cast<std::int64_t>(report.trace.lots.size()), 16);
    for (const auto& lot : report.trace.lots) {
        if (!ticker.tick()) return cancelled("the FSMA 204 report");
        auto row = findLot(core, lot.code);
        if (!row) continue;
        const std::string product = lot.itemName + " (" + lot.sku + ")";
        for (const auto& e : criticalEvents(core, row->id)) {
            std::string type, location, docType, docNumber, previous, next, supplierLot;
            switch (e.kind) {
            case EventKind::Receiving:
                type = "receiving";
                location = e.to;
                docType = e.reference ? "purchase order / delivery note" : "ledger movement";
                docNumber = e.reference.value_or(e.movementId);
                previous = e.party;
                supplierLot = lot.supplierLot.value_or("");
                break;
            case EventKind::Transformation:
                type = "transformation";
                location = e.to;
                docType = "production run";
                docNumber = e.run.value_or(e.movementId);
                if (e.run) previous = describedInputs(core, *e.run);
                break;
            case EventKind::Shipping:
                type = "shipping";
                location = e.from;
                docType = e.reference ? "sales order" : "ledger movement";
                docNumber = e.reference.value_or(e.movementId);
                next = e.party;
                break;
            }
            events.push_back({e.atMs, e.pos,
                              {type, formatDate(dateOf(Timestamp{std::chrono::milliseconds{e.atMs}})), lot.code,
                               supplierLot, product, decimalQuantity(e.quantity, lot.uom), toString(lot.uom), location,
                               docType, docNumber, previous, next, e.movementId, {}}});
        }
    }
    auto quality = qualityEvents(ledger, report);
    events.insert(events.end(), std::make_move_iterator(quality.begin()), std::make_move_iterator(quality.end()));
    std::ranges::sort(events, [](const Event& a, const Event& b) {
        return std::tie(a.atMs, a.pos) < std::tie(b.atMs, b.pos);
    });
    if (!ticker.finish()) return cancelled("the FSMA 204 report");
    std::string out = csvRow(kColumns);
    for (const auto& event : events)
        out += csvRow(event.fields);
    return out;
}

} // namespace

Result<std::string> fsmaCsv(const Ledger& ledger, const RecallReport& report, const Progress& progress) {
    return guarded([&]() -> Result<std::string> {
        return fsmaText(ledger, LedgerAccess::core(ledger), report, progress);
    });
}

} // namespace lotstation::storage
