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

Station::Station(AppConfig config, TimePoint now, storage::Ledger* ledger, StationFiles files)
    : m_core(std::move(config), now), m_ledger(ledger) {
    if (m_ledger) {
        m_login.emplace(*m_ledger);
        m_receive.emplace(*m_ledger);
        m_lookup.emplace(*m_ledger);
        m_recall.emplace(*m_ledger, files.exportFolder);
        m_stock.emplace(*m_ledger);
        m_labels.emplace(*m_ledger, previewerOf(files.labelPreviews));
        m_settings.emplace(*m_ledger, files.settingsFile, files.settings, files.labelTemplates);
        m_produce.emplace(*m_ledger);
        m_ship.emplace(*m_ledger);
        m_move.emplace(*m_ledger);
        m_count.emplace(*m_ledger);
        m_core.setCatalog(catalogOf(*m_ledger));
    }
}

LabelPreviewer Station::previewerOf(std::shared_ptr<const LabelPrinter> printer) const {
    if (!printer) return {};
    return [this, printer](const labels::LotLabelData& content) {
        const std::string name = m_settings ? m_settings->state().settings.labelTemplate : "lot-50x30";
        return printer->preview(content, name);
    };
}

FlowStates Station::flows() const {
    FlowStates states;
    if (m_login) states.login = &m_login->state();
    if (m_receive) states.receive = &m_receive->state();
    if (m_lookup) states.lookup = &m_lookup->state();
    if (m_recall) states.recall = &m_recall->state();
    if (m_stock) states.stock = &m_stock->state();
    if (m_labels) states.labels = &m_labels->state();
    if (m_settings) states.settings = &m_settings->state();
    if (m_produce) states.produce = &m_produce->state();
    if (m_ship) states.ship = &m_ship->state();
    if (m_move) states.move = &m_move->state();
    if (m_count) states.count = &m_count->state();
    return states;
}

std::vector<ScreenFlow*> Station::screenFlows() {
    std::vector<ScreenFlow*> flows;
    if (m_receive) flows.push_back(&*m_receive);
    if (m_lookup) flows.push_back(&*m_lookup);
    if (m_recall) flows.push_back(&*m_recall);
    if (m_stock) flows.push_back(&*m_stock);
    if (m_labels) flows.push_back(&*m_labels);
    if (m_settings) flows.push_back(&*m_settings);
    if (m_produce) flows.push_back(&*m_produce);
    if (m_ship) flows.push_back(&*m_ship);
    if (m_move) flows.push_back(&*m_move);
    if (m_count) flows.push_back(&*m_count);
    return flows;
}

ScreenFlow* Station::flowFor(Screen screen) {
    for (ScreenFlow* flow : screenFlows())
        if (flow->screen() == screen) return flow;
    return nullptr;
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
    return effects;
}

std::optional<Effects> Station::step(const Intent& intent, TimePoint now) {
    if (const auto* loginStep = std::get_if<intent::Login>(&intent))
        return m_login ? show(m_login->apply(loginStep->step, now), now) : Effects{};
    if (const auto* receiveStep = std::get_if<intent::Receive>(&intent))
        return m_receive ? show(m_receive->apply(receiveStep->step), now) : Effects{};
    if (const auto* s = std::get_if<intent::Lookup>(&intent))
        return m_lookup ? show(m_lookup->apply(s->step), now) : Effects{};
    if (const auto* s = std::get_if<intent::Recall>(&intent))
        return m_recall ? show(m_recall->apply(s->step), now) : Effects{};
    if (const auto* s = std::get_if<intent::Stock>(&intent))
        return m_stock ? show(m_stock->apply(s->step), now) : Effects{};
    if (const auto* s = std::get_if<intent::Labels>(&intent))
        return m_labels ? show(m_labels->apply(s->step), now) : Effects{};
    if (const auto* s = std::get_if<intent::Settings>(&intent))
        return m_settings ? show(m_settings->apply(s->step, context(now)), now) : Effects{};
    if (const auto* produceStep = std::get_if<intent::Produce>(&intent))
        return m_produce ? show(m_produce->apply(produceStep->step), now) : Effects{};
    if (const auto* shipStep = std::get_if<intent::Ship>(&intent))
        return m_ship ? show(m_ship->apply(shipStep->step), now) : Effects{};
    if (const auto* moveStep = std::get_if<intent::Move>(&intent))
        return m_move ? show(m_move->apply(moveStep->step), now) : Effects{};
    if (const auto* countStep = std::get_if<intent::Count>(&intent))
        return m_count ? show(m_count->apply(countStep->step), now) : Effects{};
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
        if (const auto* badge = std::get_if<scan::OwnBadge>(&meaning)) {
            // A workflow waiting for a supervisor's badge (an override) takes it; elsewhere it logs in.
            if (ScreenFlow* flow = flowFor(screen))
                if (auto outcome = flow->scanned(meaning, context(now))) return show(*outcome, now);
            return show(m_login->apply(login::BadgeScanned{badge->badge}, now), now);
        }
        if (const auto* key = std::get_if<scan::LookupKey>(&meaning); key && screen == Screen::Login)
            return show(m_login->apply(login::BadgeScanned{key->key}, now), now);
    }
    // The screen's workflow hears every scan first, even one that is no known code: a screen waiting for
    // free text (a server address on Settings) takes it as it is.
    if (ScreenFlow* flow = flowFor(screen); flow && free) {
        if (auto outcome = flow->scanned(meaning, context(now))) return show(*outcome, now);
    }
    if (const auto* unreadable = std::get_if<scan::Unreadable>(&meaning))
        return m_core.show(FeedbackKind::Refused, "Not understood",
                           unreadable->shown + ": " + unreadable->reason, now);
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
