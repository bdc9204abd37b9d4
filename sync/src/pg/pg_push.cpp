// A push into the PostgreSQL store, in one transaction: the station's chain head is locked (pushes of one
// station, whichever server they reach, run one after the other), each movement is checked as the central
// ledger checks a remote movement (hash, next of its station's chain, id not taken) and kept, balances and
// conflicts follow, and the batch is numbered into the pull order last (order_log.hpp).
#include "../conflict_rule.hpp"
#include "../wire.hpp"
#include "columns.hpp"
#include "order_log.hpp"
#include "lotstation/storage/quantity.hpp"
#include "pg_central.hpp"

#include <map>

namespace lotstation::sync::pg {
namespace {

std::string label(const storage::Movement& m) {
    return "movement " + std::to_string(m.seq) + " of station " + m.stationId;
}

// The conflict bookkeeping of one push, in few statements: debits are written together at the end, the
// balances after the push come from the balance update itself, and only places with an open conflict are
// looked at again.
class PgConflictBook final : public ConflictBook {
  public:
    // `arriving`: the movements this push adds, not in the order log until it is numbered last.
    PgConflictBook(PgCentral& store, std::map<std::pair<std::string, std::string>, std::int64_t> balances,
                   std::set<std::pair<std::string, std::string>> open, const std::vector<storage::Movement>& arriving)
        : m_store(store), m_balances(std::move(balances)), m_open(std::move(open)), m_arriving(arriving) {}

    Result<void> addDebit(const storage::Movement& m) override {
        m_debits.add({m.lot, *m.from, m.id});
        return {};
    }
    Result<std::int64_t> balance(const std::string& lot, const std::string& location) override {
        if (auto known = m_balances.find({lot, location}); known != m_balances.end()) return known->second;
        auto rows = m_store.db().exec("SELECT quantity FROM sync_balances WHERE lot = $1 AND location = $2",
                                      {lot, location});
        if (!rows) return std::unexpected(rows.error());
        return rows->size() == 0 ? 0 : rows->int64(0, 0);
    }
    Result<void> flag(const std::string& lot, const std::string& location, std::int64_t balance,
                      const std::string& now) override {
        return done(m_store.db().exec(
            "INSERT INTO sync_conflicts (lot, location, balance, detected_at) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (lot, location) WHERE resolved_at IS NULL DO UPDATE SET balance = excluded.balance",
            {lot, location, std::to_string(balance), now}));
    }
    Result<void> settle(const std::string& lot, const std::string& location, std::int64_t balance,
                        const storage::Movement& by, const std::string& note, const std::string& now) override {
        return done(m_store.db().exec(
            "UPDATE sync_conflicts SET resolved_by = 'ledger', resolved_at = $3, cleared_by = $4, balance = $5, "
            "note = $6 WHERE lot = $1 AND location = $2 AND resolved_at IS NULL",
            {lot, location, now, by.id, std::to_string(balance), note}));
    }
    bool mayBeOpen(const std::string& lot, const std::string& location) override {
        return m_open.contains({lot, location});
    }
    std::string inUnit(const std::string& lot, std::int64_t quantity) override {
        auto text = m_store.inItemUnit(lot, quantity);
        return text ? *text : std::to_string(quantity) + " (base units)";
    }
    Result<std::vector<storage::Movement>> statusHistory(const std::string& lot) override {
        auto rows = m_store.db().exec("SELECT body FROM sync_log WHERE lot = $1 ORDER BY position", {lot});
        if (!rows) return std::unexpected(rows.error());
        std::vector<storage::Movement> out;
        std::set<std::string> seen;
        const auto keep = [&](const storage::Movement& m) {
            if ((m.kind == storage::MovementKind::Hold || m.kind == storage::MovementKind::Release) &&
                seen.insert(m.id).second)
                out.push_back(m);
        };
        try {
            for (int i = 0; i < rows->size(); ++i)
                keep(wire::movementFrom(wire::Json::parse(rows->text(i, 0)), "the order log"));
        } catch (const std::exception& e) {
            return fail(ErrorKind::Io, std::string("the PostgreSQL store's order log is unreadable: ") + e.what());
        }
        for (const auto& m : m_arriving)
            if (m.lot == lot) keep(m);
        return out;
    }
    Result<void> flagDecisions(const std::string& lot, const std::string& place,
                               const std::vector<storage::Movement>& movements, const std::string& note,
                               const std::string& now) override {
        for (const auto& m : movements)
            m_debits.add({lot, place, m.id});
        return done(m_store.db().exec(
            "INSERT INTO sync_conflicts (lot, location, balance, detected_at, note) VALUES ($1, $2, 0, $3, $4) "
            "ON CONFLICT (lot, location) WHERE resolved_at IS NULL DO NOTHING",
            {lot, place, now, note}));
    }
    [[nodiscard]] Result<void> flush() {
        return m_debits.insert(m_store.db(), "INSERT INTO sync_debits SELECT * FROM unnest($1::text[], $2::text[], "
                                             "$3::text[]) ON CONFLICT DO NOTHING");
    }

