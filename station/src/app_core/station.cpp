#include "lotstation/station/station.hpp"

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

} // namespace

Station::Station(AppConfig config, TimePoint now, storage::Ledger* ledger)
    : m_core(std::move(config), now), m_ledger(ledger) {
    if (m_ledger) {
        m_login.emplace(*m_ledger);
        m_receive.emplace(*m_ledger);
        m_core.setCatalog(catalogOf(*m_ledger));
    }
}

std::vector<storage::User> Station::users() const {
    return m_ledger ? m_ledger->users() : std::vector<storage::User>{};
}

Effects Station::show(const FlowOutcome& outcome, TimePoint now) {
    Effects effects;
    if (outcome.feedback) effects = m_core.show(*outcome.feedback, outcome.message, {}, now);
    effects.labelsToPrint = outcome.labelsToPrint;
    return effects;
}

Effects Station::apply(const Intent& intent, TimePoint now) {
    Effects effects;
    if (const auto* loginStep = std::get_if<intent::Login>(&intent)) {
        if (m_login) effects = show(m_login->apply(loginStep->step, now), now);
    } else if (const auto* receiveStep = std::get_if<intent::Receive>(&intent)) {
        if (m_receive) effects = show(m_receive->apply(receiveStep->step), now);
    } else {
        effects = m_core.apply(intent, now);
        if (effects.scan) merge(effects, routeScan(*effects.scan, now));
        if (effects.entered) merge(effects, routeEntry(*effects.entered, now));
        if (std::holds_alternative<intent::LogOut>(intent) && m_login) m_login->logOut();
    }
    keepOperatorInStep(now);
    // Leaving Receive, by Back, Home or an idle log-out, drops the draft: nothing was written.
    if (m_receive && !onStack(state(), Screen::Receive)) m_receive->apply(receive::Cancel{});
    mirrorReceiveDraft();
    return effects;
}

void Station::mirrorReceiveDraft() {
    // The shell asks before Back throws away entries; the draft is what there is to lose, until it is
    // received.
    if (!m_receive) return;
    std::map<std::string, std::string> values;
    const auto& state = m_receive->state();
    if (state.step != ReceiveStep::Done) {
        const auto& draft = state.draft;
        if (draft.item) values["receive.item"] = draft.item->name;
        // A supplier alone (kept by Next for the delivery's following cases) is not worth a question.
        const bool more = draft.item || draft.supplierLot || draft.quantity || draft.location;
        if (draft.supplier && more) values["receive.supplier"] = *draft.supplier;
        if (draft.supplierLot) values["receive.supplier-lot"] = *draft.supplierLot;
        if (draft.quantity) values["receive.quantity"] = std::to_string(draft.quantity->amount);
        if (draft.location) values["receive.location"] = *draft.location;
    }
    m_core.replaceFields("receive.", std::move(values));
}

Effects Station::tick(TimePoint now) {
    Effects effects = m_core.tick(now);
    if (!state().userName && m_login && m_login->user()) m_login->logOut();
    if (m_receive && !onStack(state(), Screen::Receive)) m_receive->apply(receive::Cancel{});
    mirrorReceiveDraft();
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
    const Screen screen = state().screen();
    if (screen == Screen::Login && m_login && !state().modalOpen())
        return show(m_login->apply(login::BadgeScanned{code.text}, now), now);
    if (screen == Screen::Receive && m_receive && !state().modalOpen())
        return show(m_receive->apply(receive::CodeScanned{code.text}), now);
    return m_core.show(FeedbackKind::Unknown, "Not understood here", "Read: " + code.text, now);
}

Effects Station::routeEntry(const FieldEntry& entry, TimePoint now) {
    if (!m_receive || entry.fieldId.rfind("receive.", 0) != 0) return {};
    const std::string field = entry.fieldId.substr(8);
    std::optional<ReceiveIntent> step;
    if (field == "quantity" && entry.quantity)
        step = receive::SetQuantity{*entry.quantity};
    else if (field == "item" && entry.optionId)
        step = receive::PickItem{*entry.optionId};
    else if (field == "supplier" && entry.optionId)
        step = receive::PickSupplier{*entry.optionId};
    else if (field == "location" && entry.optionId)
        step = receive::PickLocation{*entry.optionId};
    if (!step) return {};
    return show(m_receive->apply(*step), now);
}

} // namespace lotstation::station
