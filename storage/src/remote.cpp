// Another station's movement arriving through sync: verified (its own hash, the link to that station's
// chain), stored verbatim in the same table, and applied to balances and lot status. Never refused for a
// business reason: stock may go negative when two offline stations used the same lot; that is for a
// supervisor.
#include "crypto.hpp"
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "rows.hpp"
#include "validation.hpp"

namespace lotstation::storage {
namespace {

std::string label(const Movement& m) {
    return "movement " + std::to_string(m.seq) + " of station " + m.stationId;
}

// Master data a foreign movement needs and this station may not have yet. Locations and suppliers named by
// code only are created as placeholders (name = code) that master-data sync fills in later; they and items
// defined by a movement have revision -1, so that the master data's own record always replaces them.
void ensureLocation(LedgerCore& core, const std::optional<std::string>& code) {
    if (!code || findLocation(core, *code)) return;
    core.db.cached("INSERT INTO locations (code, name, kind, revision) VALUES (?1, ?1, 'store', -1)")
        .bindAll(*code)
        .run();
}

Result<std::int64_t> ensureLot(LedgerCore& core, const RemoteMovement& remote) {
    const auto& m = remote.movement;
    if (auto lot = findLot(core, m.lot)) return lot->id;
    if (!remote.lot || remote.lot->code != m.lot)
        return fail(ErrorKind::NotFound,
                    label(m) + " names lot " + m.lot + ", unknown here, and does not define it");
    const auto& def = *remote.lot;
    auto item = findItem(core, def.sku);
    if (!item) {
        if (!remote.item || remote.item->sku != def.sku)
            return fail(ErrorKind::NotFound, label(m) + " names item " + def.sku + ", unknown here");
        const auto& it = *remote.item;
        core.db
            .cached("INSERT INTO items (sku, name, kind, uom, gtin, lot_tracked, shelf_life_days, revision) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, -1)")
            .bindAll(it.sku, it.name, toString(it.kind), toString(it.uom), it.gtin,
                     std::int64_t{it.lotTracked ? 1 : 0},
                     it.shelfLifeDays ? std::optional<std::int64_t>(*it.shelfLifeDays) : std::nullopt)
            .run();
        item = findItem(core, def.sku);
    }
    std::optional<std::int64_t> supplierId;
    if (def.supplier && def.supplierLot) {
        if (!findSupplier(core, *def.supplier))
            core.db.cached("INSERT INTO suppliers (code, name, revision) VALUES (?1, ?1, -1)")
                .bindAll(*def.supplier)
                .run();
        supplierId = findSupplier(core, *def.supplier)->id;
        // The same supplier lot may already be a lot made here while both stations were offline: both lots
        // are kept (the schema allows one per creating station) and lotsBySupplierLot shows them side by
        // side.
    }
    core.db
        .cached(
            "INSERT INTO lots (code, item_id, supplier_id, supplier_lot, run_code, origin_date, expiry, "
            "best_before, "
            "status, unit_cost, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'available', ?9, ?10)")
        .bindAll(def.code, item->id, supplierId, supplierId ? def.supplierLot : std::nullopt, def.run,
                 formatDate(def.originDate),
                 def.expiry ? std::optional(formatDate(*def.expiry)) : std::nullopt,
                 def.bestBefore ? std::optional(formatDate(*def.bestBefore)) : std::nullopt, def.unitCost,
                 def.createdBy.empty() ? m.stationId : def.createdBy)
        .run();
    return core.db.lastInsertRowid();
}

// Checks and applies one remote movement. The caller holds a transaction (or savepoint) and rolls it back on
// error: a failure half-way (e.g. after the lot was defined) must leave nothing behind.
Result<ApplyOutcome> applyRemote(LedgerCore& core, const RemoteMovement& remote) {
    const auto& m = remote.movement;
    if (m.stationId.empty()) return fail(ErrorKind::Invalid, "a remote movement needs a station id");
    if (m.stationId == core.identity.stationId)
        return fail(ErrorKind::Conflict, label(m) + " claims to come from this station");
    if (m.seq < 1 || m.quantity < 0 || m.id.size() != 36)
        return fail(ErrorKind::Invalid, label(m) + " is malformed (seq, quantity or id)");
    if (movementHash(m) != m.hash)
        return fail(ErrorKind::Invalid, label(m) + ": hash does not match its content");
    if (auto existing = findMovement(core, m.id)) {
        if (existing->hash == m.hash) return ApplyOutcome::AlreadyPresent;
        return fail(ErrorKind::Conflict, label(m) + ": id " + m.id + " is already stored with other content");
    }
    std::int64_t lastSeq = 0;
    std::string lastHash(kGenesisHash);
    {
        auto head = core.db.cached("SELECT last_seq, last_hash FROM chains WHERE station_id = ?1");
        head.bindAll(m.stationId);
        if (head.step()) {
            lastSeq = head.int64(0);
            lastHash = head.text(1);
        }
    }
    if (m.seq <= lastSeq)
        return fail(ErrorKind::Conflict, label(m) + " is already stored with other content (another id)");
    if (m.seq != lastSeq + 1) {
        return fail(ErrorKind::Refused, label(m) + " arrived before movement " + std::to_string(lastSeq + 1) +
                                            ": movements of a station are applied in order");
    }
    if (m.prevHash != lastHash)
        return fail(ErrorKind::Refused, label(m) + " does not link to the previous movement of its station");

    auto lotId = ensureLot(core, remote);
    if (!lotId) return std::unexpected(lotId.error());
    ensureLocation(core, m.from);
    ensureLocation(core, m.to);
    insertAndApply(core, m);
    return ApplyOutcome::Applied;
}

} // namespace

Result<ApplyOutcome> Ledger::applyRemoteMovement(const RemoteMovement& remote) {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<ApplyOutcome> {
        sql::Transaction transaction(core.db);
        auto outcome = applyRemote(core, remote);
        if (outcome) transaction.commit();
        return outcome;
    });
}

ApplyBatchResult Ledger::applyRemoteMovements(std::span<const RemoteMovement> remotes) {
    auto& core = m_impl->core;
    ApplyBatchResult result;
    auto done = guarded([&]() -> Result<bool> {
        sql::Transaction transaction(core.db);
        for (const auto& remote : remotes) {
            // A savepoint per movement: the failing one leaves nothing behind, the good prefix commits.
            core.db.exec("SAVEPOINT remote_movement");
            Result<ApplyOutcome> outcome;
            try {
                outcome = applyRemote(core, remote);
            } catch (const sql::Exception&) {
                core.db.exec("ROLLBACK TO remote_movement");
                core.db.exec("RELEASE remote_movement");
                throw;
            }
            if (!outcome) {
                core.db.exec("ROLLBACK TO remote_movement");
                core.db.exec("RELEASE remote_movement");
                result.error = outcome.error();
                break;
            }
            core.db.exec("RELEASE remote_movement");
            result.outcomes.push_back(*outcome);
        }
        transaction.commit();
        return true;
    });
    if (!done) {
        result.outcomes.clear();
        result.error = done.error();
    }
    return result;
}

} // namespace lotstation::storage
