#include "lotstation/station/workflows/quality_flow.hpp"

#include "lotstation/station/lookup.hpp"
#include "lotstation/station/workflows/supervisor_approval.hpp"

#include <algorithm>
#include <chrono>

namespace lotstation::station {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

// The pad's digits: the same keys as a PIN (pressPinKey), plus one decimal point for numeric results.
bool pressNumberKey(std::string& text, KeypadKey key) {
    if (key == KeypadKey::Dot) {
        if (text.find('.') != std::string::npos || text.size() >= 18) return false;
        text += text.empty() ? "0." : ".";
        return true;
    }
    ApprovalDraft digits{std::nullopt, text, std::nullopt, std::nullopt};
    if (!pressPinKey(digits, key) || digits.pin.size() > 18) return false;
    text = digits.pin;
    return true;
}

std::string statementOf(SignAction action, const std::string& lot) {
    switch (action) {
    case SignAction::Inspect:
        return "I performed this inspection of lot " + lot;
    case SignAction::Release:
        return "I release lot " + lot + " for use";
    case SignAction::Reject:
        break;
    }
    return "I reject lot " + lot;
}

} // namespace

std::vector<std::string> rejectionReasons() {
    return {"Out of specification", "Contaminated", "Damaged packaging", "Wrong material delivered",
            "No certificate of analysis", "Smell, colour or texture off"};
}

std::vector<std::string> deviationReasons() {
    return {"Test equipment out of service; checked by hand", "Certificate of analysis accepted instead",
            "Urgent order; retest scheduled", "Within tolerance agreed with the customer"};
}

std::string ageText(storage::Timestamp since, storage::Timestamp now) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - since).count();
    if (minutes < 60) return std::to_string(std::max<long long>(minutes, 0)) + " min";
    if (minutes < 48 * 60) return std::to_string(minutes / 60) + " h";
    return std::to_string(minutes / (24 * 60)) + " days";
}

FlowOutcome QualityFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

void QualityFlow::reload() {
    const auto now = m_ledger.now();
    m_state.loaded = true;
    m_state.pending.clear();
    for (auto& lot : storage::qcPending(m_ledger)) {
        const auto since = lot.since;
        m_state.pending.push_back({std::move(lot), ageText(since, now)});
    }
    if (!m_state.lot) return;
    const auto code = m_state.lot->lot.code;
    auto lot = m_ledger.lot(code);
    auto item = lot ? m_ledger.item(lot->sku) : storage::Result<storage::Item>(std::unexpected(lot.error()));
    if (!lot || !item) {
        m_state.lot.reset();
        return;
    }
    QualityLot q{*lot, *item, storage::currentSpec(m_ledger, lot->sku).value_or(storage::Spec{}),
                 storage::inspectionsOf(m_ledger, code), storage::signaturesOf(m_ledger, code),
                 storage::attachmentsOf(m_ledger, code), storage::releaseProblems(m_ledger, code).value_or(
                                                             std::vector<std::string>{})};
    m_state.lot = std::move(q);
}

FlowOutcome QualityFlow::open(const std::string& code) {
    auto lot = m_ledger.lot(code);
    if (!lot) return refuse(lot.error().message);
    m_state = QualityState{};
    m_state.lot = QualityLot{*lot, {}, {}, {}, {}, {}, {}};
    reload();
    if (!m_state.lot) return refuse("lot " + code + " cannot be read");
    if (lot->status != storage::LotStatus::Quarantine)
        return FlowOutcome::unknown("Lot " + code + " is " + storage::toString(lot->status) +
                                    ", not waiting for QC");
    return FlowOutcome::quiet();
}

FlowOutcome QualityFlow::startSign(SignAction action) {
    if (!m_state.lot) return refuse("Open a lot first");
    if (action == SignAction::Inspect && m_state.results.empty()) return refuse("Enter at least one result first");
    m_state.sign = SignDraft{action, std::nullopt, {}, std::nullopt, statementOf(action, m_state.lot->lot.code)};
    m_state.problem.reset();
    return FlowOutcome::quiet();
}

