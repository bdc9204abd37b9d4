// Correcting a mistake (a supervisor's job): a reversal movement that names the one it undoes and moves the
// same quantity back (from and to swapped). Rules:
//   - a movement is reversed at most once; a reversal is never reversed (record the original again instead);
//   - hold / release are not reversed (release / hold again: a status change needs its own reason);
//   - the reversal must find the stock it takes back (a receive whose goods were consumed cannot be undone
//     without first undoing the consumption).
// The reversal carries the original's run, party and reference so that genealogy and shipment queries can
// net it out.
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "permissions.hpp"
#include "rows.hpp"
#include "stock_rules.hpp"
#include "validation.hpp"

namespace lotstation::storage {

Result<Movement> Ledger::reverse(const ReverseRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireAllowed(core, request.user, Action::Reverse);
        if (!user) return std::unexpected(user.error());
        auto reason = validReason(request.reason, "a reversal");
        if (!reason) return std::unexpected(reason.error());
        auto original = findMovement(core, request.movementId);
        if (!original) return fail(ErrorKind::NotFound, "no movement " + request.movementId);
        const auto name = std::string(toString(original->kind)) + " movement " + original->id;
        if (original->kind == MovementKind::Reversal)
            return fail(ErrorKind::Refused,
                        name + " is itself a reversal; record the original again instead");
        if (original->kind == MovementKind::Hold || original->kind == MovementKind::Release)
            return fail(ErrorKind::Refused,
                        "a status change is not reversed: hold or release the lot instead");
        {
            auto s = core.db.cached("SELECT id FROM movements WHERE reverses = ?1");
            s.bindAll(original->id);
            if (s.step()) return fail(ErrorKind::Conflict, name + " was already reversed by " + s.text(0));
        }
        auto lot = *findLot(core, original->lot);
        if (original->to) {
            const auto at = *findLocation(core, *original->to);
            if (auto onHand = requireOnHand(core, lot, at, original->quantity); !onHand)
                return std::unexpected(onHand.error());
        }
        Movement draft;
        draft.kind = MovementKind::Reversal;
        draft.user = user->name;
        draft.lot = original->lot;
        draft.quantity = original->quantity;
        draft.from = original->to;
        draft.to = original->from;
        draft.run = original->run;
        draft.party = original->party;
        draft.reference = original->reference;
        draft.reason = *reason;
        draft.unitCost = original->unitCost;
        draft.reverses = original->id;
        auto movement = appendLocalMovement(core, std::move(draft));
        return movement;
    });
}

} // namespace lotstation::storage
