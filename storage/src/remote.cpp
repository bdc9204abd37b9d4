// Another station's movement arriving through sync: verified (its own hash, the link to that station's
// chain), stored verbatim in the same table, and applied to balances and lot status. Never refused for a
// business reason: stock may go negative when two offline stations used the same lot; that is for a
// supervisor.
#include "crypto.hpp"
#include "hash_checks.hpp"
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "rows.hpp"
#include "validation.hpp"

#include <map>
#include <set>
#include <unordered_map>

namespace lotstation::storage {
namespace {

std::string label(const Movement& m) {
    return "movement " + std::to_string(m.seq) + " of station " + m.stationId;
}

// Applies a batch of remote movements inside the caller's transaction. Fast because a batch does per
// movement only what must be per movement — verify the hash, check it is new and links to its station's
// chain, insert it — and the rest once per batch: chain heads, lot / location ids and the balance changes
// are kept in memory and written by flush(). Checks come before any write of a movement, so a movement
// refused with an error value leaves nothing behind and the batch can stop there and keep its prefix.
//
// Rows are inserted `rows` at a time in one INSERT (movement_writer.hpp): the checks that refuse a movement
// all come before its row is queued, so the only thing a queued row can still meet is a UNIQUE index (an id
// another movement of the same page carries, caught here, or one stored here, left to the index as in the
// row-by-row path). Should a multi-row insert meet a constraint, RetryRowByRow is thrown: the caller rolls
// the whole batch back and applies it again one row at a time, which names the movement and keeps the
// prefix before it.
class RemoteBatch {
  public:
    struct RetryRowByRow {};

    RemoteBatch(LedgerCore& core, std::size_t rows) : m_core(core), m_rows(rows) {}

    // `hashMatches`: the movement's hash checked already (HashChecks), or nothing to check it here.
    Result<ApplyOutcome> apply(const RemoteMovement& remote, std::optional<bool> hashMatches = std::nullopt) {
        const auto& m = remote.movement;
        if (m.stationId.empty()) return fail(ErrorKind::Invalid, "a remote movement needs a station id");
        if (m.stationId == m_core.identity.stationId)
            return fail(ErrorKind::Conflict, label(m) + " claims to come from this station");
        if (m.seq < 1 || m.quantity < 0 || m.id.size() != 36)
            return fail(ErrorKind::Invalid, label(m) + " is malformed (seq, quantity or id)");
        if (!(hashMatches ? *hashMatches : movementHash(m) == m.hash))
            return fail(ErrorKind::Invalid, label(m) + ": hash does not match its content");
        auto& head = chainHead(m.stationId);
        if (m.seq <= head.seq) {
            // Redelivery of a movement stored here, or other content under a sequence number we hold.
            if (auto stored = knownHash(m.id)) {
                if (*stored == m.hash) return ApplyOutcome::AlreadyPresent;
                return idTaken(m);
            }
            return fail(ErrorKind::Conflict, label(m) + " is already stored with other content (another id)");
        }
        if (m.seq != head.seq + 1) {
            return fail(ErrorKind::Refused, label(m) + " arrived before movement " +
                                                std::to_string(head.seq + 1) +
                                                ": movements of a station are applied in order");
        }
        if (m.prevHash != head.hash)
            return fail(ErrorKind::Refused,
                        label(m) + " does not link to the previous movement of its station");
        // The next of its chain: its id is new unless another movement already carries it. That is checked
        // before this movement writes anything else (a new lot, a placeholder location), and otherwise left
        // to the id's UNIQUE index — one lookup less per movement on the common path.
        m_idChecked = false;
        auto lotId = ensureLot(remote);
        if (!lotId) return std::unexpected(lotId.error());
        auto fromId = locationId(m, m.from);
        if (!fromId) return std::unexpected(fromId.error());
        auto toId = locationId(m, m.to);
        if (!toId) return std::unexpected(toId.error());
        const auto from = *fromId;
        const auto to = *toId;
        if (m_rows > 1) {
            if (m_queuedIds.contains(m.id)) return idTaken(m);
            queue(MovementRow{&m, *lotId, from, to});
        } else {
            try {
                const MovementRow row{&m, *lotId, from, to};
                insertRows(std::span(&row, 1));
            } catch (const sql::Exception& e) {
                // Nothing of this movement was written yet (see m_idChecked): a clean refusal.
                if (e.isConstraint() && !m_idChecked && storedHash(m.id)) return idTaken(m);
                throw;
            }
        }
        if (from) m_deltas[{*lotId, *from}] -= m.quantity;
        if (to) m_deltas[{*lotId, *to}] += m.quantity;
        if (m.lotStatus && (m.kind == MovementKind::Hold || m.kind == MovementKind::Release)) {
            // A release from another station never lifts a QC rejection (quality.hpp dispositionClash): two
            // stations that decided opposite ways offline both end with the lot rejected until a person looks.
            m_core.db
                .cached("UPDATE lots SET status = ?2 WHERE id = ?1 AND NOT (status = 'rejected' AND ?3 = 1)")
                .bindAll(*lotId, toString(*m.lotStatus),
                         static_cast<std::int64_t>(m.kind == MovementKind::Release ? 1 : 0))
                .run();
        }
        m_touchedLots.insert(*lotId);
        head.seq = m.seq;
        head.hash = m.hash;
        head.dirty = true;
        return ApplyOutcome::Applied;
    }

