// Backward and forward genealogy. One recursive CTE walks the consumption edges from the traced lot (its
// UNION keeps each edge once, which also ends the walk on looping data); the lots the edges name are then
// read (details, and forward their shipments) in one statement each, by id list (json_each), and the runs in
// one more. Depths come from a breadth-first walk over the edges in C++: a lot reached along several paths
// appears once, at its shortest depth.
#include "lotstation/storage/trace.hpp"

#include "query_rows.hpp"
#include "rows.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace lotstation::storage {
namespace {

using queries::optDate;
using queries::parsedOr;

// A consumption counts unless a reversal undid it (a reversal always undoes the whole movement).
constexpr std::string_view kNotReversed = " NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) ";

// Every net consumption in the traced part of the graph, as (movement pos, input lot id, run, output lot id,
// quantity), by one recursive CTE over the edges themselves: each step follows the lots the previous edges
// reached. UNION drops rows already seen, so a cycle in bad data ends the recursion. Index-only on the
// consume indexes of migration 2; codes and details are read afterwards, once per lot.
std::string edgesSql(TraceDirection direction) {
    const std::string notReversed(kNotReversed);
    if (direction == TraceDirection::Backward) {
        // output lot -> its run -> the run's consumed lots
        return "WITH RECURSIVE edge(pos, input, run, output, quantity) AS ("
               "SELECT c.pos, c.lot_id, c.run_code, o.id, c.quantity FROM lots o "
               "JOIN movements c ON c.run_code = o.run_code AND c.kind = 'consume' "
               "WHERE o.id = ?1 AND o.run_code IS NOT NULL AND" +
               notReversed +
               "UNION SELECT c.pos, c.lot_id, c.run_code, o.id, c.quantity FROM edge "
               "JOIN lots o ON o.id = edge.input JOIN movements c ON c.run_code = o.run_code AND c.kind = "
               "'consume' WHERE o.run_code IS NOT NULL AND" +
               notReversed + ") SELECT input, run, output, quantity FROM edge";
    }
    // input lot -> runs that consumed it -> their output lots (none yet while a run is open)
    return "WITH RECURSIVE edge(pos, input, run, output, quantity) AS ("
           "SELECT c.pos, c.lot_id, c.run_code, o.id, c.quantity FROM movements c "
           "LEFT JOIN lots o ON o.run_code = c.run_code "
           "WHERE c.lot_id = ?1 AND c.kind = 'consume' AND c.run_code IS NOT NULL AND" +
           notReversed +
           "UNION SELECT c.pos, c.lot_id, c.run_code, o.id, c.quantity FROM edge "
           "JOIN movements c ON c.lot_id = edge.output AND c.kind = 'consume' "
           "LEFT JOIN lots o ON o.run_code = c.run_code WHERE c.run_code IS NOT NULL AND" +
           notReversed + ") SELECT input, run, output, quantity FROM edge";
}

// ?1 is a JSON array of lot ids.
constexpr std::string_view kLotsSql =
    "SELECT l.id, l.code, it.sku, it.name, it.kind, it.uom, l.status, l.origin_date, l.expiry, s.code, "
    "s.name, "
    "l.supplier_lot, l.run_code FROM lots l JOIN items it ON it.id = l.item_id "
    "LEFT JOIN suppliers s ON s.id = l.supplier_id WHERE l.id IN (SELECT value FROM json_each(?1))";

// ?1 is a JSON array of run codes.
constexpr std::string_view kRunsSql =
    "SELECT r.code, i.sku, r.status, r.finished_at FROM runs r JOIN items i ON i.id = r.item_id "
    "WHERE r.code IN (SELECT value FROM json_each(?1))";

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

std::string jsonStrings(const std::set<std::string>& values) {
    std::string out = "[";
    for (const auto& value : values) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (const char c : value) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "]";
}

std::map<std::int64_t, TraceLot> readLots(LedgerCore& core, const std::string& ids) {
    auto s = core.db.cached(kLotsSql);
    s.bindAll(ids);
    std::map<std::int64_t, TraceLot> out;
    while (s.step()) {
        TraceLot lot;
        lot.code = s.text(1);
        lot.sku = s.text(2);
        lot.itemName = s.text(3);
        lot.itemKind = parsedOr(parseItemKind(s.text(4)), ItemKind::Raw);
        lot.uom = parsedOr(parseUom(s.text(5)), Uom::Gram);
        lot.status = parsedOr(parseLotStatus(s.text(6)), LotStatus::Hold);
        lot.originDate = optDate(s.optText(7)).value_or(Date{});
        lot.expiry = optDate(s.optText(8));
        lot.supplier = s.optText(9);
        lot.supplierName = s.optText(10);
        lot.supplierLot = s.optText(11);
        lot.run = s.optText(12);
        out.emplace(s.int64(0), std::move(lot));
    }
    return out;
}

// Runs the movements name but this station has no record of (another station's) come out open, unknown SKU.
std::vector<TraceRun> readRuns(LedgerCore& core, const std::set<std::string>& codes) {
    auto s = core.db.cached(kRunsSql);
    s.bindAll(jsonStrings(codes));
    std::map<std::string, TraceRun> found;
    while (s.step()) {
        TraceRun run{s.text(0), s.text(1), parsedOr(parseRunStatus(s.text(2)), RunStatus::Open),
                     std::nullopt};
        if (auto finished = s.optText(3)) {
            if (auto at = parseTimestamp(*finished)) run.finishedAt = *at;
        }
        found.emplace(run.code, std::move(run));
    }
    std::vector<TraceRun> out;
    for (const auto& code : codes) {
        auto hit = found.find(code);
        out.push_back(hit != found.end() ? hit->second : TraceRun{code, "", RunStatus::Open, std::nullopt});
    }
    return out;
}

// Depth = shortest hop count from the root (breadth-first over the edges, by lot id); lots then go into
// out.lots by depth and code, each moved once.
template <typename Quantities>
void placeLots(TraceDirection direction, std::int64_t rootId, const Quantities& quantities,
               std::map<std::int64_t, TraceLot>& lots, Trace& out) {
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> next;
    for (const auto& [key, quantity] : quantities) {
        const auto& [input, run, output] = key;
        if (!output) continue;
        if (direction == TraceDirection::Backward)
            next[*output].push_back(input);
        else
            next[input].push_back(*output);
    }
    std::unordered_map<std::int64_t, int> depth{{rootId, 0}};
    std::deque<std::int64_t> queue{rootId};
    while (!queue.empty()) {
        const auto id = queue.front();
        queue.pop_front();
        const int here = depth[id];
        for (const auto to : next[id]) {
            if (depth.emplace(to, here + 1).second) queue.push_back(to);
        }
    }
    std::vector<std::tuple<int, const std::string*, TraceLot*>> order;
    order.reserve(lots.size());
    for (auto& [id, lot] : lots) {
        const auto found = depth.find(id);
        // (a lot the walk cannot reach only happens when data changes underneath: put it last)
        lot.depth = found == depth.end() ? static_cast<int>(lots.size()) : found->second;
        order.emplace_back(lot.depth, &lot.code, &lot);
    }
    std::ranges::sort(order, [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), *std::get<1>(a)) < std::tie(std::get<0>(b), *std::get<1>(b));
    });
    out.lots.reserve(order.size());
    for (auto& entry : order)
        out.lots.push_back(std::move(*std::get<2>(entry)));
}

