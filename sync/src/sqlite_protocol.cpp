// The SQLite central store's protocol primitives (central_backend.hpp): the central ledger applies pushes
// as remote movements and its arrival order is the pull order.
#include "central_core.hpp"
#include "conflict_rule.hpp"
#include "wire.hpp"

#include "lotstation/storage/queries.hpp"

namespace lotstation::sync {
namespace {

// The conflict bookkeeping on the ledger's own connection, inside the push's transaction.
class SqliteConflictBook final : public ConflictBook {
  public:
    explicit SqliteConflictBook(CentralStore::Impl& store) : m_store(store) {}

    Result<void> addDebit(const storage::Movement& m) override {
        return guardedDb([&]() -> Result<void> {
            m_store.db()
                .cached("INSERT OR IGNORE INTO sync_debits (lot, location, movement_id) VALUES (?1, ?2, ?3)")
                .bindAll(m.lot, *m.from, m.id)
                .run();
            return {};
        });
    }
    Result<std::int64_t> balance(const std::string& lot, const std::string& location) override {
        return m_store.ledger.onHand(lot, location);
    }
    Result<void> flag(const std::string& lot, const std::string& location, std::int64_t balance,
                      const std::string& now) override {
        return guardedDb([&]() -> Result<void> {
            m_store.db()
                .prepare("INSERT INTO sync_conflicts (lot, location, balance, detected_at) VALUES (?1, ?2, ?3, "
                         "?4) ON CONFLICT (lot, location) WHERE resolved_at IS NULL DO UPDATE SET balance = "
                         "excluded.balance")
                .bindAll(lot, location, balance, now)
                .run();
            return {};
        });
    }
    Result<void> settle(const std::string& lot, const std::string& location, std::int64_t balance,
                        const storage::Movement& by, const std::string& note, const std::string& now) override {
        return guardedDb([&]() -> Result<void> {
            m_store.db()
                .cached("UPDATE sync_conflicts SET resolved_by = 'ledger', resolved_at = ?3, cleared_by = ?4, "
                        "balance = ?5, note = ?6 WHERE lot = ?1 AND location = ?2 AND resolved_at IS NULL")
                .bindAll(lot, location, now, by.id, balance, note)
                .run();
            return {};
        });
    }
    std::string inUnit(const std::string& lot, std::int64_t quantity) override {
        return inItemUnit(m_store.ledger, lot, quantity);
    }
    Result<std::vector<storage::Movement>> statusHistory(const std::string& lot) override {
        auto history = storage::lotHistory(m_store.ledger, lot);
        if (!history) return std::unexpected(history.error());
        std::vector<storage::Movement> out;
        for (auto& entry : *history)
            if (entry.movement.kind == storage::MovementKind::Hold ||
                entry.movement.kind == storage::MovementKind::Release)
                out.push_back(std::move(entry.movement));
        return out;
    }
    Result<void> flagDecisions(const std::string& lot, const std::string& place,
                               const std::vector<storage::Movement>& movements, const std::string& note,
                               const std::string& now) override {
        return guardedDb([&]() -> Result<void> {
            for (const auto& m : movements)
                m_store.db()
                    .cached("INSERT OR IGNORE INTO sync_debits (lot, location, movement_id) VALUES (?1, ?2, ?3)")
                    .bindAll(lot, place, m.id)
                    .run();
            m_store.db()
                .prepare("INSERT INTO sync_conflicts (lot, location, balance, detected_at, note) VALUES (?1, ?2, 0, "
                         "?3, ?4) ON CONFLICT (lot, location) WHERE resolved_at IS NULL DO NOTHING")
                .bindAll(lot, place, now, note)
                .run();
            return {};
        });
    }

