#include "critical_events.hpp"

#include "query_rows.hpp"

namespace lotstation::storage::queries {

std::string described(const std::optional<std::string>& code, const std::optional<std::string>& name) {
    if (!code) return {};
    if (!name || name->empty() || *name == *code) return *code;
    return *code + " " + *name;
}

std::vector<CriticalEvent> criticalEvents(LedgerCore& core, std::int64_t lotId) {
    auto s = core.db.cached(
        "SELECT c.id, c.kind, c.at_ms, c.pos, c.quantity, c.party, c.reference, c.run_code, "
        "f.code, f.name, t.code, t.name, coalesce(su.name, cu.name) FROM movements c "
        "LEFT JOIN locations f ON f.id = c.from_location_id LEFT JOIN locations t ON t.id = "
        "c.to_location_id LEFT JOIN suppliers su ON c.kind = 'receive' AND su.code = c.party "
        "LEFT JOIN customers cu ON c.kind = 'ship' AND cu.code = c.party "
        "WHERE c.lot_id = ?1 AND c.kind IN ('receive', 'produce', 'ship') "
        "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) ORDER BY c.pos");
    s.bindAll(lotId);
    std::vector<CriticalEvent> out;
    while (s.step()) {
        const auto kind = s.text(1);
        out.push_back({.kind = kind == "receive"   ? EventKind::Receiving
                               : kind == "produce" ? EventKind::Transformation
                                                   : EventKind::Shipping,
                       .movementId = s.text(0),
                       .atMs = s.int64(2),
                       .pos = s.int64(3),
                       .quantity = s.int64(4),
                       .reference = s.optText(6),
                       .run = s.optText(7),
                       .from = described(s.optText(8), s.optText(9)),
                       .to = described(s.optText(10), s.optText(11)),
                       .party = described(s.optText(5), s.optText(12))});
    }
    return out;
}

std::vector<RunInput> runInputs(LedgerCore& core, const std::string& run) {
    auto s = core.db.cached("SELECT l.code, i.sku, i.name, i.uom, sum(c.quantity) FROM movements c "
                            "JOIN lots l ON l.id = c.lot_id JOIN items i ON i.id = l.item_id "
                            "WHERE c.run_code = ?1 AND c.kind = 'consume' "
                            "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) "
                            "GROUP BY l.id ORDER BY l.code");
    s.bindAll(run);
    std::vector<RunInput> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), parsedOr(parseUom(s.text(3)), Uom::Gram), s.int64(4)});
    return out;
}

} // namespace lotstation::storage::queries
