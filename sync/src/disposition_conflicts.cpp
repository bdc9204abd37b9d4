// A QC release and a QC rejection of one lot by two stations that did not know of each other's decision
// (storage/quality.hpp dispositionClash): a conflict for a person, listed like a negative balance, at the
// place kDispositionClashPlace, with the two movements. Written once for every store (conflict_rule.hpp).
#include "conflict_rule.hpp"

#include "lotstation/storage/quality.hpp"

#include <set>

namespace lotstation::sync {

Result<void> flagDispositionClashes(ConflictBook& book, const std::vector<storage::Movement>& applied) {
    std::set<std::string> lots;
    std::set<std::string> arrived;
    for (const auto& m : applied) {
        arrived.insert(m.id);
        if (m.lotStatus && (m.kind == storage::MovementKind::Hold || m.kind == storage::MovementKind::Release))
            lots.insert(m.lot);
    }
    for (const auto& lot : lots) {
        auto history = book.statusHistory(lot);
        if (!history) return std::unexpected(history.error());
        const auto clash = storage::dispositionClash(*history);
        // Flagged when one of the two decisions has just arrived: a clash a person resolved stays closed.
        if (!clash || (!arrived.contains(clash->release.id) && !arrived.contains(clash->rejection.id))) continue;
        const auto& release = clash->release;
        const auto& rejection = clash->rejection;
        const std::string note = "station " + release.stationId + " released it (" + release.user + "), station " +
                                 rejection.stationId + " rejected it (" + rejection.user + ": " +
                                 rejection.reason.value_or("") +
                                 "); it stays rejected everywhere until a person decides";
        if (auto flagged = book.flagDecisions(lot, kDispositionClashPlace, {release, rejection}, note, nowText());
            !flagged)
            return flagged;
    }
    return {};
}

} // namespace lotstation::sync
