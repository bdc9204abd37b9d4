#include "lotstation/station/workflows/lookup_flow.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/station/overloaded.hpp"

#include <algorithm>

namespace lotstation::station {

namespace {

// One level of genealogy: the lots one hop away from the root.
std::vector<storage::TraceLot> neighbours(const storage::Result<storage::Trace>& trace) {
    std::vector<storage::TraceLot> lots;
    if (!trace) return lots;
    for (const auto& lot : trace->lots)
        if (lot.depth == 1) lots.push_back(lot);
    return lots;
}

} // namespace

storage::Result<LotCard> lotCard(const storage::Ledger& ledger, std::string_view lotCode) {
    auto lot = ledger.lot(lotCode);
    if (!lot) return std::unexpected(lot.error());
    auto item = ledger.item(lot->sku);
    if (!item) return std::unexpected(item.error());
    LotCard card;
    card.standing = standingOf(*lot, storage::dateOf(ledger.now()));
    if (lot->supplier)
        if (auto supplier = ledger.supplier(*lot->supplier)) card.supplierName = supplier->name;
    auto onHand = ledger.onHand(lot->code);
    if (!onHand) return std::unexpected(onHand.error());
    card.onHand = *onHand;
    if (auto stock = storage::stockByLot(ledger, lot->code)) card.stock = std::move(*stock);
    card.inputs = neighbours(storage::backwardTrace(ledger, lot->code));
    auto forward = storage::forwardTrace(ledger, lot->code);
    card.outputs = neighbours(forward);
    if (forward)
        for (const auto& shipment : forward->shipments)
            if (shipment.lot == lot->code) card.shipments.push_back(shipment);
    if (auto history = storage::lotHistory(ledger, lot->code)) {
        card.history = std::move(*history);
        std::reverse(card.history.begin(), card.history.end());
    }
    card.inspections = storage::inspectionsOf(ledger, lot->code);
    card.signatures = storage::signaturesOf(ledger, lot->code);
    card.documents = storage::attachmentsOf(ledger, lot->code);
    if (lot->run) {
        if (auto cost = storage::lotCost(ledger, lot->code)) card.cost = std::move(*cost);
        card.batchRecord = storage::hasBatchRecord(ledger, *lot->run).value_or(false);
    }
    card.currency = storage::ledgerCurrency(ledger);
    card.lot = std::move(*lot);
    card.item = std::move(*item);
    return card;
}

FlowOutcome LookupFlow::apply(const LookupIntent& intent, const FlowContext& context) {
    return std::visit(Overloaded{
                          [&](const lookup::Open& i) { return show(lookUpText(m_ledger, i.code), i.code); },
                          [&](const lookup::ChooseReason& i) {
                              if (!m_state.lot) return refuse("Look up a lot first");
                              m_state.pending = PendingStatus{i.action, i.reason};
                              m_state.problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const lookup::ConfirmStatus&) { return context.user ? confirmStatus(*context.user) : FlowOutcome::refused(kLogInFirst); },
                          [&](const lookup::CancelStatus&) {
                              m_state.pending.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const lookup::Reprint&) {
                              if (!m_state.lot) return refuse("Look up a lot first");
                              FlowOutcome outcome =
                                  FlowOutcome::accepted("Label for " + m_state.lot->lot.code + " sent");
                              outcome.labelsToPrint.push_back(m_state.lot->lot.code);
                              return outcome;
                          },
                          [&](const lookup::Clear&) {
                              m_state = LookupState{};
                              return FlowOutcome::quiet();
                          },
                          [&](const lookup::ShowRecord&) { return showRecord(); },
                          [&](const lookup::SaveRecord&) { return saveRecord(); },
                          [&](const lookup::CloseRecord&) {
                              m_state.record.reset();
                              return FlowOutcome::quiet();
                          },
                      },
                      intent);
}

std::optional<FlowOutcome> LookupFlow::scanned(const scan::Meaning& meaning, const FlowContext& /*context*/) {
    // A badge logs in (the station's business) and a command means nothing here; everything else is looked
    // up.
    if (std::holds_alternative<scan::OwnBadge>(meaning) || std::holds_alternative<scan::OwnCommand>(meaning))
        return std::nullopt;
    return show(lookUp(m_ledger, meaning), scan::describe(meaning));
}

std::map<std::string, std::string> LookupFlow::unsaved() const {
    std::map<std::string, std::string> values;
    if (m_state.pending && m_state.lot)
        values["lookup.pending"] =
            (m_state.pending->action == StatusAction::Hold ? "hold " : "release ") + m_state.lot->lot.code;
    return values;
}

FlowOutcome LookupFlow::show(const LookupResult& result, std::string read) {
    LookupState next;
    next.read = std::move(read);
    next.today = storage::dateOf(m_ledger.now());
    return std::visit(
        Overloaded{
            [&](const FoundLots& found) {
                if (found.lots.size() == 1) {
                    m_state = std::move(next);
                    return openLot(found.lots.front().code);
                }
                for (const auto& lot : found.lots)
                    next.choices.push_back(itemLotOf(m_ledger, lot));
                m_state = std::move(next);
                return FlowOutcome::accepted(std::to_string(found.lots.size()) + " lots answer to " +
                                             *m_state.read + ": tap one");
            },
            [&](const FoundItem& found) {
                next.item = found.item;
                next.choices = lotsInStock(m_ledger, found.item.sku);
                m_state = std::move(next);
                return FlowOutcome::accepted(found.item.name + ": " + std::to_string(m_state.choices.size()) +
                                             " lot(s) in stock");
            },
            [&](const FoundLocation& found) {
                LocationCard card{found.location, {}};
                if (auto stock = storage::stockByLocation(m_ledger, found.location.code))
                    card.stock = std::move(*stock);
                next.location = std::move(card);
                m_state = std::move(next);
                return FlowOutcome::accepted(found.location.name + ": " +
                                             std::to_string(m_state.location->stock.size()) + " lot(s) here");
            },
            [&](const FoundUser& found) { return refuse("That is " + found.user.name + "'s badge"); },
            [&](const FoundCommand&) { return refuse("A command label: nothing to look up"); },
            [&](const NotFound& notFound) {
                next.problem = notFound.reason;
                m_state = std::move(next);
                return FlowOutcome::unknown("Not found: " + notFound.reason);
            },
        },
        result);
}

FlowOutcome LookupFlow::openLot(const std::string& code) {
    auto card = lotCard(m_ledger, code);
    if (!card) return refuse(card.error().message);
    m_state.lot = std::move(*card);
    m_state.today = storage::dateOf(m_ledger.now());
    m_state.location.reset();
    m_state.item.reset();
    m_state.choices.clear();
    m_state.pending.reset();
    m_state.problem.reset();
    const auto& lot = *m_state.lot;
    // Found, but not to be used: the flash is amber, so nobody takes a held or expired lot for a good one.
    const std::string said = lot.lot.code + " · " + toString(lot.standing);
    return usable(lot.standing) || lot.standing == LotStanding::Depleted ? FlowOutcome::accepted(said)
                                                                         : FlowOutcome::unknown(said);
}

FlowOutcome LookupFlow::confirmStatus(const std::string& user) {
    if (!m_state.lot || !m_state.pending) return refuse("Choose hold or release and a reason first");
    const PendingStatus pending = *m_state.pending;
    storage::StatusChangeRequest request;
    request.lots = {m_state.lot->lot.code};
    request.reason = pending.reason;
    request.user = user;
    const bool hold = pending.action == StatusAction::Hold;
    request.status = hold ? storage::LotStatus::Hold : storage::LotStatus::Available;
    auto written = hold ? m_ledger.hold(request) : m_ledger.release(request);
    if (!written) return refuse(written.error().message); // e.g. an operator may not release
    const std::string code = m_state.lot->lot.code;
    auto card = lotCard(m_ledger, code);
    if (card) m_state.lot = std::move(*card);
    m_state.pending.reset();
    m_state.problem.reset();
    return FlowOutcome::accepted((hold ? "On hold: " : "Released: ") + code);
}

FlowOutcome LookupFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

FlowOutcome LookupFlow::showRecord() {
    if (!m_state.lot || !m_state.lot->lot.run) return refuse("Look up a produced lot first");
    auto record = storage::batchRecord(m_ledger, *m_state.lot->lot.run);
    if (!record) return refuse(record.error().message);
    m_state.record = RecordOnScreen{std::move(*record), std::nullopt};
    m_state.problem.reset();
    return FlowOutcome::quiet();
}

FlowOutcome LookupFlow::saveRecord() {
    if (!m_state.record) return refuse("Open the batch record first");
    if (m_exportFolder.empty()) return refuse("This station has no export folder");
    auto saved = saveRecordPdf(m_state.record->record, m_exportFolder);
    if (!saved) return refuse(saved.error().message);
    m_state.record->saved = saved->string();
    return FlowOutcome::accepted("Saved " + saved->string());
}

} // namespace lotstation::station
