// What the Produce screen holds while a run follows its procedure (batch_run.hpp): the record as the ledger
// has it, the step on screen with what was entered for it, and the judgements shown before anything is signed.
// The ledger judges again when the step is signed (storage/batch_record.hpp); these are the same rules' inputs
// (its weigh targets and limits, its value judgement), read for the screen.
#include "lotstation/station/workflows/batch_run.hpp"

#include "lotstation/station/batch_record_export.hpp"
#include "lotstation/storage/quality.hpp"

#include <algorithm>

namespace lotstation::station {

namespace {

void freshDraft(BatchRun& batch) {
    batch.draft = BatchStepDraft{};
    if (const auto* step = shownStep(batch))
        batch.draft.ticked.assign(step->step.checklist.size(), false);
}

int standing(const storage::BatchRecord& record) {
    return record.nextStep.value_or(storage::kFinishStep);
}

} // namespace

Result<BatchRun> loadBatchRun(const storage::Ledger& ledger, const std::string& run) {
    auto record = storage::batchRecord(ledger, run);
    if (!record) return std::unexpected(record.error());
    BatchRun batch;
    batch.record = std::move(*record);
    batch.shown = standing(batch.record);
    freshDraft(batch);
    return batch;
}

Result<void> reloadBatchRun(const storage::Ledger& ledger, BatchRun& batch) {
    auto record = storage::batchRecord(ledger, batch.record.run.code);
    if (!record) return std::unexpected(record.error());
    batch.record = std::move(*record);
    batch.shown = standing(batch.record);
    batch.signing.reset();
    freshDraft(batch);
    return {};
}

const storage::StepRecord* shownStep(const BatchRun& batch) {
    if (batch.shown < 1 || static_cast<std::size_t>(batch.shown) > batch.record.steps.size()) return nullptr;
    return &batch.record.steps[static_cast<std::size_t>(batch.shown - 1)];
}

storage::Uom weighUnit(const storage::Ledger& ledger, const storage::ProcedureStep& step) {
    if (step.kind == storage::StepKind::Weigh)
        if (auto item = ledger.item(step.component)) return item->uom;
    return storage::Uom::Gram;
}

Judgement judgeDraft(const BatchRun& batch) {
    const auto* step = shownStep(batch);
    if (!step) return Judgement::None;
    if (step->step.kind == storage::StepKind::Weigh) {
        if (!batch.draft.quantity || !step->target) return Judgement::None;
        const auto q = *batch.draft.quantity;
        return q >= step->target->low && q <= step->target->high ? Judgement::Within : Judgement::Outside;
    }
    if (step->step.value && !batch.draft.value.empty()) {
        auto passed = storage::judge(*step->step.value, batch.draft.value);
        if (!passed) return Judgement::None; // not a number yet: the ledger says why when signed
        return *passed ? Judgement::Within : Judgement::Outside;
    }
    return Judgement::None;
}

Judgement judgeYield(const BatchRun& batch, std::int64_t output) {
    return storage::yieldWithin(batch.record.procedure, output, batch.record.run.planned) ? Judgement::Within
                                                                                          : Judgement::Outside;
}

std::string yieldText(const BatchRun& batch, std::int64_t output) {
    return storage::yieldPercent(output, batch.record.run.planned);
}

std::vector<std::string> deviationNeeds(const BatchRun& batch) {
    std::vector<std::string> needs;
    const auto* step = shownStep(batch);
    if (!step) return needs;
    for (const auto& earlier : batch.record.steps) {
        if (earlier.number >= step->number) break;
        if (earlier.state == storage::StepState::Open) {
            needs.push_back(stepTitle(earlier) + " is not done: this step is out of order");
            break;
        }
    }
    if (step->state == storage::StepState::Done) needs.push_back("this step was done already: doing it again");
    for (const auto& problem : batch.draft.problems) needs.push_back(problem.message);
    if (judgeDraft(batch) == Judgement::Outside)
        needs.push_back(step->step.kind == storage::StepKind::Weigh ? "the quantity is outside the tolerance"
                                                                    : "the value is outside its limits");
    return needs;
}

std::optional<std::string> missingForSign(const BatchRun& batch) {
    const auto* step = shownStep(batch);
    if (!step) return std::nullopt;
    switch (step->step.kind) {
    case storage::StepKind::Weigh:
        if (!batch.draft.lot) return "Scan the container of " + step->step.component;
        if (!batch.draft.quantity) return "Weigh it or type the quantity";
        break;
    case storage::StepKind::LineClearance:
        if (!std::ranges::all_of(batch.draft.ticked, [](bool t) { return t; }))
            return "Confirm every point of the checklist";
        break;
    default:
        if (step->step.value && batch.draft.value.empty()) return "Type the " + step->step.value->name;
        break;
    }
    return std::nullopt;
}

const char* stepKindText(storage::StepKind kind) {
    switch (kind) {
    case storage::StepKind::LineClearance: return "Line clearance";
    case storage::StepKind::Weigh: return "Weigh / add";
    case storage::StepKind::Instruction: return "Instruction";
    case storage::StepKind::Check: return "In-process check";
    case storage::StepKind::Pack: return "Pack and label";
    }
    return "Step";
}

std::string stepTitle(const storage::StepRecord& step) {
    std::string title = step.step.title;
    if (title.empty() && step.step.kind == storage::StepKind::Weigh) title = "Weigh " + step.step.component;
    if (title.empty()) title = step.step.text.empty() ? stepKindText(step.step.kind) : step.step.text;
    return "Step " + std::to_string(step.number) + " · " + title;
}

std::string targetText(const storage::StepRecord& step, storage::Uom uom) {
    if (step.target) {
        std::string tolerance = step.step.tolerance;
        if (tolerance.ends_with('%')) tolerance = tolerance.substr(0, tolerance.size() - 1) + " %";
        return storage::formatQuantity(step.target->target, uom) + " ± " + tolerance + " (" +
               storage::formatQuantity(step.target->low, uom) + "–" +
               storage::formatQuantity(step.target->high, uom) + ")";
    }
    if (step.step.value) return storage::describeLimits(*step.step.value); // "temperature 35–45 °C"
    return {};
}

Result<std::filesystem::path> saveRecordPdf(const storage::BatchRecord& record, const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return fail(ErrorKind::Io, "cannot make the folder " + folder.string() + ": " + ec.message());
    const auto path = folder / ("batch-record-" + record.run.code + ".pdf");
    auto written = writeBatchRecord(record, path);
    if (!written) return std::unexpected(written.error());
    return path;
}

} // namespace lotstation::station
