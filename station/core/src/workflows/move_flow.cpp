#include "lotstation/station/workflows/move_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include <algorithm>

namespace lotstation::station {

FlowOutcome MoveFlow::apply(const MoveIntent& intent, const FlowContext& context) {
    using namespace move;
    if (m_state.step == MoveStep::Done && !std::holds_alternative<Next>(intent) &&
        !std::holds_alternative<Cancel>(intent))
        return refuse("This move is recorded: tap Next move");
    return std::visit(
        Overloaded{
            [&](const PickLot& i) {
                auto scanned = lotOfScan(m_ledger, scan::OwnLot{i.lot});
                if (!scanned) return refuse(scanned.error().message);
                m_state.choices.close();
                return setLot(std::move(*scanned), i.from);
            },
            [&](const Browse&) {
                auto stock = storage::allStock(m_ledger);
                if (!stock) return refuse(stock.error().message);
                m_state.choices.show(std::move(*stock));
                return FlowOutcome::quiet();
            },
            [&](const ScrollChoices& i) {
                m_state.choices.scroll(i.rows);
                return FlowOutcome::quiet();
            },
            [&](const CloseBrowse&) {
                m_state.choices.close();
                return FlowOutcome::quiet();
            },
            [&](const PickDestination& i) {
                auto location = m_ledger.location(i.location);
                if (!location) return refuse(location.error().message);
                return setDestination(std::move(*location));
            },
            [&](const SetQuantity& i) {
                if (!m_state.lot) return refuse("Scan the lot first");
                auto wanted = amountToTake(i.quantity, m_state.lot->item,
                                           {m_state.lot->lot.code, m_state.from.value_or(""), m_state.onHand});
                if (!wanted) return refuse(wanted.error().message);
                m_state.quantity = *wanted;
                return done(FlowOutcome::quiet());
            },
            [&](const Confirm&) { return context.user ? confirm(*context.user) : FlowOutcome::refused(kLogInFirst); },
            [&](const Cancel&) {
                m_state = MoveState{};
                return FlowOutcome::quiet();
            },
            [&](const Next&) {
                m_state = MoveState{};
                return FlowOutcome::quiet();
            },
        },
        intent);
}

std::optional<FlowOutcome> MoveFlow::scanned(const scan::Meaning& meaning, const FlowContext& /*context*/) {
    if (std::holds_alternative<scan::OwnBadge>(meaning) ||
        std::holds_alternative<scan::OwnCommand>(meaning) ||
        std::holds_alternative<scan::Unreadable>(meaning))
        return std::nullopt;
    if (m_state.step == MoveStep::Done) return refuse("This move is recorded: tap Next move");
    if (auto location = locationOfScan(m_ledger, meaning)) return setDestination(std::move(*location));
    if (const auto* own = std::get_if<scan::OwnLocation>(&meaning))
        return refuse("no location " + own->location);
    auto scannedLot = lotOfScan(m_ledger, meaning);
    if (!scannedLot) return refuse("Not a lot or a location: " + scannedLot.error().message);
    return setLot(std::move(*scannedLot));
}

std::map<std::string, std::string> MoveFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.step == MoveStep::Done) return values;
    if (m_state.lot) values["move.lot"] = m_state.lot->lot.code;
    if (m_state.to) values["move.to"] = m_state.to->name;
    if (m_state.quantity && m_state.lot)
        values["move.quantity"] = storage::formatQuantity(*m_state.quantity, m_state.lot->item.uom);
    return values;
}

std::vector<std::string> MoveFlow::missing() const {
    std::vector<std::string> out;
    if (!m_state.lot) out.emplace_back("lot");
    if (!m_state.to) out.emplace_back("destination");
    return out;
}

FlowOutcome MoveFlow::setLot(ScannedLot scanned, const std::optional<std::string>& from) {
    auto place = placeToTake(m_ledger, scanned.lot.code, from);
    if (!place) return refuse(place.error().message);
    if (m_state.to && m_state.to->code == place->location)
        return refuse("lot " + scanned.lot.code + " is already at " + place->location);
    const std::string message = scanned.item.name + " · " +
                                storage::formatQuantity(place->quantity, scanned.item.uom) + " at " +
                                place->location;
    m_state.lot = std::move(scanned);
    m_state.from = place->location;
    m_state.onHand = place->quantity;
    m_state.quantity.reset(); // a new lot: all of it again
    return done(FlowOutcome::accepted(message));
}

FlowOutcome MoveFlow::setDestination(storage::Location location) {
    if (m_state.from && *m_state.from == location.code)
        return refuse("lot " + m_state.lot->lot.code + " is already at " + location.code);
    const std::string message = "Move to " + location.name;
    m_state.to = std::move(location);
    return done(FlowOutcome::accepted(message));
}

FlowOutcome MoveFlow::confirm(const std::string& user) {
    if (const auto needed = missing(); !needed.empty()) {
        std::string list;
        for (const auto& what : needed)
            list += (list.empty() ? "" : ", ") + what;
        return refuse("Still missing: " + list);
    }
    auto moved = m_ledger.move({.lot = m_state.lot->lot.code,
                                .quantity = m_state.quantity.value_or(m_state.onHand),
                                .to = m_state.to->code,
                                .from = m_state.from,
                                .user = user});
    if (!moved) return refuse(moved.error().message);
    m_state.moved = std::move(*moved);
    m_state.step = MoveStep::Done;
    m_state.problem.reset();
    return FlowOutcome::accepted("Moved " +
                                 storage::formatQuantity(m_state.moved->quantity, m_state.lot->item.uom) +
                                 " of lot " + m_state.lot->lot.code + " to " + m_state.to->name);
}

FlowOutcome MoveFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

FlowOutcome MoveFlow::done(FlowOutcome outcome) {
    if (m_state.step != MoveStep::Done)
        m_state.step = missing().empty() ? MoveStep::ReadyToConfirm : MoveStep::Filling;
    if (outcome.feedback != FeedbackKind::Refused) m_state.problem.reset();
    return outcome;
}

} // namespace lotstation::station
