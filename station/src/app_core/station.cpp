#include "lotstation/station/station.hpp"

#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/catalog.hpp"

#include <algorithm>

namespace lotstation::station {
namespace {

// Later effects win the tone (the last thing said is what the operator hears); everything else adds up.
void merge(Effects& into, Effects from) {
    if (from.tone) into.tone = from.tone;
    for (auto& action : from.confirmedActions)
        into.confirmedActions.push_back(std::move(action));
    for (auto& lot : from.labelsToPrint)
        into.labelsToPrint.push_back(std::move(lot));
}

bool onStack(const AppState& state, Screen screen) {
    return std::find(state.navigation.begin(), state.navigation.end(), screen) != state.navigation.end();
}

// "produce.recipe" -> the screen whose id is "produce".
std::optional<Screen> screenOfId(const std::string& id) {
    const std::string prefix = id.substr(0, id.find('.'));
    for (const Screen screen : homeTiles())
        if (screenId(screen) == prefix) return screen;
    return std::nullopt;
}

} // namespace

Station::Station(AppConfig config, TimePoint now, storage::Ledger* ledger)
    : m_core(std::move(config), now), m_ledger(ledger) {
    if (m_ledger) {
        m_login.emplace(*m_ledger);
        m_receive.emplace(*m_ledger);
        m_core.setCatalog(catalogOf(*m_ledger));
    }
}

FlowStates Station::flows() const {
    FlowStates states;
    if (m_login) states.login = &m_login->state();
    if (m_receive) states.receive = &m_receive->state();
    return states;
}

std::vector<ScreenFlow*> Station::screenFlows() {
    std::vector<ScreenFlow*> flows;
    if (m_receive) flows.push_back(&*m_receive);
    return flows;
}

ScreenFlow* Station::flowFor(Screen screen) {
    for (ScreenFlow* flow : screenFlows())
        if (flow->screen() == screen) return flow;
    return nullptr;
}

std::vector<storage::User> Station::users() const {
    return m_ledger ? m_ledger->users() : std::vector<storage::User>{};
}

FlowContext Station::context(TimePoint now) const {
    return FlowContext{state().userName, now};
}

Effects Station::show(const FlowOutcome& outcome, TimePoint now) {
    Effects effects;
    if (outcome.feedback) effects = m_core.show(*outcome.feedback, outcome.message, {}, now);
    effects.labelsToPrint = outcome.labelsToPrint;
    return effects;
}

std::optional<Effects> Station::step(const Intent& intent, TimePoint now) {
    if (const auto* loginStep = std::get_if<intent::Login>(&intent))
        return m_login ? show(m_login->apply(loginStep->step, now), now) : Effects{};
    if (const auto* receiveStep = std::get_if<intent::Receive>(&intent))
        return m_receive ? show(m_receive->apply(receiveStep->step), now) : Effects{};
    return std::nullopt;
}

Effects Station::apply(const Intent& intent, TimePoint now) {
    Effects effects;
    if (auto stepped = step(intent, now)) {
        effects = std::move(*stepped);
    } else {
        effects = m_core.apply(intent, now);
        if (effects.scan) merge(effects, routeScan(*effects.scan, now));
        if (effects.entered) merge(effects, routeEntry(*effects.entered, now));
        for (const auto& action : std::vector<std::string>(effects.confirmedActions))
            merge(effects, routeConfirmed(action, now));
        if (std::holds_alternative<intent::LogOut>(intent) && m_login) m_login->logOut();
    }
    keepOperatorInStep(now);
    settleDrafts();
    return effects;
}

void Station::settleDrafts() {
    for (ScreenFlow* flow : screenFlows()) {
        // Leaving a screen, by Back, Home or an idle log-out, drops its draft: nothing was written.
        if (!onStack(state(), flow->screen())) flow->cancel();
        // The shell asks before Back throws away entries; the draft is what there is to lose.
        m_core.replaceFields(std::string(screenId(flow->screen())) + ".", flow->unsaved());
    }
}

Effects Station::tick(TimePoint now) {
    Effects effects = m_core.tick(now);
    if (!state().userName && m_login && m_login->user()) m_login->logOut();
    settleDrafts();
    return effects;
}

void Station::keepOperatorInStep(TimePoint now) {
    if (!m_login || !m_login->user()) return;
    const std::string& name = m_login->user()->name;
    if (state().userName == name) return;
    m_core.logIn(name, now);
    if (state().screen() == Screen::Login) m_core.apply(intent::Back{}, now);
}

Effects Station::routeScan(const scan::ScannedCode& code, TimePoint now) {
    const scan::Meaning meaning = scan::interpret(code);
    const Screen screen = state().screen();
    const bool free = !state().modalOpen();
    // A badge logs in wherever it is scanned; on the login screen any plain code is tried as a badge.
    if (m_login && free) {
        if (const auto* badge = std::get_if<scan::OwnBadge>(&meaning))
            return show(m_login->apply(login::BadgeScanned{badge->badge}, now), now);
        if (const auto* key = std::get_if<scan::LookupKey>(&meaning); key && screen == Screen::Login)
            return show(m_login->apply(login::BadgeScanned{key->key}, now), now);
    }
    if (const auto* unreadable = std::get_if<scan::Unreadable>(&meaning))
        return m_core.show(FeedbackKind::Refused, "Not understood",
                           unreadable->shown + ": " + unreadable->reason, now);
    if (ScreenFlow* flow = flowFor(screen); flow && free) {
        if (auto outcome = flow->scanned(meaning, context(now))) return show(*outcome, now);
    }
    return m_core.show(FeedbackKind::Unknown, "Not understood here", scan::describe(meaning), now);
}

Effects Station::routeEntry(const FieldEntry& entry, TimePoint now) {
    const auto screen = screenOfId(entry.fieldId);
    ScreenFlow* flow = screen ? flowFor(*screen) : nullptr;
    if (!flow) return {};
    const auto outcome = flow->entered(entry, context(now));
    return outcome ? show(*outcome, now) : Effects{};
}

Effects Station::routeConfirmed(const std::string& actionId, TimePoint now) {
    const auto screen = screenOfId(actionId);
    ScreenFlow* flow = screen ? flowFor(*screen) : nullptr;
    if (!flow) return {};
    const auto outcome = flow->confirmed(actionId, context(now));
    return outcome ? show(*outcome, now) : Effects{};
}

} // namespace lotstation::station