// Reads the edges, then every lot and run they name; fills out.lots (unsorted), out.edges and out.runs and
// returns the JSON list of the lot ids (for the shipments).
std::string readGraph(LedgerCore& core, TraceDirection direction, std::int64_t rootId, Trace& out) {
    using Key = std::tuple<std::int64_t, std::string, std::optional<std::int64_t>>;
    std::map<Key, std::int64_t> quantities; // a lot consumed twice into one run is one edge
    std::set<std::int64_t> ids{rootId};
    std::set<std::string> runs;
    {
        auto s = core.db.cached(edgesSql(direction));
        s.bindAll(rootId);
        while (s.step()) {
            const auto output = s.optInt64(2);
            ids.insert(s.int64(0));
            if (output) ids.insert(*output);
            auto run = s.text(1);
            runs.insert(run);
            quantities[Key{s.int64(0), std::move(run), output}] += s.int64(3);
        }
    }
    const auto json = jsonIds(ids);
    auto lots = readLots(core, json);
    for (const auto& [key, quantity] : quantities) {
        const auto& [input, run, output] = key;
        out.edges.push_back(TraceEdge{lots[input].code, run,
                                      output ? std::optional(lots[*output].code) : std::nullopt, quantity});
    }
    std::ranges::sort(out.edges, [](const TraceEdge& a, const TraceEdge& b) {
        return std::tie(a.run, a.input, a.output) < std::tie(b.run, b.input, b.output);
    });
    placeLots(direction, rootId, quantities, lots, out);
    if (!runs.empty()) out.runs = readRuns(core, runs);
    return json;
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
        const auto ids = readGraph(core, direction, root->id, out);
        if (direction == TraceDirection::Forward) readShipments(core, ids, out);
        if (snapshot) snapshot->commit();
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