  private:
    static Result<void> done(const Result<Rows>& rows) {
        if (!rows) return std::unexpected(rows.error());
        return {};
    }
    PgCentral& m_store;
    std::map<std::pair<std::string, std::string>, std::int64_t> m_balances;
    std::set<std::pair<std::string, std::string>> m_open;
    const std::vector<storage::Movement>& m_arriving;
    Columns m_debits{3};
};

struct Head {
    std::int64_t seq = 0;
    std::string hash;
};

// The station's chain head, locked until the transaction ends.
Result<Head> lockChain(Connection& db, const std::string& stationId) {
    auto made = db.exec("INSERT INTO sync_chains (station_id, last_seq, last_hash) VALUES ($1, 0, $2) "
                        "ON CONFLICT (station_id) DO NOTHING",
                        {stationId, std::string(64, '0')}); // the genesis hash a chain starts from
    if (!made) return std::unexpected(made.error());
    auto head = db.exec("SELECT last_seq, last_hash FROM sync_chains WHERE station_id = $1 FOR UPDATE", {stationId});
    if (!head) return std::unexpected(head.error());
    return Head{head->int64(0, 0), head->text(0, 1)};
}

// The stored hashes of the batch's movement ids (redelivery, or an id another movement carries).
Result<std::map<std::string, std::string>> storedHashes(Connection& db,
                                                        const std::vector<storage::RemoteMovement>& batch) {
    std::vector<std::string> ids;
    for (const auto& r : batch)
        ids.push_back(r.movement.id);
    auto rows = db.exec("SELECT movement_id, hash FROM sync_log WHERE movement_id = ANY($1::text[])", {textArray(ids)});
    if (!rows) return std::unexpected(rows.error());
    std::map<std::string, std::string> out;
    for (int i = 0; i < rows->size(); ++i)
        out.emplace(rows->text(i, 0), rows->text(i, 1));
    return out;
}

// The set of `values` the store already has (one statement).
Result<std::set<std::string>> present(Connection& db, const std::string& sql, const std::set<std::string>& values) {
    std::set<std::string> out;
    if (values.empty()) return out;
    auto rows = db.exec(sql, {textArray({values.begin(), values.end()})});
    if (!rows) return std::unexpected(rows.error());
    for (int i = 0; i < rows->size(); ++i)
        out.insert(rows->text(i, 0));
    return out;
}

// Lots (and their items) this batch names: which the store knows, and the definitions of those it does not,
// written together after the batch.
class Definitions {
  public:
    explicit Definitions(Connection& db) : m_db(db) {}

    [[nodiscard]] Result<void> load(const std::vector<storage::RemoteMovement>& batch) {
        std::set<std::string> lots;
        std::set<std::string> skus;
        for (const auto& remote : batch) {
            lots.insert(remote.movement.lot);
            if (remote.lot) skus.insert(remote.lot->sku);
        }
        auto knownLots = present(m_db, "SELECT code FROM sync_lots WHERE code = ANY($1::text[])", lots);
        if (!knownLots) return std::unexpected(knownLots.error());
        auto knownItems = present(m_db, "SELECT sku FROM sync_items WHERE sku = ANY($1::text[])", skus);
        if (!knownItems) return std::unexpected(knownItems.error());
        m_lots = std::move(*knownLots);
        m_items = std::move(*knownItems);
        return {};
    }