    // Writes what the applied movements changed: balances (zero rows removed), lots' depleted / available
    // status after them, chain heads.
    void flush() {
        insertQueued();
        for (const auto& [key, delta] : m_deltas) {
            if (delta == 0) continue;
            m_core.db
                .cached("INSERT INTO balances (lot_id, location_id, quantity) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (lot_id, location_id) DO UPDATE SET quantity = quantity + "
                        "excluded.quantity")
                .bindAll(key.first, key.second, delta)
                .run();
            m_core.db.cached("DELETE FROM balances WHERE lot_id = ?1 AND location_id = ?2 AND quantity = 0")
                .bindAll(key.first, key.second)
                .run();
        }
        for (auto lotId : m_touchedLots)
            refreshDepletion(m_core, lotId);
        for (auto& [station, head] : m_heads) {
            if (!head.dirty) continue;
            m_core.db
                .cached("INSERT INTO chains (station_id, last_seq, last_hash) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (station_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = "
                        "excluded.last_hash")
                .bindAll(station, head.seq, head.hash)
                .run();
            head.dirty = false;
        }
        m_deltas.clear();
        m_touchedLots.clear();
    }

  private:
    void queue(const MovementRow& row) {
        m_queued.push_back(row);
        m_queuedIds.emplace(row.movement->id, row.movement->hash);
        if (m_queued.size() == m_rows) insertQueued();
    }

    void insertQueued() {
        if (m_queued.empty()) return;
        try {
            const auto whole = m_queued.size() / m_rows * m_rows;
            for (std::size_t at = 0; at < whole; at += m_rows)
                insertRows(std::span(m_queued).subspan(at, m_rows));
            for (std::size_t at = whole; at < m_queued.size(); ++at)
                insertRows(std::span(m_queued).subspan(at, 1));
        } catch (const sql::Exception& e) {
            if (e.isConstraint()) throw RetryRowByRow{};
            throw;
        }
        m_queued.clear();
        m_queuedIds.clear();
    }

    void insertRows(std::span<const MovementRow> rows) {
        auto insert = m_core.db.cached(rows.size() == 1 ? kInsertOne : kInsertChunk);
        for (std::size_t row = 0; row < rows.size(); ++row)
            bindMovementRow(insert.statement(), row, rows[row]);
        insert.run();
    }

    // The hash of the movement stored (or queued) under this id.
    std::optional<std::string> knownHash(const std::string& id) {
        if (auto queued = m_queuedIds.find(id); queued != m_queuedIds.end()) return std::string(queued->second);
        return storedHash(id);
    }

    std::optional<std::string> storedHash(const std::string& id) {
        auto existing = m_core.db.cached("SELECT hash FROM movements WHERE id = ?1");
        existing.bindAll(id);
        if (!existing.step()) return std::nullopt;
        return existing.text(0);
    }

    static std::unexpected<Error> idTaken(const Movement& m) {
        return fail(ErrorKind::Conflict, label(m) + ": id " + m.id + " is already stored with other content");
    }

