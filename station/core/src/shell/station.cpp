#include "lotstation/station/station.hpp"

#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/catalog.hpp"

#include <algorithm>

namespace lotstation::station {
namespace {

// Later effects win the tone (the last thing said is what the operator hears); everything else adds up.
void merge(Effects& into, Effects from) {
    if (from.tone) into.tone = from.tone;
    for (auto& lot : from.labelsToPrint)
        into.labelsToPrint.push_back(std::move(lot));
    for (const Screen screen : from.left)
        into.left.push_back(screen);
    into.openDemo = into.openDemo || from.openDemo;
    for (auto& label : from.otherLabels)
        into.otherLabels.push_back(std::move(label));
}

// While the first run's setup is not done, nothing leaves its screen.
bool leavesTheScreen(const Intent& intent) {
    return std::holds_alternative<intent::Back>(intent) || std::holds_alternative<intent::GoHome>(intent) ||
           std::holds_alternative<intent::Navigate>(intent) || std::holds_alternative<intent::LogOut>(intent);
}

StationFlows flowsOver(storage::Ledger* ledger, StationFiles files, std::function<std::string()> lotTemplate) {
    if (!ledger) return StationFlows{};
    return StationFlows{FlowDeps{*ledger, std::move(files), std::move(lotTemplate)}};
}

} // namespace

Station::Station(AppConfig config, TimePoint now, storage::Ledger* ledger, StationFiles files)
    : m_core(config, now), m_ledger(ledger),
      m_flows(flowsOver(ledger, std::move(files), [this] {
          const auto* settings = stateOf<SettingsFlow>();
          return settings ? settings->settings.labelTemplate : std::string("lot-50x30");
      })) {
    m_core.setUnsavedCheck([this](Screen screen) {
        const ScreenFlow* flow = m_flows.flowOn(screen);
        return flow && !flow->unsaved().empty();
    });
    if (m_ledger) m_core.setCatalog(catalogOf(*m_ledger));
    if (config.firstRun && m_flows.get<SetupFlow>()) (void)m_core.apply(intent::Navigate{Screen::Setup}, now);
}

std::vector<storage::User> Station::users() const {
    return m_ledger ? m_ledger->users().value_or(std::vector<storage::User>{}) : std::vector<storage::User>{};
}

FlowContext Station::context(TimePoint now) const {
    return FlowContext{state().userName, now};
}

Effects Station::show(const FlowOutcome& outcome, TimePoint now) {
    Effects effects;
    if (outcome.feedback) effects = m_core.show(*outcome.feedback, outcome.message, {}, now);
    effects.labelsToPrint = outcome.labelsToPrint;
    effects.otherLabels = outcome.otherLabels;
    effects.openDemo = outcome.openDemo;
    if (outcome.masterDataChanged && m_ledger) {
        m_core.setCatalog(catalogOf(*m_ledger));
        if (state().screen() == Screen::Setup) m_core.setStationName(m_ledger->station().name); // just named
        // Records lists what it read when it was last left; read again unless it is open (it reads itself).
        const auto& open = state().navigation;
        if (auto* records = m_flows.get<RecordsFlow>();
            records && std::find(open.begin(), open.end(), Screen::Records) == open.end())
            records->cancel();
    }
    if (outcome.leaveScreen) {
        merge(effects, m_core.apply(intent::Back{}, now));
        if (ScreenFlow* below = m_flows.flowOn(state().screen()))
            if (auto carried = below->resumed(context(now), outcome); carried && carried->feedback)
                (void)m_core.show(*carried->feedback, outcome.message + " · " + carried->message, {}, now);
    }
    return effects;
}

Effects Station::routeStep(const FlowStep& step, TimePoint now) {
    return show(m_flows.apply(step, context(now)), now);
}

Effects Station::apply(const Intent& intent, TimePoint now) {
    if (const auto* setup = m_flows.get<SetupFlow>();
        setup && setup->holdsTheStation() && state().screen() == Screen::Setup && !state().modalOpen() &&
        leavesTheScreen(intent))
        return Effects{};
    Effects effects;
    if (const auto* step = std::get_if<FlowStep>(&intent)) {
        effects = routeStep(*step, now);
    } else {
        effects = m_core.apply(intent, now);
        if (effects.scan) merge(effects, routeScan(*effects.scan, now));
        for (const FlowStep& answered : std::vector<FlowStep>(effects.steps))
            merge(effects, routeStep(answered, now));
        if (std::holds_alternative<intent::LogOut>(intent))
            if (auto* login = m_flows.get<LoginFlow>()) login->logOut();
    }
    keepOperatorInStep(now);
    left(effects.left);
    return effects;
}

Effects Station::tick(TimePoint now) {
    Effects effects = m_core.tick(now);
    if (auto* login = m_flows.get<LoginFlow>(); login && !state().userName && login->user()) login->logOut();
    left(effects.left);
    return effects;
}

void Station::left(const std::vector<Screen>& screens) {
    // Leaving a screen, by Back, Home or an idle log-out, drops its draft: nothing was written.
    for (const Screen screen : screens)
        if (ScreenFlow* flow = m_flows.flowOn(screen)) flow->cancel();
}

void Station::keepOperatorInStep(TimePoint now) {
    auto* login = m_flows.get<LoginFlow>();
    if (!login || !login->user()) return;
    const std::string& name = login->user()->name;
    if (state().userName == name) return;
    m_core.logIn(name, now);
    if (state().screen() == Screen::Login) left(m_core.apply(intent::Back{}, now).left);
}

Effects Station::routeScan(const scan::ScannedCode& code, TimePoint now) {
    const scan::Meaning meaning = scan::interpret(code);
    const Screen screen = state().screen();
    const bool free = !state().modalOpen();
    // A badge logs in wherever it is scanned; on the login screen any plain code is tried as a badge.
    if (auto* login = m_flows.get<LoginFlow>(); login && free) {
        if (const auto* badge = std::get_if<scan::OwnBadge>(&meaning)) {
            // A workflow waiting for a supervisor's badge (an override) takes it; elsewhere it logs in.
            if (ScreenFlow* flow = m_flows.flowOn(screen))
                if (auto outcome = flow->scanned(meaning, context(now))) return show(*outcome, now);
            return show(login->apply(login::BadgeScanned{badge->badge}, context(now)), now);
        }
        if (const auto* key = std::get_if<scan::LookupKey>(&meaning); key && screen == Screen::Login)
            return show(login->apply(login::BadgeScanned{key->key}, context(now)), now);
    }
    // The screen's workflow hears every scan first, even one that is no known code: a screen waiting for
    // free text (a server address on Settings) takes it as it is.
    if (ScreenFlow* flow = m_flows.flowOn(screen); flow && free) {
        if (auto outcome = flow->scanned(meaning, context(now))) return show(*outcome, now);
    }
    if (const auto* unreadable = std::get_if<scan::Unreadable>(&meaning))
        return m_core.show(FeedbackKind::Refused, "Not understood",
                           unreadable->shown + ": " + unreadable->reason, now);
    return m_core.show(FeedbackKind::Unknown, "Not understood here", scan::describe(meaning), now);
}

} // namespace lotstation::station
