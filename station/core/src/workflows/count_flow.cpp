#include "lotstation/station/workflows/count_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/storage/queries.hpp"

#include <algorithm>
#include <array>

namespace lotstation::station {

namespace {

constexpr std::array kCountReasons{
    ReasonOption{"cycle-count", "Cycle count correction"},
    ReasonOption{"damaged", "Damaged, thrown away"},
    ReasonOption{"spilled", "Spilled or lost in use"},
    ReasonOption{"found", "Found stock"},
    ReasonOption{"booking-error", "Earlier booking was wrong"},
};

} // namespace

std::span<const ReasonOption> countReasons() {
    return kCountReasons;
}

FlowOutcome CountFlow::apply(const CountIntent& intent, const FlowContext& context) {
    using namespace count;
    if (m_state.step == CountStep::Done && !std::holds_alternative<Next>(intent) &&
        !std::holds_alternative<Cancel>(intent))
        return refuse("This count is recorded: tap Next location");
    return std::visit(Overloaded{
                          [&](const PickLocation& i) {
                              auto location = m_ledger.location(i.location);
                              if (!location) return refuse(location.error().message);
                              return setLocation(std::move(*location));
                          },
                          [&](const PickLot& i) {
                              auto scanned = lotOfScan(m_ledger, scan::OwnLot{i.lot});
                              if (!scanned) return refuse(scanned.error().message);
                              return addLot(std::move(*scanned));
                          },
                          [&](const SelectLine& i) {
                              if (i.index >= m_state.lines.size()) return refuse("No such line");
                              m_state.selected = i.index;
                              return good(FlowOutcome::quiet());
                          },
                          [&](const SetCounted& i) { return setCounted(i.quantity); },
                          [&](const PickReason& i) {
                              m_state.reason = reasonText(countReasons(), i.reason).value_or(i.reason);
                              return good(FlowOutcome::quiet());
                          },
                          [&](const Confirm&) { return context.user ? confirm(*context.user) : FlowOutcome::refused(kLogInFirst); },
                          [&](const Cancel&) {
                              m_state = CountState{};
                              return FlowOutcome::quiet();
                          },
                          [&](const Next&) {
                              m_state = CountState{};
                              return FlowOutcome::quiet();
                          },
                      },
                      intent);
}

std::optional<FlowOutcome> CountFlow::scanned(const scan::Meaning& meaning, const FlowContext& /*context*/) {
    if (std::holds_alternative<scan::OwnBadge>(meaning) ||
        std::holds_alternative<scan::OwnCommand>(meaning) ||
        std::holds_alternative<scan::Unreadable>(meaning))
        return std::nullopt;
    if (m_state.step == CountStep::Done) return refuse("This count is recorded: tap Next location");
    if (auto location = locationOfScan(m_ledger, meaning)) return setLocation(std::move(*location));
    if (const auto* own = std::get_if<scan::OwnLocation>(&meaning))
        return refuse("no location " + own->location);
    if (!m_state.location) return refuse("Scan the location's label first");
    auto scannedLot = lotOfScan(m_ledger, meaning);
    if (!scannedLot) return refuse("Not a lot: " + scannedLot.error().message);
    return addLot(std::move(*scannedLot));
}

std::map<std::string, std::string> CountFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.step == CountStep::Done) return values;
    for (const auto& line : m_state.lines)
        if (line.counted)
            values["count." + line.lot.lot.code] = storage::formatQuantity(*line.counted, line.lot.item.uom);
    if (m_state.reason) values["count.reason"] = *m_state.reason;
    return values;
}

bool CountFlow::anyCounted() const {
    return std::ranges::any_of(m_state.lines, [](const CountLine& line) { return line.counted.has_value(); });
}

bool CountFlow::anyDifference() const {
    return std::ranges::any_of(m_state.lines,
                               [](const CountLine& line) { return line.counted && line.difference() != 0; });
}