    // Before the first write of a movement other than its own row: its id must be free.
    Result<void> idFree(const Movement& m) {
        if (m_idChecked) return {};
        if (knownHash(m.id)) return idTaken(m);
        m_idChecked = true;
        return {};
    }

    struct Head {
        std::int64_t seq = 0;
        std::string hash;
        bool dirty = false;
    };

    Head& chainHead(const std::string& station) {
        auto it = m_heads.find(station);
        if (it != m_heads.end()) return it->second;
        Head head{0, std::string(kGenesisHash), false};
        auto read = m_core.db.cached("SELECT last_seq, last_hash FROM chains WHERE station_id = ?1");
        read.bindAll(station);
        if (read.step()) {
            head.seq = read.int64(0);
            head.hash = read.text(1);
        }
        return m_heads.emplace(station, std::move(head)).first->second;
    }

    // Locations named by code only are created as placeholders (name = code, revision -1) that master data
    // sync fills in later.
    Result<std::optional<std::int64_t>> locationId(const Movement& m,
                                                   const std::optional<std::string>& code) {
        if (!code) return std::optional<std::int64_t>();
        if (auto it = m_locations.find(*code); it != m_locations.end()) return std::optional(it->second);
        auto row = findLocation(m_core, *code);
        if (!row) {
            if (auto free = idFree(m); !free) return std::unexpected(free.error());
            m_core.db
                .cached("INSERT INTO locations (code, name, kind, revision) VALUES (?1, ?1, 'store', -1)")
                .bindAll(*code)
                .run();
            row = findLocation(m_core, *code);
        }
        m_locations.emplace(*code, row->id);
        return std::optional(row->id);
    }

    // The lot's row id; a lot unknown here is defined from the movement's lot (and item) definition.
    Result<std::int64_t> ensureLot(const RemoteMovement& remote) {
        const auto& m = remote.movement;
        if (auto it = m_lots.find(m.lot); it != m_lots.end()) return it->second;
        if (auto lot = findLot(m_core, m.lot)) return m_lots.emplace(m.lot, lot->id).first->second;
        if (!remote.lot || remote.lot->code != m.lot)
            return fail(ErrorKind::NotFound,
                        label(m) + " names lot " + m.lot + ", unknown here, and does not define it");
        if (auto free = idFree(m); !free) return std::unexpected(free.error());
        const auto& def = *remote.lot;
        auto itemId = itemIdFor(remote);
        if (!itemId) return std::unexpected(itemId.error());
        std::optional<std::int64_t> supplierId;
        if (def.supplier && def.supplierLot) {
            supplierId = supplierIdFor(*def.supplier);
            // The same supplier lot may already be a lot made here while both stations were offline: both
            // lots are kept (the schema allows one per creating station) and lotsBySupplierLot shows them
            // side by side.
        }
        m_core.db
            .cached(
                "INSERT INTO lots (code, item_id, supplier_id, supplier_lot, run_code, origin_date, expiry, "
                "best_before, status, unit_cost, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                "'available', ?9, ?10)")
            .bindAll(def.code, *itemId, supplierId, supplierId ? def.supplierLot : std::nullopt, def.run,
                     formatDate(def.originDate),
                     def.expiry ? std::optional(formatDate(*def.expiry)) : std::nullopt,
                     def.bestBefore ? std::optional(formatDate(*def.bestBefore)) : std::nullopt, def.unitCost,
                     def.createdBy.empty() ? m.stationId : def.createdBy)
            .run();
        return m_lots.emplace(m.lot, m_core.db.lastInsertRowid()).first->second;
    }

    // The item's row id (once per batch); an item unknown here is defined from the movement's item.
    Result<std::int64_t> itemIdFor(const RemoteMovement& remote) {
        const auto& m = remote.movement;
        const auto& sku = remote.lot->sku;
        if (auto it = m_items.find(sku); it != m_items.end()) return it->second;
        auto item = findItem(m_core, sku);
        if (!item) {
            if (!remote.item || remote.item->sku != sku)
                return fail(ErrorKind::NotFound, label(m) + " names item " + sku + ", unknown here");
            const auto& it = *remote.item;
            m_core.db
                .cached(
                    "INSERT INTO items (sku, name, kind, uom, gtin, lot_tracked, shelf_life_days, revision) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, -1)")
                .bindAll(it.sku, it.name, toString(it.kind), toString(it.uom), it.gtin,
                         std::int64_t{it.lotTracked ? 1 : 0},
                         it.shelfLifeDays ? std::optional<std::int64_t>(*it.shelfLifeDays) : std::nullopt)
                .run();
            item = findItem(m_core, sku);
        }
        return m_items.emplace(sku, item->id).first->second;
    }

