// A run's batch record state from its entries; weigh targets and percentages computed exactly.
#include "batch_state.hpp"

#include "../decimal.hpp"
#include "../rows.hpp"
#include "../wide_math.hpp"
#include "../quality/signature_writer.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace lotstation::storage {
namespace {

constexpr std::array<std::pair<StepKind, const char*>, 5> kStepKinds{{{StepKind::LineClearance, "line-clearance"},
                                                                      {StepKind::Weigh, "weigh"},
                                                                      {StepKind::Instruction, "instruction"},
                                                                      {StepKind::Check, "check"},
                                                                      {StepKind::Pack, "pack"}}};

Decimal decimalOf(const std::string& text) {
    std::string_view rest;
    return readDecimal(trim(text), rest).value_or(Decimal{});
}

} // namespace

const char* toString(StepKind kind) {
    for (const auto& [value, name] : kStepKinds)
        if (value == kind) return name;
    return "instruction";
}

Result<StepKind> parseStepKind(std::string_view text) {
    for (const auto& [value, name] : kStepKinds)
        if (text == name) return value;
    return fail(ErrorKind::Invalid,
                "'" + std::string(text) + "' is not a step kind (line-clearance, weigh, instruction, check, pack)");
}

WeighTarget weighTarget(const ProcedureStep& step, std::int64_t per, std::int64_t planned) {
    WeighTarget out;
    out.target = narrow(divideHalfEven(static_cast<Wide>(step.target) * planned, per)).value_or(0);
    std::int64_t allowed = 0;
    if (step.tolerance.ends_with('%')) {
        // |actual - target| <= target × p / 100 with actual whole base units: the floor is exact.
        const auto p = decimalOf(step.tolerance.substr(0, step.tolerance.size() - 1));
        allowed = narrow(static_cast<Wide>(out.target) * p.mantissa / (100 * powerOfTen(p.decimals))).value_or(0);
    } else {
        allowed = step.toleranceQuantity;
    }
    out.low = out.target - allowed;
    out.high = out.target + allowed;
    return out;
}

bool percentWithin(std::int64_t numerator, std::int64_t denominator, const std::string& min, const std::string& max) {
    // numerator / denominator × 100 against m / 10^d  <=>  numerator × 100 × 10^d against m × denominator.
    auto compareTo = [&](const std::string& limit) {
        const auto d = decimalOf(limit);
        const Wide left = static_cast<Wide>(numerator) * 100 * powerOfTen(d.decimals);
        const Wide right = d.mantissa * denominator;
        return left < right ? -1 : left > right ? 1 : 0;
    };
    return compareTo(min) >= 0 && compareTo(max) <= 0;
}

std::string percentText(std::int64_t numerator, std::int64_t denominator) {
    const Wide hundredths = divideHalfEven(static_cast<Wide>(numerator) * 10000, denominator);
    const auto whole = static_cast<std::int64_t>(hundredths / 100);
    const auto cents = static_cast<int>(hundredths % 100);
    return std::to_string(whole) + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

std::string yieldPercent(std::int64_t output, std::int64_t planned) {
    return planned > 0 ? percentText(output, planned) : "?";
}

bool yieldWithin(const Procedure& procedure, std::int64_t output, std::int64_t planned) {
    return planned > 0 && percentWithin(output, planned, procedure.yieldMin, procedure.yieldMax);
}

std::optional<const BatchEntry*> RunRecordState::unusedDeviation(std::int64_t step) const {
    for (const auto& e : entries) {
        if (e.kind != EntryKind::Deviation || e.step != step) continue;
        const bool used = std::ranges::any_of(entries, [&](const BatchEntry& other) { return other.deviation == e.id; });
        if (!used) return &e;
    }
    return std::nullopt;
}

StepState RunRecordState::stateOf(std::int64_t step) const {
    if (!performed[static_cast<std::size_t>(step - 1)].empty()) return StepState::Done;
    if (unusedDeviation(step)) return StepState::Skipped;
    return StepState::Open;
}

std::optional<int> RunRecordState::nextOpenStep() const {
    for (std::size_t i = 0; i < procedure.steps.size(); ++i)
        if (stateOf(static_cast<std::int64_t>(i + 1)) == StepState::Open) return static_cast<int>(i + 1);
    return std::nullopt;
}

std::optional<int> RunRecordState::nextStep() const {
    // The first step after the furthest one performed (so a step skipped on purpose stays behind), else the
    // first still open.
    std::size_t furthest = 0;
    for (std::size_t i = 0; i < procedure.steps.size(); ++i)
        if (!performed[i].empty()) furthest = i + 1;
    for (std::size_t i = furthest; i < procedure.steps.size(); ++i)
        if (performed[i].empty()) return static_cast<int>(i + 1);
    return nextOpenStep();
}

std::string RunRecordState::name(std::int64_t step) const {
    if (step == kFinishStep) return "the finish";
    return "step " + std::to_string(step) + " (" + procedure.steps[static_cast<std::size_t>(step - 1)].title + ")";
}

Result<RunRecordState> runRecordState(LedgerCore& core, std::string_view code) {
    const auto run = findRun(core, code);
    if (!run) return fail(ErrorKind::NotFound, "no run " + std::string(code));
    RunRecordState state;
    state.run = run->run;
    state.entries = entriesOf(core, run->run.code);
    if (state.entries.empty() || state.entries.front().kind != EntryKind::Start)
        return fail(ErrorKind::Refused, "run " + run->run.code + " follows no batch record (its recipe had no "
                                                                 "procedure when it started)");
    state.start = state.entries.front();
    auto procedure = state.start.procedure ? findProcedure(core, *state.start.procedure) : std::nullopt;
    if (!procedure) return fail(ErrorKind::NotFound, "run " + run->run.code + ": its procedure version is not here");
    state.procedure = std::move(*procedure);
    state.performed.resize(state.procedure.steps.size());
    state.verified.resize(state.procedure.steps.size());
    for (const auto& e : state.entries) {
        if (e.step < 1 || static_cast<std::size_t>(e.step) > state.procedure.steps.size()) continue;
        if (e.kind == EntryKind::Perform) state.performed[static_cast<std::size_t>(e.step - 1)].push_back(&e);
        if (e.kind == EntryKind::Verify) state.verified[static_cast<std::size_t>(e.step - 1)].push_back(&e);
    }
    return state;
}

Signature signEntry(LedgerCore& core, const User& signer, const BatchEntry& entry, SignatureMeaning meaning,
                    std::string statement, std::optional<std::string> reason) {
    return appendSignature(core, signer,
                           SignRequest{.signer = signer.name,
                                       .meaning = meaning,
                                       .recordKind = "batch-entry",
                                       .recordId = entry.id,
                                       .subject = entry.run,
                                       .signedText = canonicalBatchEntryText(entry),
                                       .statement = std::move(statement),
                                       .reason = std::move(reason)});
}

} // namespace lotstation::storage