FlowOutcome CountFlow::setLocation(storage::Location location) {
    if (anyCounted() && m_state.location && m_state.location->code != location.code)
        return refuse("Confirm or leave the count of " + m_state.location->name + " first");
    auto stock = storage::stockByLocation(m_ledger, location.code);
    if (!stock) return refuse(stock.error().message);
    m_state.lines.clear();
    m_state.selected.reset();
    for (const auto& line : *stock) {
        auto scanned = lotOfScan(m_ledger, scan::OwnLot{line.lot});
        if (scanned) m_state.lines.push_back(CountLine{std::move(*scanned), line.quantity, std::nullopt});
    }
    const std::string message = "Counting " + location.name + ": " + std::to_string(m_state.lines.size()) +
                                (m_state.lines.size() == 1 ? " lot expected" : " lots expected");
    m_state.location = std::move(location);
    m_state.step = CountStep::Counting;
    return good(FlowOutcome::accepted(message));
}

FlowOutcome CountFlow::addLot(ScannedLot scanned) {
    const auto same = std::ranges::find_if(
        m_state.lines, [&](const CountLine& line) { return line.lot.lot.code == scanned.lot.code; });
    if (same != m_state.lines.end()) {
        m_state.selected = static_cast<std::size_t>(same - m_state.lines.begin());
        return good(
            FlowOutcome::accepted(same->lot.item.name + " · lot " + scanned.lot.code + ": type the count"));
    }
    // Not expected here: found on the shelf, so it is counted here (expected 0).
    const std::string message = "Lot " + scanned.lot.code + " is not expected at " + m_state.location->code +
                                ": count it and it is booked here";
    m_state.lines.push_back(CountLine{std::move(scanned), 0, std::nullopt});
    m_state.selected = m_state.lines.size() - 1;
    return good(FlowOutcome::unknown(message));
}

FlowOutcome CountFlow::setCounted(const Quantity& quantity) {
    if (!m_state.selected || *m_state.selected >= m_state.lines.size()) return refuse("Scan a lot first");
    auto& line = m_state.lines[*m_state.selected];
    // Zero is a count too (the shelf is empty): only the unit is checked here.
    if (quantity.amount == 0) {
        auto unit = amountFor(Quantity{1, quantity.unit}, line.lot.item);
        if (!unit) return refuse(unit.error().message);
        line.counted = 0;
        line.scale.reset();
        return good(FlowOutcome::quiet());
    }
    auto counted = amountFor(quantity, line.lot.item);
    if (!counted) return refuse(counted.error().message);
    line.counted = *counted;
    line.scale = quantity.scale;
    return good(FlowOutcome::quiet());
}

FlowOutcome CountFlow::confirm(const std::string& user) {
    if (!m_state.location) return refuse("Scan the location's label first");
    if (!anyCounted()) return refuse("Nothing counted yet: scan a lot and type its count");
    if (anyDifference() && !m_state.reason) return refuse("The count differs: pick a reason");
    std::vector<storage::Movement> written;
    auto result = m_ledger.atomically([&]() -> storage::Result<void> {
        for (const auto& line : m_state.lines) {
            if (!line.counted) continue;
            auto movement = m_ledger.count({.lot = line.lot.lot.code,
                                            .counted = *line.counted,
                                            .location = m_state.location->code,
                                            .reason = m_state.reason,
                                            .scale = line.scale,
                                            .user = user});
            if (!movement) return std::unexpected(movement.error());
            written.push_back(std::move(*movement));
        }
        return {};
    });
    if (!result) return refuse(result.error().message);
    m_state.recorded = std::move(written);
    m_state.step = CountStep::Done;
    m_state.problem.reset();
    return FlowOutcome::accepted("Count of " + m_state.location->name +
                                 " recorded: " + std::to_string(m_state.recorded.size()) +
                                 (m_state.recorded.size() == 1 ? " lot" : " lots"));
}

FlowOutcome CountFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

FlowOutcome CountFlow::good(FlowOutcome outcome) {
    m_state.problem.reset();
    return outcome;
}

} // namespace lotstation::station