    // NotFound when the movement names a lot (or item) nobody defined.
    [[nodiscard]] Result<void> require(const storage::RemoteMovement& remote) {
        const auto& m = remote.movement;
        if (m_lots.contains(m.lot)) return {};
        if (!remote.lot || remote.lot->code != m.lot)
            return fail(ErrorKind::NotFound, label(m) + " names lot " + m.lot + ", unknown here, and does not define it");
        if (!m_items.contains(remote.lot->sku)) {
            if (!remote.item || remote.item->sku != remote.lot->sku)
                return fail(ErrorKind::NotFound, label(m) + " names item " + remote.lot->sku + ", unknown here");
            m_newItems.add({remote.item->sku, storage::toString(remote.item->uom), wire::toJson(*remote.item).dump()});
            m_items.insert(remote.item->sku);
        }
        auto lot = *remote.lot;
        if (lot.createdBy.empty()) lot.createdBy = m.stationId;
        m_newLots.add({lot.code, lot.sku, wire::toJson(lot).dump()});
        m_lots.insert(lot.code);
        return {};
    }

    [[nodiscard]] Result<void> flush() {
        if (auto items = m_newItems.insert(m_db, "INSERT INTO sync_items SELECT * FROM unnest($1::text[], $2::text[], "
                                                 "$3::text[]) ON CONFLICT (sku) DO NOTHING");
            !items)
            return items;
        return m_newLots.insert(m_db, "INSERT INTO sync_lots SELECT * FROM unnest($1::text[], $2::text[], "
                                      "$3::text[]) ON CONFLICT (code) DO NOTHING");
    }