FlowOutcome QualityFlow::sign() {
    if (!m_state.lot || !m_state.sign) return refuse("Nothing to sign");
    auto& draft = *m_state.sign;
    if (!draft.signer) return refuse("Pick who signs");
    const std::string lot = m_state.lot->lot.code;
    const std::string pin = draft.pin;
    draft.pin.clear(); // never kept after a try
    std::optional<std::string> error;
    std::string done;
    switch (draft.action) {
    case SignAction::Inspect: {
        std::vector<storage::ResultValue> results;
        for (const auto& [test, value] : m_state.results)
            results.push_back({test, value});
        auto inspected = storage::inspect(m_ledger, {.lot = lot, .results = results, .signer = *draft.signer,
                                                     .pin = pin});
        if (!inspected) error = inspected.error().message;
        else done = std::string("Inspection recorded: ") + (inspected->passed ? "passed" : "failed");
        break;
    }
    case SignAction::Release: {
        auto released = storage::qcRelease(m_ledger, {.lot = lot, .signer = *draft.signer, .pin = pin,
                                                      .deviation = draft.reason});
        if (!released) error = released.error().message;
        else done = "Released lot " + lot;
        break;
    }
    case SignAction::Reject: {
        if (!draft.reason) return refuse("Pick why the lot is rejected");
        auto rejected = storage::qcReject(m_ledger, {.lot = lot, .reason = *draft.reason, .signer = *draft.signer,
                                                     .pin = pin});
        if (!rejected) error = rejected.error().message;
        else done = "Rejected lot " + lot;
        break;
    }
    }
    if (error) return refuse(*error);
    m_state.sign.reset();
    m_state.results.clear();
    m_state.problem.reset();
    m_state.done = done;
    reload();
    return FlowOutcome::accepted(done);
}

FlowOutcome QualityFlow::apply(const QualityIntent& intent, const FlowContext&) {
    return std::visit(
        Overloaded{
            [&](const quality::Refresh&) {
                reload();
                return FlowOutcome::quiet();
            },
            [&](const quality::Open& i) { return open(i.lot); },
            [&](const quality::Close&) {
                m_state = QualityState{};
                reload();
                return FlowOutcome::quiet();
            },
            [&](const quality::SetResult& i) {
                if (!m_state.lot) return refuse("Open a lot first");
                m_state.results[i.test] = i.value;
                m_state.done.reset();
                return FlowOutcome::quiet();
            },
            [&](const quality::TypeNumber& i) {
                m_state.numberFor = i.test;
                m_state.number.clear();
                return FlowOutcome::quiet();
            },
            [&](const quality::NumberKey& i) {
                if (!m_state.numberFor || !pressNumberKey(m_state.number, i.key)) return FlowOutcome::quiet();
                return FlowOutcome::quiet();
            },
            [&](const quality::NumberDone&) {
                if (m_state.numberFor && !m_state.number.empty()) m_state.results[*m_state.numberFor] = m_state.number;
                m_state.numberFor.reset();
                m_state.number.clear();
                return FlowOutcome::quiet();
            },
            [&](const quality::StartSign& i) { return startSign(i.action); },
            [&](const quality::PickSigner& i) {
                if (m_state.sign) m_state.sign->signer = i.name;
                return FlowOutcome::quiet();
            },
            [&](const quality::PinKey& i) {
                if (!m_state.sign) return FlowOutcome::quiet();
                ApprovalDraft digits{std::nullopt, m_state.sign->pin, std::nullopt, std::nullopt};
                if (pressPinKey(digits, i.key)) m_state.sign->pin = digits.pin;
                return FlowOutcome::quiet();
            },
            [&](const quality::PickReason& i) {
                if (m_state.sign) m_state.sign->reason = i.reason;
                return FlowOutcome::quiet();
            },
            [&](const quality::Sign&) { return sign(); },
            [&](const quality::CancelSign&) {
                m_state.sign.reset();
                return FlowOutcome::quiet();
            },
        },
        intent);
}

std::optional<FlowOutcome> QualityFlow::scanned(const scan::Meaning& meaning, const FlowContext&) {
    const LookupResult found = lookUp(m_ledger, meaning);
    if (const auto* lots = std::get_if<FoundLots>(&found)) return open(lots->lots.front().code);
    return std::nullopt;
}

std::map<std::string, std::string> QualityFlow::unsaved() const {
    std::map<std::string, std::string> out;
    for (const auto& [test, value] : m_state.results)
        out["quality." + test] = value;
    return out;
}

} // namespace lotstation::station
