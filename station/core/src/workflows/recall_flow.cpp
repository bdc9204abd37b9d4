#include "lotstation/station/workflows/recall_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/station/lookup.hpp"

namespace lotstation::station {

namespace {

bool blocked(storage::LotStatus status) {
    return status == storage::LotStatus::Hold || status == storage::LotStatus::Recalled ||
           status == storage::LotStatus::Expired;
}

} // namespace

std::size_t RecallState::lotsStillFree() const {
    if (!report) return 0;
    std::size_t free = 0;
    for (const auto& lot : report->trace.lots)
        free += !blocked(lot.status);
    return free;
}

FlowOutcome RecallFlow::apply(const RecallIntent& intent, const FlowContext& context) {
    return std::visit(Overloaded{
                          [&](const recall::OpenLot& i) { return openLot(i.code); },
                          [&](const recall::PickItem& i) {
                              auto item = m_ledger.item(i.sku);
                              if (!item) return refuse(item.error().message);
                              m_state = RecallState{};
                              m_state.lotsOfItem = lotsInStock(m_ledger, item->sku);
                              m_state.item = std::move(*item);
                              if (m_state.lotsOfItem.empty())
                                  return refuse("No lot of " + m_state.item->name +
                                                " in stock: scan the lot's label instead");
                              return FlowOutcome::quiet();
                          },
                          [&](const recall::ChooseReason& i) {
                              if (!m_state.report) return refuse("Scan or pick the lot first");
                              m_state.holdReason = i.reason;
                              m_state.problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const recall::HoldAll&) { return context.user ? holdAll(*context.user) : FlowOutcome::refused(kLogInFirst); },
                          [&](const recall::Export&) { return exportFiles(); },
                          [&](const recall::Clear&) {
                              m_state = RecallState{};
                              return FlowOutcome::quiet();
                          },
                      },
                      intent);
}

std::optional<FlowOutcome> RecallFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (std::holds_alternative<scan::OwnBadge>(meaning) || std::holds_alternative<scan::OwnCommand>(meaning))
        return std::nullopt;
    const LookupResult found = lookUp(m_ledger, meaning);
    if (const auto* lots = std::get_if<FoundLots>(&found)) {
        if (lots->lots.size() == 1) return openLot(lots->lots.front().code);
        m_state = RecallState{};
        for (const auto& lot : lots->lots)
            m_state.lotsOfItem.push_back(itemLotOf(m_ledger, lot));
        return FlowOutcome::accepted(std::to_string(lots->lots.size()) +
                                     " lots answer to that code: pick one");
    }
    if (const auto* item = std::get_if<FoundItem>(&found)) return apply(recall::PickItem{item->item.sku}, context);
    if (const auto* notFound = std::get_if<NotFound>(&found)) return refuse(notFound->reason);
    return refuse("Not a lot: scan the label of the lot to recall");
}

std::map<std::string, std::string> RecallFlow::unsaved() const {
    // A chosen reason is a decision half made: leaving asks first.
    std::map<std::string, std::string> values;
    if (m_state.holdReason && m_state.report) values["recall.hold-reason"] = *m_state.holdReason;
    return values;
}

FlowOutcome RecallFlow::openLot(const std::string& code) {
    auto report = storage::recall(m_ledger, code);
    if (!report) return refuse(report.error().message);
    auto backward = storage::backwardTrace(m_ledger, code);
    if (!backward) return refuse(backward.error().message);
    const auto item = m_state.item;
    m_state = RecallState{};
    m_state.item = item;
    m_state.report = std::move(*report);
    m_state.backward = std::move(*backward);
    const auto& trace = m_state.report->trace;
    return FlowOutcome::accepted(trace.root + ": " + std::to_string(trace.lots.size()) + " lot(s), " +
                                 std::to_string(trace.customers.size()) + " customer(s)");
}

FlowOutcome RecallFlow::holdAll(const std::string& user) {
    if (!m_state.report) return refuse("Scan or pick the lot first");
    if (!m_state.holdReason) return refuse("Choose the reason for the hold first");
    const std::string root = m_state.report->trace.root;
    auto held = storage::recall(m_ledger, root,
                                storage::RecallHold{storage::LotStatus::Hold, *m_state.holdReason, user});
    if (!held) return refuse(held.error().message); // nothing was written
    auto backward = storage::backwardTrace(m_ledger, root);
    m_state.heldNow = held->holds.size();
    m_state.report = std::move(*held);
    if (backward) m_state.backward = std::move(*backward);
    m_state.holdReason.reset();
    m_state.problem.reset();
    if (m_state.heldNow == 0) return FlowOutcome::accepted("Every affected lot was already on hold");
    return FlowOutcome::accepted("On hold: " + std::to_string(m_state.heldNow) + " lot(s)");
}

FlowOutcome RecallFlow::exportFiles() {
    if (!m_state.report || !m_state.backward) return refuse("Scan or pick the lot first");
    auto files = exportRecall(m_ledger, *m_state.report, *m_state.backward, m_exportFolder);
    if (!files) return refuse(files.error().message);
    m_state.exported = std::move(*files);
    m_state.problem.reset();
    return FlowOutcome::accepted("Saved CSV and PDF in " + m_exportFolder.string());
}

FlowOutcome RecallFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

} // namespace lotstation::station
