// Hold and release: status changes are movements too (quantity 0, the new status recorded and hashed), so
// who changed a lot's status, when and why is in the ledger and travels with sync. Anyone may stop a lot
// (hold, quarantine, expired); releasing, recalling and touching a recalled lot need a supervisor.
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "permissions.hpp"
#include "rows.hpp"
#include "validation.hpp"

#include <set>

namespace lotstation::storage {
namespace {

bool blocked(LotStatus status) {
    return status == LotStatus::Hold || status == LotStatus::Quarantine || status == LotStatus::Recalled ||
           status == LotStatus::Expired;
}

bool hasStock(LedgerCore& core, std::int64_t lotId) {
    auto s = core.db.cached("SELECT 1 FROM balances WHERE lot_id = ?1 AND quantity > 0");
    s.bindAll(lotId);
    return s.step();
}

// Validates every lot first, then writes all changes in one transaction. Lots already in the target status
// are left alone (a recall over lots some of which are already held does not fail or write noise).
Result<std::vector<Movement>> changeStatus(LedgerCore& core, const StatusChangeRequest& request,
                                           bool holding) {
    const auto action = !holding                                ? Action::Release
                        : request.status == LotStatus::Recalled ? Action::Recall
                                                                : Action::Hold;
    auto user = requireAllowed(core, request.user, action);
    if (!user) return std::unexpected(user.error());
    auto reason = validReason(request.reason, holding ? "a hold" : "a release");
    if (!reason) return std::unexpected(reason.error());
    if (holding && !blocked(request.status)) {
        return fail(ErrorKind::Invalid,
                    std::string("a hold sets hold, quarantine, recalled or expired, not ") +
                        toString(request.status));
    }
    if (request.lots.empty()) return fail(ErrorKind::Invalid, "no lot given");
    std::vector<LotRow> lots;
    std::set<std::int64_t> seen;
    for (const auto& code : request.lots) {
        auto lot = requireLot(core, code);
        if (!lot) return std::unexpected(lot.error());
        if (!seen.insert(lot->id).second) continue;
        // A recall is a supervisor's decision: an operator's hold must not quietly turn it into a mere hold.
        if (lot->lot.status == LotStatus::Recalled && lot->lot.status != request.status &&
            !allowed(user->role, Action::Recall)) {
            return fail(ErrorKind::Refused, "lot " + lot->lot.code + " is recalled: " + user->name +
                                                " is an operator, and changing a recalled lot needs a "
                                                "supervisor");
        }
        // Only a signed QC release ends a quarantine, and a rejected lot stays rejected (quality.hpp).
        if (!holding && lot->lot.status == LotStatus::Quarantine) {
            return fail(ErrorKind::Refused, "lot " + lot->lot.code +
                                                " is in quarantine: only a QC release by a person with the qa "
                                                "role ends it (lotstation qc release)");
        }
        if (lot->lot.status == LotStatus::Rejected) {
            if (holding) continue; // already unusable: a recall over it leaves it rejected
            return fail(ErrorKind::Refused, "lot " + lot->lot.code +
                                                " is rejected by QC: it can only be scrapped or returned to "
                                                "the supplier");
        }
        if (!holding && !blocked(lot->lot.status)) {
            return fail(ErrorKind::Refused, "lot " + lot->lot.code + " is " + toString(lot->lot.status) +
                                                ", not on hold: nothing to release");
        }
        if (holding && lot->lot.status == request.status) continue;
        lots.push_back(*lot);
    }
    std::vector<Movement> written;
    for (const auto& lot : lots) {
        Movement draft;
        draft.kind = holding ? MovementKind::Hold : MovementKind::Release;
        draft.user = user->name;
        draft.lot = lot.lot.code;
        draft.quantity = 0;
        draft.reason = *reason;
        draft.lotStatus =
            holding ? request.status : (hasStock(core, lot.id) ? LotStatus::Available : LotStatus::Depleted);
        written.push_back(appendLocalMovement(core, std::move(draft)));
    }
    return written;
}

} // namespace

Result<std::vector<Movement>> Ledger::hold(const StatusChangeRequest& request) {
    return inWriteTransaction(m_impl->core, [&] { return changeStatus(m_impl->core, request, true); });
}

Result<std::vector<Movement>> Ledger::release(const StatusChangeRequest& request) {
    return inWriteTransaction(m_impl->core, [&] { return changeStatus(m_impl->core, request, false); });
}

} // namespace lotstation::storage
