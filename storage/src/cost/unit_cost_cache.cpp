#include "unit_cost_cache.hpp"

namespace lotstation::storage {

CachedUnitCosts::CachedUnitCosts(const Ledger& ledger) : m_core(LedgerAccess::core(ledger)), m_live(ledger) {
    auto last = m_core.db.cached("SELECT coalesce(max(id), 0), coalesce(max(everything), 0) FROM lot_cost_changes");
    last.step();
    m_lastChange = last.int64(0);
    m_everything = last.int64(1) != 0;
    if (m_lastChange == 0 || m_everything) return;
    // What changed, and every lot made from it, however many levels down.
    auto stale = m_core.db.cached(
        "WITH RECURSIVE changed(lot_id) AS ("
        " SELECT lot_id FROM lot_cost_changes WHERE id <= ?1 AND lot_id IS NOT NULL"
        " UNION SELECT l.id FROM lot_cost_changes c JOIN lots l ON l.run_code = c.run_code"
        "  WHERE c.id <= ?1 AND c.run_code IS NOT NULL"
        " UNION SELECT o.id FROM changed ch JOIN movements m ON m.lot_id = ch.lot_id AND m.kind = 'consume'"
        "  JOIN lots o ON o.run_code = m.run_code)"
        " SELECT lot_id FROM changed");
    stale.bindAll(m_lastChange);
    while (stale.step())
        m_stale.insert(stale.int64(0));
}

std::optional<Micros> CachedUnitCosts::perUnit(const LotCostRow& lot) {
    if (!lot.produced) return lot.recorded;
    if (lot.cached && !m_everything && !m_stale.contains(lot.id)) return lot.cachedPerUnit;
    auto value = m_live.perUnit(lot.code);
    m_reckoned.emplace_back(lot.id, value);
    return value;
}

void CachedUnitCosts::keep() {
    if (m_reckoned.empty() && m_lastChange == 0) return;
    // A cache: when it cannot be written (read-only file, a full disk) the reports stay right, only slower.
    (void)inWriteTransaction(m_core, [&]() -> Result<void> {
        if (m_everything) {
            m_core.db.exec("DELETE FROM lot_unit_costs");
        } else {
            for (const auto id : m_stale)
                m_core.db.cached("DELETE FROM lot_unit_costs WHERE lot_id = ?1").bindAll(id).run();
        }
        for (const auto& [id, value] : m_reckoned)
            m_core.db.cached("INSERT OR REPLACE INTO lot_unit_costs (lot_id, per_unit) VALUES (?1, ?2)")
                .bindAll(id, value)
                .run();
        m_core.db.cached("DELETE FROM lot_cost_changes WHERE id <= ?1").bindAll(m_lastChange).run();
        return {};
    });
    m_reckoned.clear();
}

} // namespace lotstation::storage
