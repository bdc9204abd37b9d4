// Two stations that disposed of one quarantined lot in opposite ways without knowing of each other
// (quality.hpp dispositionClash).
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/queries.hpp"

namespace lotstation::storage {
namespace {

bool entersQuarantine(const Movement& m) {
    return m.kind == MovementKind::Hold && m.lotStatus == LotStatus::Quarantine;
}

bool isRejection(const Movement& m) {
    return m.kind == MovementKind::Hold && m.lotStatus == LotStatus::Rejected;
}

} // namespace

std::optional<DispositionClash> dispositionClash(const std::vector<Movement>& history) {
    // A station decides only while the lot is in quarantine, once: after its release or rejection it cannot
    // decide again until the lot re-enters quarantine. So a release and a rejection after the same entry into
    // quarantine were made by stations that did not know of each other's decision.
    std::optional<Movement> release;
    std::optional<Movement> rejection;
    std::optional<DispositionClash> found;
    for (const auto& m : history) {
        if (entersQuarantine(m)) {
            release.reset();
            rejection.reset();
            continue;
        }
        if (m.kind == MovementKind::Release && !release) release = m;
        if (isRejection(m) && !rejection) rejection = m;
        if (release && rejection && release->stationId != rejection->stationId)
            found = DispositionClash{m.lot, *release, *rejection};
    }
    return found;
}

Result<std::optional<DispositionClash>> dispositionClash(const Ledger& ledger, std::string_view lot) {
    auto history = lotHistory(ledger, lot);
    if (!history) return std::unexpected(history.error());
    std::vector<Movement> movements;
    for (const auto& entry : *history)
        if (entry.movement.kind == MovementKind::Hold || entry.movement.kind == MovementKind::Release)
            movements.push_back(entry.movement);
    return dispositionClash(movements);
}

} // namespace lotstation::storage
