// Stock leaving or changing place: ship, move, adjust, count, scrap.
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "rows.hpp"
#include "stock_rules.hpp"
#include "validation.hpp"

namespace lotstation::storage {
namespace {

Movement draftFor(MovementKind kind, const User& user, const LotRow& lot, std::int64_t quantity) {
    Movement draft;
    draft.kind = kind;
    draft.user = user.name;
    draft.lot = lot.lot.code;
    draft.quantity = quantity;
    draft.unitCost = lot.lot.unitCost;
    return draft;
}

} // namespace

Result<Movement> Ledger::ship(const ShipRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        auto customer = findCustomer(core, request.customer);
        if (!customer) return fail(ErrorKind::NotFound, "no customer " + request.customer);
        if (auto quantity = positive(request.quantity, "the quantity shipped"); !quantity)
            return std::unexpected(quantity.error());
        // Shipping is where a held or recalled lot would do harm: no override here, release it first.
        if (auto usage = statusUsage(lot->lot, dateOf(core.clock())); !usage.allowed())
            return fail(ErrorKind::Refused, usage.blockers.front().message + ": it cannot be shipped");
        auto from = sourceLocation(core, *lot, request.location);
        if (!from) return std::unexpected(from.error());
        if (auto onHand = requireOnHand(core, *lot, *from, request.quantity); !onHand)
            return std::unexpected(onHand.error());
        auto draft = draftFor(MovementKind::Ship, *user, *lot, request.quantity);
        draft.from = from->location.code;
        draft.party = customer->party.code;
        draft.reference = request.reference;
        return appendLocalMovement(core, std::move(draft));
    });
}

Result<Movement> Ledger::move(const MoveRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        if (auto quantity = positive(request.quantity, "the quantity moved"); !quantity)
            return std::unexpected(quantity.error());
        auto to = requireLocation(core, request.to);
        if (!to) return std::unexpected(to.error());
        auto from = sourceLocation(core, *lot, request.from);
        if (!from) return std::unexpected(from.error());
        if (from->id == to->id)
            return fail(ErrorKind::Invalid, "lot " + lot->lot.code + " is already at " + to->location.code);
        if (to->location.kind == LocationKind::Workstation) {
            const auto usage = statusUsage(lot->lot, dateOf(core.clock()));
            if (const auto* hard = usage.hard())
                return fail(ErrorKind::Refused, hard->message + ": it cannot go to production");
        }
        if (auto onHand = requireOnHand(core, *lot, *from, request.quantity); !onHand)
            return std::unexpected(onHand.error());
        auto draft = draftFor(MovementKind::Move, *user, *lot, request.quantity);
        draft.from = from->location.code;
        draft.to = to->location.code;
        return appendLocalMovement(core, std::move(draft));
    });
}

Result<Movement> Ledger::adjust(const AdjustRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        auto reason = validReason(request.reason, "an adjustment");
        if (!reason) return std::unexpected(reason.error());
        if (request.delta == 0) return fail(ErrorKind::Invalid, "an adjustment of zero changes nothing");
        auto at = sourceLocation(core, *lot, request.location);
        if (!at) return std::unexpected(at.error());
        const auto magnitude = request.delta < 0 ? -request.delta : request.delta;
        auto draft = draftFor(MovementKind::Adjust, *user, *lot, magnitude);
        if (request.delta < 0) {
            if (auto onHand = requireOnHand(core, *lot, *at, magnitude); !onHand)
                return std::unexpected(onHand.error());
            draft.from = at->location.code;
        } else {
            draft.to = at->location.code;
        }
        draft.reason = *reason;
        return appendLocalMovement(core, std::move(draft));
    });
}

Result<Movement> Ledger::count(const CountRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        if (request.counted < 0) return fail(ErrorKind::Invalid, "a count cannot be negative");
        auto at = sourceLocation(core, *lot, request.location);
        if (!at) return std::unexpected(at.error());
        const auto before = onHandAt(core, lot->id, at->id);
        const auto delta = request.counted - before;
        auto draft = draftFor(MovementKind::Count, *user, *lot, delta < 0 ? -delta : delta);
        // A shortfall leaves from the location, a surplus arrives at it; an exact count is recorded at `to`
        // with quantity 0 so that the confirmation itself is in the ledger.
        if (delta < 0) {
            draft.from = at->location.code;
        } else {
            draft.to = at->location.code;
        }
        if (request.reason && !request.reason->empty()) draft.reason = *request.reason;
        auto scale = validScale(request.scale);
        if (!scale) return std::unexpected(scale.error());
        draft.scale = *scale;
        return appendLocalMovement(core, std::move(draft));
    });
}

Result<Movement> Ledger::scrap(const ScrapRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        auto reason = validReason(request.reason, "scrapping");
        if (!reason) return std::unexpected(reason.error());
        if (auto quantity = positive(request.quantity, "the quantity scrapped"); !quantity)
            return std::unexpected(quantity.error());
        auto from = sourceLocation(core, *lot, request.location);
        if (!from) return std::unexpected(from.error());
        if (auto onHand = requireOnHand(core, *lot, *from, request.quantity); !onHand)
            return std::unexpected(onHand.error());
        auto draft = draftFor(MovementKind::Scrap, *user, *lot, request.quantity);
        draft.from = from->location.code;
        draft.reason = *reason;
        return appendLocalMovement(core, std::move(draft));
    });
}

} // namespace lotstation::storage
