// Backward and forward genealogy. One recursive CTE finds every lot reachable from the traced one; its
// UNION (not UNION ALL) keeps each lot once, which is also what ends the walk on looping data. The same
// statement returns the edges with their net quantities; the lots they name are then read (details, and
// forward their shipments) in one statement each, by id list (json_each), so the CTE runs once per trace.
// Depths come from a breadth-first walk over the edges in C++: a lot reached along several paths gets its
// shortest.
#include "lotstation/storage/trace.hpp"

#include "query_rows.hpp"
#include "rows.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace lotstation::storage {
namespace {

using queries::optDate;
using queries::parsedOr;

// A consumption counts unless a reversal undid it (a reversal always undoes the whole movement).
constexpr std::string_view kNotReversed = " NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) ";

std::string reachCte(TraceDirection direction) {
    if (direction == TraceDirection::Backward) {
        // lot -> its run -> that run's consumed lots
        return "WITH RECURSIVE reach(lot_id) AS (SELECT ?1 UNION "
               "SELECT c.lot_id FROM reach JOIN lots o ON o.id = reach.lot_id "
               "JOIN movements c ON c.run_code = o.run_code "
               "WHERE o.run_code IS NOT NULL AND c.run_code IS NOT NULL AND c.kind = 'consume' AND" +
               std::string(kNotReversed) + ") ";
    }
    // lot -> runs that consumed it -> their output lots
    return "WITH RECURSIVE reach(lot_id) AS (SELECT ?1 UNION "
           "SELECT o.id FROM reach JOIN movements c ON c.lot_id = reach.lot_id "
           "JOIN lots o ON o.run_code = c.run_code "
           "WHERE c.kind = 'consume' AND c.run_code IS NOT NULL AND o.run_code IS NOT NULL AND" +
           std::string(kNotReversed) + ") ";
}

std::string edgesSql(TraceDirection direction) {
    if (direction == TraceDirection::Backward) {
        return reachCte(direction) +
               "SELECT i.code, c.run_code, o.code, sum(c.quantity), ri.sku, r.status, r.finished_at, i.id, "
               "o.id "
               "FROM reach JOIN lots o ON o.id = reach.lot_id "
               "JOIN movements c ON c.run_code = o.run_code AND c.kind = 'consume' "
               "JOIN lots i ON i.id = c.lot_id "
               "LEFT JOIN runs r ON r.code = c.run_code LEFT JOIN items ri ON ri.id = r.item_id "
               "WHERE o.run_code IS NOT NULL AND c.run_code IS NOT NULL AND" +
               std::string(kNotReversed) + "GROUP BY c.lot_id, c.run_code, o.id";
    }
    return reachCte(direction) +
           "SELECT i.code, c.run_code, o.code, sum(c.quantity), ri.sku, r.status, r.finished_at, i.id, o.id "
           "FROM reach JOIN movements c ON c.lot_id = reach.lot_id AND c.kind = 'consume' "
           "JOIN lots i ON i.id = c.lot_id LEFT JOIN lots o ON o.run_code = c.run_code "
           "LEFT JOIN runs r ON r.code = c.run_code LEFT JOIN items ri ON ri.id = r.item_id "
           "WHERE c.run_code IS NOT NULL AND" +
           std::string(kNotReversed) + "GROUP BY c.lot_id, c.run_code, o.id";
}

// ?1 is a JSON array of lot ids.
constexpr std::string_view kLotsSql =
    "SELECT l.code, it.sku, it.name, it.kind, it.uom, l.status, l.origin_date, l.expiry, s.code, s.name, "
    "l.supplier_lot, l.run_code FROM lots l JOIN items it ON it.id = l.item_id "
    "LEFT JOIN suppliers s ON s.id = l.supplier_id WHERE l.id IN (SELECT value FROM json_each(?1))";

std::string shipmentsSql() {
    return "SELECT c.id, l.code, it.sku, it.name, it.uom, c.party, cu.name, c.at_ms, c.quantity, "
           "c.reference, "
           "f.code FROM movements c "
           "JOIN lots l ON l.id = c.lot_id JOIN items it ON it.id = l.item_id "
           "LEFT JOIN customers cu ON cu.code = c.party LEFT JOIN locations f ON f.id = c.from_location_id "
           "WHERE c.lot_id IN (SELECT value FROM json_each(?1)) AND c.kind = 'ship' AND" +
           std::string(kNotReversed) + "ORDER BY c.at_ms, c.pos";
}

std::string jsonIds(const std::set<std::int64_t>& ids) {
    std::string out = "[";
    for (const auto id : ids)
        out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "]";
}

void readLots(LedgerCore& core, const std::string& ids, Trace& out) {
    auto s = core.db.cached(kLotsSql);
    s.bindAll(ids);
    while (s.step()) {
        TraceLot lot;
        lot.code = s.text(0);
        lot.sku = s.text(1);
        lot.itemName = s.text(2);
        lot.itemKind = parsedOr(parseItemKind(s.text(3)), ItemKind::Raw);
        lot.uom = parsedOr(parseUom(s.text(4)), Uom::Gram);
        lot.status = parsedOr(parseLotStatus(s.text(5)), LotStatus::Hold);
        lot.originDate = optDate(s.optText(6)).value_or(Date{});
        lot.expiry = optDate(s.optText(7));
        lot.supplier = s.optText(8);
        lot.supplierName = s.optText(9);
        lot.supplierLot = s.optText(10);
        lot.run = s.optText(11);
        out.lots.push_back(std::move(lot));
    }
}

// Returns the ids of every lot the edges name.
std::set<std::int64_t> readEdges(LedgerCore& core, TraceDirection direction, std::int64_t rootId,
                                 Trace& out) {
    auto s = core.db.cached(edgesSql(direction));
    s.bindAll(rootId);
    std::map<std::string, TraceRun> runs;
    std::set<std::int64_t> ids{rootId};
    while (s.step()) {
        ids.insert(s.int64(7));
        if (auto output = s.optInt64(8)) ids.insert(*output);
        TraceEdge edge{s.text(0), s.text(1), s.optText(2), s.int64(3)};
        if (!runs.contains(edge.run)) {
            TraceRun run{edge.run, s.optText(4).value_or(""),
                         parsedOr(parseRunStatus(s.optText(5).value_or("")), RunStatus::Open), std::nullopt};
            if (auto finished = s.optText(6)) {
                if (auto at = parseTimestamp(*finished)) run.finishedAt = *at;
            }
            runs.emplace(edge.run, std::move(run));
        }
        out.edges.push_back(std::move(edge));
    }
    for (auto& [code, run] : runs)
        out.runs.push_back(std::move(run));
    std::ranges::sort(out.edges, [](const TraceEdge& a, const TraceEdge& b) {
        return std::tie(a.run, a.input, a.output) < std::tie(b.run, b.input, b.output);
    });
    return ids;
}

void readShipments(LedgerCore& core, const std::string& ids, Trace& out) {
    auto s = core.db.cached(shipmentsSql());
    s.bindAll(ids);
    std::map<std::string, Party> customers;
    while (s.step()) {
        Shipment shipment;
        shipment.movementId = s.text(0);
        shipment.lot = s.text(1);
        shipment.sku = s.text(2);
        shipment.itemName = s.text(3);
        shipment.uom = parsedOr(parseUom(s.text(4)), Uom::Gram);
        shipment.customer = s.optText(5).value_or("");
        shipment.customerName = s.optText(6).value_or("");
        shipment.at = Timestamp{std::chrono::milliseconds{s.int64(7)}};
        shipment.quantity = s.int64(8);
        shipment.reference = s.optText(9);
        shipment.from = s.optText(10);
        customers.emplace(shipment.customer, Party{shipment.customer, shipment.customerName});
        out.shipments.push_back(std::move(shipment));
    }
    for (auto& [code, party] : customers)
        out.customers.push_back(std::move(party));
}

// Shortest hop count from the root along the edges (lots the walk cannot reach keep a large depth; the CTE
// only returns reachable lots, so that happens only on data changing underneath).
void assignDepths(Trace& out) {
    std::map<std::string, std::vector<std::string>> next;
    for (const auto& edge : out.edges) {
        if (!edge.output) continue;
        if (out.direction == TraceDirection::Backward)
            next[*edge.output].push_back(edge.input);
        else
            next[edge.input].push_back(*edge.output);
    }
    std::map<std::string, int> depth{{out.root, 0}};
    std::deque<std::string> queue{out.root};
    while (!queue.empty()) {
        const auto code = queue.front();
        queue.pop_front();
        for (const auto& to : next[code]) {
            if (depth.emplace(to, depth[code] + 1).second) queue.push_back(to);
        }
    }
    for (auto& lot : out.lots) {
        auto found = depth.find(lot.code);
        lot.depth = found == depth.end() ? static_cast<int>(out.lots.size()) : found->second;
    }
    std::ranges::sort(out.lots, [](const TraceLot& a, const TraceLot& b) {
        return std::tie(a.depth, a.code) < std::tie(b.depth, b.code);
    });
}

void collectSuppliers(Trace& out) {
    std::map<std::string, Party> suppliers;
    for (const auto& lot : out.lots) {
        if (lot.supplier)
            suppliers.emplace(*lot.supplier, Party{*lot.supplier, lot.supplierName.value_or("")});
    }
    for (auto& [code, party] : suppliers)
        out.suppliers.push_back(std::move(party));
}

} // namespace

Result<Trace> trace(const Ledger& ledger, std::string_view lot, TraceDirection direction) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Trace> {
        auto root = requireLot(core, lot);
        if (!root) return std::unexpected(root.error());
        Trace out;
        out.direction = direction;
        out.root = root->lot.code;
        // One read snapshot for the whole trace: a movement landing half-way cannot tear it.
        std::optional<sql::Transaction> snapshot;
        if (!core.db.inTransaction()) snapshot.emplace(core.db, sql::Transaction::Mode::Deferred);
        const auto ids = jsonIds(readEdges(core, direction, root->id, out));
        readLots(core, ids, out);
        if (direction == TraceDirection::Forward) readShipments(core, ids, out);
        if (snapshot) snapshot->commit();
        assignDepths(out);
        if (direction == TraceDirection::Backward) collectSuppliers(out);
        return out;
    });
}

Result<Trace> backwardTrace(const Ledger& ledger, std::string_view lot) {
    return trace(ledger, lot, TraceDirection::Backward);
}

Result<Trace> forwardTrace(const Ledger& ledger, std::string_view lot) {
    return trace(ledger, lot, TraceDirection::Forward);
}

} // namespace lotstation::storage