    // The supplier's row id (once per batch); a supplier named by code only becomes a placeholder.
    std::int64_t supplierIdFor(const std::string& code) {
        if (auto it = m_suppliers.find(code); it != m_suppliers.end()) return it->second;
        if (!findSupplier(m_core, code))
            m_core.db.cached("INSERT INTO suppliers (code, name, revision) VALUES (?1, ?1, -1)").bindAll(code).run();
        return m_suppliers.emplace(code, findSupplier(m_core, code)->id).first->second;
    }

    LedgerCore& m_core;
    std::size_t m_rows; // rows per INSERT
    const std::string kInsertOne = movementInsertSql(1);
    const std::string kInsertChunk = movementInsertSql(m_rows);
    std::vector<MovementRow> m_queued;
    std::unordered_map<std::string_view, std::string_view> m_queuedIds; // id -> hash, of m_queued
    bool m_idChecked = false; // the current movement's id is known to be free
    std::unordered_map<std::string, Head> m_heads;
    std::unordered_map<std::string, std::int64_t> m_lots;
    std::unordered_map<std::string, std::int64_t> m_locations;
    std::unordered_map<std::string, std::int64_t> m_items;
    std::unordered_map<std::string, std::int64_t> m_suppliers;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> m_deltas; // (lot, location) -> change
    std::set<std::int64_t> m_touchedLots;
};

} // namespace

Result<ApplyOutcome> Ledger::applyRemoteMovement(const RemoteMovement& remote) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<ApplyOutcome> {
        sql::Transaction transaction(core.db);
        RemoteBatch batch(core, 1);
        auto outcome = batch.apply(remote);
        if (!outcome) return outcome;
        batch.flush();
        transaction.commit();
        return outcome;
    });
}

ApplyBatchResult Ledger::applyRemoteMovements(std::span<const RemoteMovement> remotes) {
    auto applied = applyRemoteMovements(remotes, {});
    if (!applied) return ApplyBatchResult{{}, applied.error()};
    return std::move(*applied);
}

namespace {

// Rows per INSERT when a batch is applied (see RemoteBatch).
constexpr std::size_t kRowsPerInsert = 64;

Result<ApplyBatchResult> applyInTransaction(LedgerCore& core, std::span<const RemoteMovement> remotes,
                                            const Ledger::AlongsideBatch& alongside, std::size_t rowsPerInsert) {
    ApplyBatchResult result;
    result.outcomes.reserve(remotes.size());
    sql::Transaction transaction(core.db);
    RemoteBatch batch(core, rowsPerInsert);
    // A page of a catch-up has its hashes checked beside it; a few movements are not worth a thread.
    std::optional<HashChecks> checks;
    if (remotes.size() >= kRowsPerInsert) checks.emplace(remotes);
    for (std::size_t i = 0; i < remotes.size(); ++i) {
        const auto& remote = remotes[i];
        auto outcome = batch.apply(remote, checks ? std::optional(checks->matches(i)) : std::nullopt);
        if (!outcome) {
            // Refused before it wrote anything: the good prefix before it commits.
            result.error = outcome.error();
            break;
        }
        result.outcomes.push_back(*outcome);
    }
    batch.flush();
    if (alongside) {
        if (auto done = alongside(result); !done) return std::unexpected(done.error());
    }
    transaction.commit();
    return result;
}

} // namespace

Result<ApplyBatchResult> Ledger::applyRemoteMovements(std::span<const RemoteMovement> remotes,
                                                      const AlongsideBatch& alongside) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<ApplyBatchResult> {
        try {
            return applyInTransaction(core, remotes, alongside, kRowsPerInsert);
        } catch (const RemoteBatch::RetryRowByRow&) {
            // A multi-row insert met a UNIQUE index and everything rolled back: row by row, the movement
            // behind it is refused by name and the good prefix before it is kept.
            return applyInTransaction(core, remotes, alongside, 1);
        }
    });
}

} // namespace lotstation::storage
