#pragma once
// Where a run's batch record stands, derived from its entries alone (so every station that holds the same
// entries agrees): each step open, done or skipped by a deviation, the deviations not yet relied on.
#include "batch_rules.hpp"

namespace lotstation::storage {

struct RunRecordState {
    Run run{};
    Procedure procedure{};
    BatchEntry start{};
    std::vector<BatchEntry> entries{};
    // Per step (index = number - 1): performances and verifications in order.
    std::vector<std::vector<const BatchEntry*>> performed{}, verified{};

    [[nodiscard]] std::optional<const BatchEntry*> unusedDeviation(std::int64_t step) const;
    [[nodiscard]] StepState stateOf(std::int64_t step) const;
    // The first step neither done nor skipped: what must come before any later step.
    [[nodiscard]] std::optional<int> nextOpenStep() const;
    // The step `run step` takes when none is named: the first not done after the furthest performed (a step
    // with a deviation approved but not yet performed included), else the first open one.
    [[nodiscard]] std::optional<int> nextStep() const;
    // "step 3 (Weigh olive oil)"; step 0 is "the finish".
    [[nodiscard]] std::string name(std::int64_t step) const;
};

// The run's record as it stands; Refused when the run follows no batch record, NotFound when there is no run.
[[nodiscard]] Result<RunRecordState> runRecordState(LedgerCore& core, std::string_view run);

// Signs an entry just written, in the caller's transaction.
[[nodiscard]] Signature signEntry(LedgerCore& core, const User& signer, const BatchEntry& entry,
                                  SignatureMeaning meaning, std::string statement,
                                  std::optional<std::string> reason = {});

// Exact: `numerator / denominator` (as a percentage of) judged against decimal limits; "97.50" for display.
[[nodiscard]] bool percentWithin(std::int64_t numerator, std::int64_t denominator, const std::string& min,
                                 const std::string& max);
[[nodiscard]] std::string percentText(std::int64_t numerator, std::int64_t denominator);

} // namespace lotstation::storage
