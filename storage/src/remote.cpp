// Another station's movement arriving through sync: verified (its own hash, the link to that station's
// chain), stored verbatim in the same table, and applied to balances and lot status. Never refused for a
// business reason: stock may go negative when two offline stations used the same lot; that is for a
// supervisor.
#include "crypto.hpp"
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
class RemoteBatch {
  public:
    explicit RemoteBatch(LedgerCore& core) : m_core(core) {}

    Result<ApplyOutcome> apply(const RemoteMovement& remote) {
        const auto& m = remote.movement;
        if (m.stationId.empty()) return fail(ErrorKind::Invalid, "a remote movement needs a station id");
        if (m.stationId == m_core.identity.stationId)
            return fail(ErrorKind::Conflict, label(m) + " claims to come from this station");
        if (m.seq < 1 || m.quantity < 0 || m.id.size() != 36)
            return fail(ErrorKind::Invalid, label(m) + " is malformed (seq, quantity or id)");
        if (movementHash(m) != m.hash)
            return fail(ErrorKind::Invalid, label(m) + ": hash does not match its content");
        auto& head = chainHead(m.stationId);
        if (m.seq <= head.seq) {
            // Redelivery of a movement stored here, or other content under a sequence number we hold.
            if (auto stored = storedHash(m.id)) {
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
        try {
            insert(m, *lotId, from, to);
        } catch (const sql::Exception& e) {
            // Nothing of this movement was written yet (see m_idChecked): a clean refusal.
            if (e.isConstraint() && !m_idChecked && storedHash(m.id)) return idTaken(m);
            throw;
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
        if (storedHash(m.id)) return idTaken(m);
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
        auto item = findItem(m_core, def.sku);
        if (!item) {
            if (!remote.item || remote.item->sku != def.sku)
                return fail(ErrorKind::NotFound, label(m) + " names item " + def.sku + ", unknown here");
            const auto& it = *remote.item;
            m_core.db
                .cached(
                    "INSERT INTO items (sku, name, kind, uom, gtin, lot_tracked, shelf_life_days, revision) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, -1)")
                .bindAll(it.sku, it.name, toString(it.kind), toString(it.uom), it.gtin,
                         std::int64_t{it.lotTracked ? 1 : 0},
                         it.shelfLifeDays ? std::optional<std::int64_t>(*it.shelfLifeDays) : std::nullopt)
                .run();
            item = findItem(m_core, def.sku);
        }
        std::optional<std::int64_t> supplierId;
        if (def.supplier && def.supplierLot) {
            if (!findSupplier(m_core, *def.supplier))
                m_core.db.cached("INSERT INTO suppliers (code, name, revision) VALUES (?1, ?1, -1)")
                    .bindAll(*def.supplier)
                    .run();
            supplierId = findSupplier(m_core, *def.supplier)->id;
            // The same supplier lot may already be a lot made here while both stations were offline: both
            // lots are kept (the schema allows one per creating station) and lotsBySupplierLot shows them
            // side by side.
        }
        m_core.db
            .cached(
                "INSERT INTO lots (code, item_id, supplier_id, supplier_lot, run_code, origin_date, expiry, "
                "best_before, status, unit_cost, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                "'available', ?9, ?10)")
            .bindAll(def.code, item->id, supplierId, supplierId ? def.supplierLot : std::nullopt, def.run,
                     formatDate(def.originDate),
                     def.expiry ? std::optional(formatDate(*def.expiry)) : std::nullopt,
                     def.bestBefore ? std::optional(formatDate(*def.bestBefore)) : std::nullopt, def.unitCost,
                     def.createdBy.empty() ? m.stationId : def.createdBy)
            .run();
        return m_lots.emplace(m.lot, m_core.db.lastInsertRowid()).first->second;
    }

    void insert(const Movement& m, std::int64_t lotId, std::optional<std::int64_t> fromId,
                std::optional<std::int64_t> toId) {
        std::optional<std::string> lotStatus;
        if (m.lotStatus) lotStatus = toString(*m.lotStatus);
        m_core.db
            .cached(
                "INSERT INTO movements (id, station_id, seq, at, at_ms, user_name, kind, lot_id, quantity, "
                "from_location_id, to_location_id, run_code, party, reference, reason, unit_cost, "
                "reverses, lot_status, approved_by, overridden, prev_hash, hash, scale) VALUES (?1, ?2, ?3, "
                "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)")
            .bindAll(m.id, m.stationId, m.seq, formatTimestamp(m.at),
                     static_cast<std::int64_t>(m.at.time_since_epoch().count()), m.user, toString(m.kind),
                     lotId, m.quantity, fromId, toId, m.run, m.party, m.reference, m.reason, m.unitCost,
                     m.reverses, lotStatus, m.approvedBy, m.overridden, m.prevHash, m.hash, m.scale)
            .run();
    }

    LedgerCore& m_core;
    bool m_idChecked = false; // the current movement's id is known to be free
    std::unordered_map<std::string, Head> m_heads;
    std::unordered_map<std::string, std::int64_t> m_lots;
    std::unordered_map<std::string, std::int64_t> m_locations;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> m_deltas; // (lot, location) -> change
    std::set<std::int64_t> m_touchedLots;
};

} // namespace

Result<ApplyOutcome> Ledger::applyRemoteMovement(const RemoteMovement& remote) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<ApplyOutcome> {
        sql::Transaction transaction(core.db);
        RemoteBatch batch(core);
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

Result<ApplyBatchResult> Ledger::applyRemoteMovements(std::span<const RemoteMovement> remotes,
                                                      const AlongsideBatch& alongside) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<ApplyBatchResult> {
        ApplyBatchResult result;
        result.outcomes.reserve(remotes.size());
        sql::Transaction transaction(core.db);
        RemoteBatch batch(core);
        for (const auto& remote : remotes) {
            auto outcome = batch.apply(remote);
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
    });
}

} // namespace lotstation::storage