  private:
    CentralStore::Impl& m_store;
};

} // namespace

Result<std::vector<StationRow>> CentralStore::Impl::stationRows() {
    return guardedDb([&]() -> Result<std::vector<StationRow>> {
        std::vector<StationRow> out;
        auto s = db().prepare("SELECT name, token_hash, station_id, acked_seq FROM sync_stations");
        while (s.step())
            out.push_back(StationRow{s.text(0), s.text(1), s.optText(2), s.int64(3)});
        return out;
    });
}

Result<std::optional<std::string>> CentralStore::Impl::stationWithId(const std::string& stationId) {
    return guardedDb([&]() -> Result<std::optional<std::string>> {
        auto taken = db().prepare("SELECT name FROM sync_stations WHERE station_id = ?1");
        taken.bindAll(stationId);
        if (taken.step()) return std::optional(taken.text(0));
        return std::optional<std::string>();
    });
}

Result<PushApplied> CentralStore::Impl::applyPush(const Caller& caller, const std::string& stationId,
                                                  const std::vector<storage::RemoteMovement>& batch) {
    PushApplied out;
    out.acked = caller.acked;
    // The movements, the acked mark and the conflict bookkeeping in the batch's own transaction (not a
    // batch inside atomically(): see Ledger::applyRemoteMovements). Binding the station id comes after the
    // movements now; it is in the same transaction, so nothing can see the difference.
    auto committed = ledger.applyRemoteMovements(batch, [&](const storage::ApplyBatchResult& applied) {
        return guardedDb([&]() -> Result<void> {
            if (!caller.stationId) {
                db().prepare("UPDATE sync_stations SET station_id = ?2 WHERE name = ?1 AND station_id IS NULL")
                    .bindAll(caller.name, stationId)
                    .run();
            }
            out.result = applied;
            std::vector<storage::Movement> effects;
            for (std::size_t i = 0; i < out.result.outcomes.size(); ++i) {
                const auto& m = batch[i].movement;
                out.acked = std::max(out.acked, m.seq);
                effects.push_back(m);
            }
            db().prepare("UPDATE sync_stations SET acked_seq = max(acked_seq, ?2), last_contact = ?3 "
                         "WHERE name = ?1")
                .bindAll(caller.name, out.acked, nowText())
                .run();
            SqliteConflictBook book(*this);
            return recordEffects(book, effects);
        });
    });
    if (!committed) return std::unexpected(committed.error());
    return out;
}

Result<std::int64_t> CentralStore::Impl::openConflictCount() {
    return guardedDb([&]() -> Result<std::int64_t> {
        auto s = db().prepare("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL");
        s.step();
        return s.int64(0);
    });
}

Result<bool> CentralStore::Impl::holds(std::int64_t position, std::string_view id) {
    auto there = ledger.movementsSince(position - 1, 1);
    if (!there) return std::unexpected(there.error());
    return !there->empty() && there->front().position == position && there->front().movement.id == id;
}

Result<std::int64_t> CentralStore::Impl::orderHead() {
    try {
        auto s = db().cached("SELECT coalesce(max(pos), 0) FROM movements");
        return s.step() ? s.int64(0) : 0;
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("central store: ") + e.what());
    }
}

Result<std::vector<OrderedMovement>> CentralStore::Impl::orderAfter(std::int64_t position, std::size_t limit) {
    auto read = ledger.movementsSince(position, limit);
    if (!read) return std::unexpected(read.error());
    std::vector<OrderedMovement> out;
    out.reserve(read->size());
    for (const auto& arrived : *read) {
        const auto& m = arrived.movement;
        OrderedMovement entry{arrived.position, m.id, m.stationId, m.lot, {}};
        wire::appendJson(entry.json, m);
        out.push_back(std::move(entry));
    }
    return out;
}

Result<LotDefinitions> CentralStore::Impl::definitions(const std::set<std::string>& lots) {
    LotDefinitions out;
    std::set<std::string> skus;
    for (const auto& code : lots) {
        auto lot = ledger.lot(code);
        if (!lot) continue;
        out.lots.push_back(wire::toJson(*lot).dump());
        if (!skus.insert(lot->sku).second) continue;
        if (auto item = ledger.item(lot->sku)) out.items.push_back(wire::toJson(*item).dump());
    }
    return out;
}

Result<StoreContents> CentralStore::Impl::contents() {
    StoreContents out;
    auto all = ledger.movementsSince(0, 1u << 30);
    if (!all) return std::unexpected(all.error());
    std::set<std::string> lots;
    for (auto& arrived : *all) {
        lots.insert(arrived.movement.lot);
        out.movements.push_back(std::move(arrived.movement));
    }
    for (const auto& lot : lots) {
        auto balances = ledger.balances(lot);
        if (!balances) return std::unexpected(balances.error());
        for (const auto& b : *balances)
            if (b.quantity != 0) out.balances[{b.lot, b.location}] = b.quantity;
    }
    return out;
}

} // namespace lotstation::sync
