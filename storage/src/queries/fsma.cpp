// The FSMA 204 key data elements of a recall as CSV (columns documented in recall.hpp): one row per
// critical tracking event of the affected lots.
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/recall.hpp"
#include "critical_events.hpp"
#include "query_rows.hpp"
#include "rows.hpp"

#include <algorithm>
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
                                        "movement_id"};

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

std::string fsmaText(LedgerCore& core, const RecallReport& report) {
    std::vector<Event> events;
    for (const auto& lot : report.trace.lots) {
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
                               docType, docNumber, previous, next, e.movementId}});
        }
    }
    std::ranges::sort(events, [](const Event& a, const Event& b) {
        return std::tie(a.atMs, a.pos) < std::tie(b.atMs, b.pos);
    });
    std::string out = csvRow(kColumns);
    for (const auto& event : events)
        out += csvRow(event.fields);
    return out;
}

} // namespace

Result<std::string> fsmaCsv(const Ledger& ledger, const RecallReport& report) {
    return guarded([&]() -> Result<std::string> { return fsmaText(LedgerAccess::core(ledger), report); });
}

} // namespace lotstation::storage
