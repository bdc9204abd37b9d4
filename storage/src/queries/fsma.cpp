// The FSMA 204 key data elements of a recall as CSV (columns documented in recall.hpp): one row per
// critical tracking event of the affected lots.
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/recall.hpp"
#include "query_rows.hpp"
#include "rows.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace lotstation::storage {
namespace {

using queries::parsedOr;

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

std::string described(const std::optional<std::string>& code, const std::optional<std::string>& name) {
    if (!code) return {};
    if (!name || name->empty() || *name == *code) return *code;
    return *code + " " + *name;
}

// "OIL-1 (12000 g); LYE-2 (1500 g)": the inputs of a run, net of reversed consumptions.
std::string runInputs(LedgerCore& core, const std::string& run) {
    auto s = core.db.cached(
        "SELECT l.code, i.uom, sum(c.quantity) FROM movements c JOIN lots l ON l.id = c.lot_id "
        "JOIN items i ON i.id = l.item_id WHERE c.run_code = ?1 AND c.kind = 'consume' "
        "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) GROUP BY l.id ORDER BY l.code");
    s.bindAll(run);
    std::string out;
    while (s.step()) {
        const auto uom = parsedOr(parseUom(s.text(1)), Uom::Gram);
        if (!out.empty()) out += "; ";
        out += s.text(0) + " (" + decimalQuantity(s.int64(2), uom) + " " + toString(uom) + ")";
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

std::string fsmaText(const Ledger& ledger, LedgerCore& core, const RecallReport& report) {
    std::vector<Event> events;
    for (const auto& lot : report.trace.lots) {
        auto row = findLot(core, lot.code);
        if (!row) continue;
        const std::string product = lot.itemName + " (" + lot.sku + ")";
        auto s = core.db.cached(
            "SELECT c.id, c.kind, c.at_ms, c.pos, c.quantity, c.party, c.reference, c.run_code, "
            "f.code, f.name, t.code, t.name, coalesce(su.name, cu.name) FROM movements c "
            "LEFT JOIN locations f ON f.id = c.from_location_id LEFT JOIN locations t ON t.id = "
            "c.to_location_id LEFT JOIN suppliers su ON c.kind = 'receive' AND su.code = c.party "
            "LEFT JOIN customers cu ON c.kind = 'ship' AND cu.code = c.party "
            "WHERE c.lot_id = ?1 AND c.kind IN ('receive', 'produce', 'ship') "
            "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) ORDER BY c.pos");
        s.bindAll(row->id);
        std::vector<std::pair<Event, std::optional<std::string>>> lotEvents; // run code for transformations
        while (s.step()) {
            const auto kind = s.text(1);
            const auto at = Timestamp{std::chrono::milliseconds{s.int64(2)}};
            const auto reference = s.optText(6);
            const auto run = s.optText(7);
            Event event{s.int64(2), s.int64(3), {}};
            std::string type, location, docType, docNumber, previous, next, supplierLot;
            if (kind == "receive") {
                type = "receiving";
                location = described(s.optText(10), s.optText(11));
                docType = reference ? "purchase order / delivery note" : "ledger movement";
                docNumber = reference.value_or(s.text(0));
                previous = described(s.optText(5), s.optText(12));
                supplierLot = lot.supplierLot.value_or("");
            } else if (kind == "produce") {
                type = "transformation";
                location = described(s.optText(10), s.optText(11));
                docType = "production run";
                docNumber = run.value_or(s.text(0));
            } else {
                type = "shipping";
                location = described(s.optText(8), s.optText(9));
                docType = reference ? "sales order" : "ledger movement";
                docNumber = reference.value_or(s.text(0));
                next = described(s.optText(5), s.optText(12));
            }
            event.fields = {type,
                            formatDate(dateOf(at)),
                            lot.code,
                            supplierLot,
                            product,
                            decimalQuantity(s.int64(4), lot.uom),
                            toString(lot.uom),
                            location,
                            docType,
                            docNumber,
                            previous,
                            next,
                            s.text(0),
                            {}};
            lotEvents.emplace_back(std::move(event), kind == "produce" ? run : std::nullopt);
        }
        for (auto& [event, run] : lotEvents) {
            if (run) event.fields[10] = runInputs(core, *run);
            events.push_back(std::move(event));
        }
    }
    auto quality = qualityEvents(ledger, report);
    events.insert(events.end(), std::make_move_iterator(quality.begin()), std::make_move_iterator(quality.end()));
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
    return guarded([&]() -> Result<std::string> { return fsmaText(ledger, LedgerAccess::core(ledger), report); });
}

} // namespace lotstation::storage
