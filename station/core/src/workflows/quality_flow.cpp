#include "lotstation/station/workflows/quality_flow.hpp"

#include "lotstation/station/lookup.hpp"
#include "quality_documents.hpp"
#include "lotstation/station/workflows/supervisor_approval.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

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

// The meaning in words, shown above the PIN pad: what the person signs.
std::string statementOf(const SignDraft& draft, const std::string& lot, storage::Uom uom) {
    switch (draft.action) {
    case SignAction::Inspect:
        return "I performed this inspection of lot " + lot;
    case SignAction::Release:
        return "I release lot " + lot + " for use";
    case SignAction::Partial:
    {
        const std::string underDeviation = draft.deviation ? " under a deviation" : "";
        if (draft.accept && draft.reject)
            return "I accept " + storage::formatQuantity(draft.accept->amount, uom) + underDeviation + " and reject " +
                   storage::formatQuantity(draft.reject->amount, uom) + " of lot " + lot;
        return "I accept part of lot " + lot + underDeviation + " and reject the rest";
    }
    case SignAction::Reject:
        break;
    }
    return "I reject lot " + lot;
}

// A partial acceptance's two parts against what is on hand: both more than nothing, in the lot's unit, and
// adding up to all of it (what is neither accepted nor rejected would be left undecided).
std::optional<std::string> splitProblem(const SignDraft& draft, const QualityLot& lot) {
    if (!draft.accept || !draft.reject) return "Type how much is accepted and how much is rejected";
    const auto uom = lot.item.uom;
    if (draft.accept->unit != uom || draft.reject->unit != uom)
        return "Type the quantities in " + std::string(storage::toString(uom)) + ", the unit of " + lot.item.name;
    if (draft.accept->amount <= 0) return "Nothing is accepted: use Reject all for the whole lot";
    if (draft.reject->amount <= 0) return "Nothing is rejected: use Release for the whole lot";
    const auto sum = draft.accept->amount + draft.reject->amount;
    if (sum != lot.onHand)
        return storage::formatQuantity(draft.accept->amount, uom) + " accepted and " +
               storage::formatQuantity(draft.reject->amount, uom) + " rejected make " +
               storage::formatQuantity(sum, uom) + ", but lot " + lot.lot.code + " has " +
               storage::formatQuantity(lot.onHand, uom) + " on hand: the two must add up to it";
    return std::nullopt;
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
    m_state.importFolder = m_importFolder.string();
    m_state.importFiles = documentFilesIn(m_importFolder);
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
                                                             std::vector<std::string>{}),
                 m_ledger.onHand(code).value_or(0)};
    m_state.lot = std::move(q);
}

FlowOutcome QualityFlow::open(const std::string& code) {
    auto lot = m_ledger.lot(code);
    if (!lot) return refuse(lot.error().message);
    m_state = QualityState{};
    m_state.lot = QualityLot{*lot, {}, {}, {}, {}, {}, {}, 0};
    reload();
    if (!m_state.lot) return refuse("lot " + code + " cannot be read");
    if (lot->status != storage::LotStatus::Quarantine)
        return FlowOutcome::unknown("Lot " + code + " is " + storage::toString(lot->status) +
                                    ", not waiting for QC");
    return FlowOutcome::quiet();
}

FlowOutcome QualityFlow::startSign(SignAction action) {
    if (!m_state.lot) return refuse("Open a lot first");
    if (action == SignAction::Inspect && m_state.results.empty())
        return refuse(m_state.documents.empty() ? "Enter at least one result first"
                                                : "Enter at least one result first: documents go with the results");
    SignDraft draft{.action = action};
    // Reject all and Accept part are one dialog: switching keeps who signs and why.
    const auto rejecting = [](SignAction a) { return a == SignAction::Reject || a == SignAction::Partial; };
    if (m_state.sign && rejecting(m_state.sign->action) && rejecting(action)) {
        draft.signer = m_state.sign->signer;
        draft.reason = m_state.sign->reason;
        draft.deviation = m_state.sign->deviation;
    }
    draft.statement = statementOf(draft, m_state.lot->lot.code, m_state.lot->item.uom);
    m_state.sign = std::move(draft);
    m_state.camera = false;
    m_state.problem.reset();
    return FlowOutcome::quiet();
}

FlowOutcome QualityFlow::setResult(const std::string& test, const std::string& value) {
    if (!m_state.lot) return refuse("Open a lot first");
    const auto& tests = m_state.lot->spec.tests;
    const auto found = std::ranges::find(tests, test, &storage::SpecTest::name);
    if (found == tests.end()) return refuse("The spec of " + m_state.lot->item.name + " has no test " + test);
    // Judged now by the ledger's own rule, so the form shows pass or fail before anything is signed.
    const auto passed = storage::judge(*found, value);
    if (!passed) return refuse(passed.error().message);
    m_state.results[test] = value;
    m_state.verdicts[test] = *passed;
    m_state.done.reset();
    m_state.problem.reset();
    return FlowOutcome::quiet();
}