  private:
    Connection& m_db;
    std::set<std::string> m_lots;
    std::set<std::string> m_items;
    Columns m_newLots{3};
    Columns m_newItems{3};
};

// The open conflicts at the lots of this batch.
Result<std::set<std::pair<std::string, std::string>>> openConflictsAt(Connection& db,
                                                                      const std::vector<storage::Movement>& moved) {
    std::set<std::pair<std::string, std::string>> out;
    std::set<std::string> lots;
    for (const auto& m : moved)
        lots.insert(m.lot);
    if (lots.empty()) return out;
    auto rows = db.exec("SELECT lot, location FROM sync_conflicts WHERE resolved_at IS NULL AND lot = ANY($1::text[])",
                        {textArray({lots.begin(), lots.end()})});
    if (!rows) return std::unexpected(rows.error());
    for (int i = 0; i < rows->size(); ++i)
        out.emplace(rows->text(i, 0), rows->text(i, 1));
    return out;
}

} // namespace

Result<PushApplied> PgCentral::applyPush(const Caller& caller, const std::string& stationId,
                                         const std::vector<storage::RemoteMovement>& batch) {
    return m_db.transaction([&]() -> Result<PushApplied> {
        PushApplied out;
        out.acked = caller.acked;
        if (!caller.stationId) {
            auto bound = m_db.exec("UPDATE sync_stations SET station_id = $2 WHERE name = $1 AND station_id IS NULL",
                                   {caller.name, stationId});
            if (!bound) return std::unexpected(bound.error());
        }
        auto head = lockChain(m_db, stationId);
        if (!head) return std::unexpected(head.error());
        out.acked = std::max(out.acked, head->seq); // committed, whichever server took it
        auto stored = storedHashes(m_db, batch);
        if (!stored) return std::unexpected(stored.error());
        Definitions definitions(m_db);
        if (auto loaded = definitions.load(batch); !loaded) return std::unexpected(loaded.error());
        std::vector<LogEntry> entries;
        std::vector<storage::Movement> effects;
        std::vector<storage::Movement> arriving;
        std::map<std::pair<std::string, std::string>, std::int64_t> deltas;
        for (const auto& remote : batch) {
            const auto& m = remote.movement;
            const auto refuse = [&](ErrorKind kind, std::string why) {
                out.result.error = Error{kind, std::move(why)};
            };
            if (m.seq < 1 || m.quantity < 0 || m.id.size() != 36) {
                refuse(ErrorKind::Invalid, label(m) + " is malformed (seq, quantity or id)");
                break;
            }
            const auto known = stored->find(m.id);
            if (m.seq <= head->seq) {
                // Redelivery of a movement stored here, or other content under a sequence number we hold.
                if (known != stored->end() && known->second == m.hash) {
                    out.result.outcomes.push_back(storage::ApplyOutcome::AlreadyPresent);
                    out.acked = std::max(out.acked, m.seq);
                    effects.push_back(m);
                    continue;
                }
                refuse(ErrorKind::Conflict, known != stored->end()
                                                ? label(m) + ": id " + m.id + " is already stored with other content"
                                                : label(m) + " is already stored with other content (another id)");
                break;
            }
            if (m.seq != head->seq + 1) {
                refuse(ErrorKind::Refused, label(m) + " arrived before movement " + std::to_string(head->seq + 1) +
                                               ": movements of a station are applied in order");
                break;
            }
            if (m.prevHash != head->hash) {
                refuse(ErrorKind::Refused, label(m) + " does not link to the previous movement of its station");
                break;
            }
            if (known != stored->end()) {
                refuse(ErrorKind::Conflict, label(m) + ": id " + m.id + " is already stored with other content");
                break;
            }
            if (auto defined = definitions.require(remote); !defined) {
                out.result.error = defined.error();
                break;
            }
            LogEntry entry{0, m.stationId, m.seq, m.id, {}, m.lot, m.hash};
            wire::appendJson(entry.body, m);
            entries.push_back(std::move(entry));
            if (m.from) deltas[{m.lot, *m.from}] -= m.quantity;
            if (m.to) deltas[{m.lot, *m.to}] += m.quantity;
            head->seq = m.seq;
            head->hash = m.hash;
            out.result.outcomes.push_back(storage::ApplyOutcome::Applied);
            out.acked = std::max(out.acked, m.seq);
            effects.push_back(m);
            arriving.push_back(m);
        }
        if (auto defined = definitions.flush(); !defined) return std::unexpected(defined.error());
        // One statement, rows in key order (two pushes touching the same balances never wait for each other
        // in a circle); it answers the balances after the push, which the conflict rule judges.
        Columns changes(3);
        for (const auto& [place, delta] : deltas)
            if (delta != 0) changes.add({place.first, place.second, std::to_string(delta)});
        std::map<std::pair<std::string, std::string>, std::int64_t> balances;
        auto changed = changes.run(m_db,
                                   "INSERT INTO sync_balances (lot, location, quantity) SELECT * FROM unnest($1::text[], "
                                   "$2::text[], $3::bigint[]) ON CONFLICT (lot, location) DO UPDATE SET quantity = "
                                   "sync_balances.quantity + excluded.quantity RETURNING lot, location, quantity",
                                   [&](const Rows& rows, int row) {
                                       balances[{rows.text(row, 0), rows.text(row, 1)}] = rows.int64(row, 2);
                                   });
        if (!changed) return std::unexpected(changed.error());
        auto chain = m_db.exec("UPDATE sync_chains SET last_seq = $2, last_hash = $3 WHERE station_id = $1",
                               {stationId, std::to_string(head->seq), head->hash});
        if (!chain) return std::unexpected(chain.error());
        auto acked = m_db.exec("UPDATE sync_stations SET acked_seq = greatest(acked_seq, $2), last_contact = $3 "
                               "WHERE name = $1",
                               {caller.name, std::to_string(out.acked), nowText()});
        if (!acked) return std::unexpected(acked.error());
        auto open = openConflictsAt(m_db, effects);
        if (!open) return std::unexpected(open.error());
        PgConflictBook book(*this, std::move(balances), std::move(*open), arriving);
        if (auto recorded = recordEffects(book, effects); !recorded) return std::unexpected(recorded.error());
        if (auto debits = book.flush(); !debits) return std::unexpected(debits.error());
        if (auto ordered = appendInOrder(m_db, entries); !ordered) return std::unexpected(ordered.error());
        return out;
    });
}

} // namespace lotstation::sync::pg
