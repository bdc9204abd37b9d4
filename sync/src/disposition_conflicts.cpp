// A QC release and a QC rejection of one lot by two stations that did not know of each other's decision
// (storage/quality.hpp dispositionClash): a conflict for a person, listed like a negative balance, at the
// place "QC release vs rejection", with the two movements. Both movements stay; every ledger keeps the lot
// rejected meanwhile (a release from another station never lifts a rejection).
#include "central_core.hpp"

#include "lotstation/storage/quality.hpp"

#include <set>

namespace lotstation::sync {

storage::Result<void> flagDispositionClashes(CentralStore::Impl& impl,
                                             const std::vector<storage::Movement>& applied) {
    std::set<std::string> lots;
    std::set<std::string> arrived;
    for (const auto& m : applied) {
        arrived.insert(m.id);
        if (m.lotStatus && (m.kind == storage::MovementKind::Hold || m.kind == storage::MovementKind::Release))
            lots.insert(m.lot);
    }
    for (const auto& lot : lots) {
        auto clash = storage::dispositionClash(impl.ledger, lot);
        if (!clash) return std::unexpected(clash.error());
        // Flagged when one of the two decisions has just arrived: a clash a person resolved stays closed.
        if (!*clash || (!arrived.contains((*clash)->release.id) && !arrived.contains((*clash)->rejection.id)))
            continue;
        const auto& release = (*clash)->release;
        const auto& rejection = (*clash)->rejection;
        for (const auto* m : {&release, &rejection})
            impl.db()
                .cached("INSERT OR IGNORE INTO sync_debits (lot, location, movement_id) VALUES (?1, ?2, ?3)")
                .bindAll(lot, std::string(kDispositionClashPlace), m->id)
                .run();
        impl.db()
            .prepare("INSERT INTO sync_conflicts (lot, location, balance, detected_at, note) VALUES (?1, ?2, 0, "
                     "?3, ?4) ON CONFLICT (lot, location) WHERE resolved_at IS NULL DO NOTHING")
            .bindAll(lot, std::string(kDispositionClashPlace), storage::formatTimestamp(storage::systemClock()()),
                     "station " + release.stationId + " released it (" + release.user + "), station " +
                         rejection.stationId + " rejected it (" + rejection.user + ": " +
                         rejection.reason.value_or("") + "); it stays rejected everywhere until a person decides")
            .run();
    }
    return {};
}

} // namespace lotstation::sync