FlowOutcome QualityFlow::addPhoto(const quality::AddPhoto& photo) {
    if (!m_state.lot) return refuse("Open a lot first");
    auto document = photoDocument(photo.frame, photo.camera, m_ledger.now(), m_state.documents);
    if (!document) return refuse(document.error().message);
    const std::string name = document->fileName;
    m_state.documents.push_back(std::move(*document));
    m_state.camera = false;
    m_state.problem.reset();
    return FlowOutcome::accepted("Photo " + name + " goes with the results");
}

FlowOutcome QualityFlow::attachFile(const std::string& name) {
    if (!m_state.lot) return refuse("Open a lot first");
    if (std::ranges::any_of(m_state.documents, [&](const StagedDocument& d) { return d.fileName == name; }))
        return refuse(name + " is already on the form");
    auto document = importedDocument(m_importFolder, name);
    if (!document) return refuse(document.error().message);
    m_state.documents.push_back(std::move(*document));
    m_state.problem.reset();
    return FlowOutcome::accepted(name + " goes with the results");
}

FlowOutcome QualityFlow::setSplit(bool accepted, const Quantity& quantity) {
    if (!m_state.lot || !m_state.sign || m_state.sign->action != SignAction::Partial)
        return refuse("Choose Accept part first");
    auto& draft = *m_state.sign;
    (accepted ? draft.accept : draft.reject) = quantity;
    draft.statement = statementOf(draft, m_state.lot->lot.code, m_state.lot->item.uom);
    // Once both are typed, a sum that misses what is on hand is said at once, before anyone signs.
    m_state.problem = draft.accept && draft.reject ? splitProblem(draft, *m_state.lot) : std::nullopt;
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
        std::vector<storage::AttachRequest> documents;
        for (const auto& d : m_state.documents)
            documents.push_back({.fileName = d.fileName, .content = d.content, .kind = d.kind});
        auto inspected = storage::inspect(m_ledger, {.lot = lot, .results = results, .signer = *draft.signer,
                                                     .pin = pin, .documents = std::move(documents)});
        if (!inspected) error = inspected.error().message;
        else {
            done = std::string("Inspection recorded: ") + (inspected->passed ? "passed" : "failed");
            const auto n = m_state.documents.size();
            if (n > 0) done += ", " + std::to_string(n) + (n == 1 ? " document" : " documents") + " attached";
        }
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
    case SignAction::Partial: {
        if (auto problem = splitProblem(draft, *m_state.lot)) return refuse(*problem);
        if (!draft.reason) return refuse("Pick why part of the lot is rejected");
        auto split = storage::qcReject(m_ledger, {.lot = lot, .reason = *draft.reason, .signer = *draft.signer,
                                                  .pin = pin, .accept = draft.accept->amount,
                                                  .deviation = draft.deviation});
        if (!split) error = split.error().message;
        else
            done = "Accepted " + storage::formatQuantity(draft.accept->amount, m_state.lot->item.uom) + " of lot " +
                   lot + "; " + storage::formatQuantity(draft.reject->amount, m_state.lot->item.uom) +
                   " rejected into lot " + split->rejectedLot.value_or("?");
        break;
    }
    }
    if (error) return refuse(*error);
    if (draft.action == SignAction::Inspect) m_state.documents.clear(); // attached with it
    m_state.sign.reset();
    m_state.results.clear();
    m_state.verdicts.clear();
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
            [&](const quality::SetResult& i) { return setResult(i.test, i.value); },
            [&](const quality::TypeNumber& i) {
                m_state.camera = false;
                m_state.numberFor = i.test;
                m_state.number.clear();
                return FlowOutcome::quiet();
            },
            [&](const quality::NumberKey& i) {
                if (!m_state.numberFor || !pressNumberKey(m_state.number, i.key)) return FlowOutcome::quiet();
                return FlowOutcome::quiet();
            },
            [&](const quality::NumberDone&) {
                const auto test = std::exchange(m_state.numberFor, std::nullopt);
                const auto number = std::exchange(m_state.number, std::string());
                if (!test || number.empty()) return FlowOutcome::quiet();
                return setResult(*test, number);
            },
            [&](const quality::ShowCamera& i) {
                if (!m_state.lot) return refuse("Open a lot first");
                m_state.camera = i.on;
                m_state.numberFor.reset();
                return FlowOutcome::quiet();
            },
            [&](const quality::AddPhoto& i) { return addPhoto(i); },
            [&](const quality::AttachFile& i) { return attachFile(i.name); },
            [&](const quality::RemoveDocument& i) {
                if (i.index < m_state.documents.size())
                    m_state.documents.erase(m_state.documents.begin() + static_cast<std::ptrdiff_t>(i.index));
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
            [&](const quality::PickDeviation& i) {
                if (!m_state.sign || m_state.sign->action != SignAction::Partial)
                    return refuse("Choose Accept part first");
                m_state.sign->deviation = i.reason;
                m_state.sign->statement = statementOf(*m_state.sign, m_state.lot->lot.code, m_state.lot->item.uom);
                return FlowOutcome::quiet();
            },
            [&](const quality::SetAccept& i) { return setSplit(true, i.quantity); },
            [&](const quality::SetReject& i) { return setSplit(false, i.quantity); },
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
    for (const auto& document : m_state.documents)
        out["quality.document." + document.fileName] = document.origin;
    return out;
}

} // namespace lotstation::station
