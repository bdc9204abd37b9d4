// Performing, verifying and deviating from a run's steps (batch_record.hpp). The signer's PIN is checked
// first (it counts toward the lock-out even when the step is then refused); the entry, any consume movement
// and the signature are written together in one transaction, or nothing is.
#include "batch_state.hpp"

#include "../quality/signature_writer.hpp"
#include "../decimal.hpp"
#include "../rows.hpp"
#include "lotstation/storage/access.hpp"

namespace lotstation::storage {
namespace {

Result<RunRecordState> openRecord(LedgerCore& core, std::string_view run) {
    auto state = runRecordState(core, run);
    if (!state) return state;
    if (state->run.status != RunStatus::Open) return fail(ErrorKind::Refused, "run " + state->run.code + " is finished");
    return state;
}

std::string range(const WeighTarget& t, Uom uom) {
    return formatQuantity(t.low, uom) + "–" + formatQuantity(t.high, uom);
}

// What the performance of one step records and what in it breaks the procedure (each needs a deviation).
struct Performance {
    BatchEntry entry{};
    std::vector<std::string> breaks{};
    std::optional<ConsumeRequest> consume{};
};

Result<Performance> judgeStep(LedgerCore& core, const RunRecordState& state, int number, const StepRequest& request) {
    const auto& step = state.procedure.steps[static_cast<std::size_t>(number - 1)];
    Performance out;
    out.entry = BatchEntry{.run = state.run.code, .kind = EntryKind::Perform, .step = number};
    if (auto open = state.nextOpenStep(); open && *open < number)
        out.breaks.push_back("it is out of order (" + state.name(*open) + " comes first)");
    if (state.stateOf(number) == StepState::Done) out.breaks.push_back("it was done already");
    out.entry.value = request.value;
    if (step.kind == StepKind::Weigh) {
        if (!request.lot || !request.quantity)
            return fail(ErrorKind::Invalid, state.name(number) + " weighs " + step.component +
                                                ": give the lot taken and the quantity weighed");
        auto lot = requireLot(core, *request.lot);
        if (!lot) return std::unexpected(lot.error());
        if (lot->lot.sku != step.component)
            return fail(ErrorKind::Refused, "lot " + lot->lot.code + " is " + lot->lot.sku + ", not " + step.component +
                                                " that " + state.name(number) + " weighs");
        const auto target = weighTarget(step, state.procedure.per, state.start.quantity.value_or(state.run.planned));
        out.entry.lot = lot->lot.code;
        out.entry.quantity = *request.quantity;
        const bool within = *request.quantity >= target.low && *request.quantity <= target.high;
        out.entry.judgement = within ? "within" : "outside";
        if (!within)
            out.breaks.push_back(formatQuantity(*request.quantity, lot->uom) + " is outside " + range(target, lot->uom) +
                                 " (target " + formatQuantity(target.target, lot->uom) + " ± " + step.tolerance + ")");
        out.consume = ConsumeRequest{.run = state.run.code, .lot = lot->lot.code, .quantity = *request.quantity};
        out.consume->scale = request.scale;
    } else if (step.value) {
        if (!request.value)
            return fail(ErrorKind::Invalid, state.name(number) + " records " + step.value->name + " in " +
                                                step.value->unit.value_or("") + ": give the value");
        auto passed = judge(*step.value, *request.value);
        if (!passed) return std::unexpected(passed.error());
        out.entry.judgement = *passed ? "within" : "outside";
        if (!*passed)
            out.breaks.push_back(step.value->name + " " + *request.value + " " + step.value->unit.value_or("") +
                                 " is outside " + describeLimits(*step.value));
    } else if (request.lot || request.quantity) {
        return fail(ErrorKind::Invalid, state.name(number) + " weighs nothing: a lot and quantity belong to a weigh step");
    }
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

} // namespace

Result<SignedEntry> performStep(Ledger& ledger, const StepRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    auto signer = authenticateSigner(ledger, request.by, request.pin, SignatureMeaning::Performed);
    if (!signer) return std::unexpected(signer.error());
    return inWriteTransaction(core, [&]() -> Result<SignedEntry> {
        auto state = openRecord(core, request.run);
        if (!state) return std::unexpected(state.error());
        const int count = static_cast<int>(state->procedure.steps.size());
        const auto next = state->nextStep();
        const int number = request.step.value_or(next.value_or(0));
        if (number == 0) return fail(ErrorKind::Refused, "every step of run " + state->run.code + " is done: finish it");
        if (number < 1 || number > count)
            return fail(ErrorKind::Invalid, "run " + state->run.code + " has steps 1 to " + std::to_string(count));
        auto performance = judgeStep(core, *state, number, request);
        if (!performance) return std::unexpected(performance.error());
        auto& entry = performance->entry;
        const auto deviation = state->unusedDeviation(number);
        if (performance->consume) {
            performance->consume->user = signer->name;
            auto consumed = ledger.consume(*performance->consume);
            if (!consumed && consumed.error().kind == ErrorKind::NeedsOverride) {
                if (!deviation)
                    return fail(ErrorKind::NeedsOverride,
                                consumed.error().message + " (" + state->name(number) + "): a supervisor records a "
                                                           "deviation on this step first");
                performance->consume->override = Override{*(*deviation)->reason, (*deviation)->user};
                performance->breaks.push_back("an override");
                consumed = ledger.consume(*performance->consume);
            }
            if (!consumed) return std::unexpected(consumed.error());
            entry.movement = consumed->id;
        }
        if (!performance->breaks.empty()) {
            if (!deviation)
                return fail(ErrorKind::Refused, state->name(number) + ": " + joined(performance->breaks) +
                                                    ". A supervisor records a deviation on this step first (a "
                                                    "reason and a signature)");
            entry.deviation = (*deviation)->id;
        }
        entry.user = signer->name;
        entry = appendBatchEntry(core, entry);
        auto signature = signEntry(core, *signer, entry, SignatureMeaning::Performed,
                                   "I performed " + state->name(number) + " of run " + state->run.code);
        return SignedEntry{entry, signature};
    });
}

Result<SignedEntry> verifyStep(Ledger& ledger, std::string_view run, int step, std::string_view by,
                               std::string_view pin) {
    auto& core = LedgerAccess::core(ledger);
    auto signer = authenticateSigner(ledger, by, pin, SignatureMeaning::Verified);
    if (!signer) return std::unexpected(signer.error());
    return inWriteTransaction(core, [&]() -> Result<SignedEntry> {
        auto state = openRecord(core, run);
        if (!state) return std::unexpected(state.error());
        if (step < 1 || step > static_cast<int>(state->procedure.steps.size()))
            return fail(ErrorKind::Invalid, "run " + state->run.code + " has steps 1 to " +
                                                std::to_string(state->procedure.steps.size()));
        const auto& done = state->performed[static_cast<std::size_t>(step - 1)];
        if (done.empty()) return fail(ErrorKind::Refused, state->name(step) + " has not been performed: nothing to verify");
        const auto* last = done.back();
        if (last->user == signer->name)
            return fail(ErrorKind::Refused, signer->name + " performed " + state->name(step) +
                                                ": a second, different person verifies it");
        for (const auto* v : state->verified[static_cast<std::size_t>(step - 1)])
            if (v->at >= last->at)
                return fail(ErrorKind::Refused, state->name(step) + " is verified already (by " + v->user + ")");
        BatchEntry entry{.run = state->run.code, .kind = EntryKind::Verify, .step = step, .user = signer->name};
        entry.lot = last->lot;
        entry.quantity = last->quantity;
        entry.value = last->value;
        entry = appendBatchEntry(core, entry);
        auto signature = signEntry(core, *signer, entry, SignatureMeaning::Verified,
                                   "I verified " + state->name(step) + " of run " + state->run.code + " (performed by " +
                                       last->user + ")");
        return SignedEntry{entry, signature};
    });
}

Result<SignedEntry> recordDeviation(Ledger& ledger, std::string_view run, int step, std::string_view reason,
                                    std::string_view by, std::string_view pin) {
    auto& core = LedgerAccess::core(ledger);
    const std::string why(trim(reason));
    if (why.empty()) return fail(ErrorKind::Invalid, "a deviation needs a reason");
    if (by.empty() || pin.empty())
        return fail(ErrorKind::Invalid, "a deviation needs a supervisor's name and PIN, entered now");
    auto signer = ledger.recordPinAttempt(by, pin);
    if (!signer) return std::unexpected(signer.error());
    if (!allowed(signer->role, Action::ApproveOverride))
        return fail(ErrorKind::Refused, signer->name + " is " + (signer->role == UserRole::Operator ? "an " : "a ") +
                                            toString(signer->role) + ": approving a deviation needs a supervisor");
    return inWriteTransaction(core, [&]() -> Result<SignedEntry> {
        auto state = openRecord(core, run);
        if (!state) return std::unexpected(state.error());
        if (step < 0 || step > static_cast<int>(state->procedure.steps.size()))
            return fail(ErrorKind::Invalid, "run " + state->run.code + " has steps 1 to " +
                                                std::to_string(state->procedure.steps.size()) + " (0: the finish)");
        if (state->unusedDeviation(step))
            return fail(ErrorKind::Conflict, state->name(step) + " has a deviation approved already, not yet used");
        BatchEntry entry{.run = state->run.code, .kind = EntryKind::Deviation, .step = step, .user = signer->name};
        entry.reason = why;
        entry = appendBatchEntry(core, entry);
        auto signature = signEntry(core, *signer, entry, SignatureMeaning::ApprovedDeviation,
                                   "I approve a deviation on " + state->name(step) + " of run " + state->run.code, why);
        return SignedEntry{entry, signature};
    });
}

} // namespace lotstation::storage
