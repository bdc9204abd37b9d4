#pragma once
// Produce following a recipe's procedure (the master batch record, storage/batch_record.hpp): the run's steps
// in order, each with its target; the operator enters what the step asks (the container scanned and the
// quantity weighed, a value read, the checklist ticked) and the screen judges it against the target ± the
// tolerance or the limits before anything is written. Every step is signed by its performer (name and PIN
// entered now) and written at once; a step flagged for verification is then signed by a second, different
// person; whatever breaks the procedure (outside the tolerance or the limits, a lot that needs an override,
// a step skipped or done again, a yield outside its limits) needs a supervisor's deviation first: a reason
// and their signature. The ledger decides each of these; this is what the screen holds meanwhile.
#include "lotstation/station/workflows/stock_scan.hpp"
#include "lotstation/station/workflows/supervisor_approval.hpp"
#include "lotstation/storage/batch_record.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::station {

enum class BatchSignPurpose { Perform, Verify, Deviation, Finish };

// A signature being given: who (the draft's `supervisor` field names the signer, whatever their role), the
// PIN typed now, and for a deviation its reason.
struct BatchSigning {
    BatchSignPurpose purpose = BatchSignPurpose::Perform;
    int step = 0;          // the step signed; storage::kFinishStep for the finish
    ApprovalDraft who;     // signer, PIN, reason (deviations), why the last try was refused
    std::string statement; // what the signature says: "I performed step 2 (Weigh olive oil) of run R-..."
};

// What the operator entered on the step on screen, not yet signed.
struct BatchStepDraft {
    std::optional<storage::Lot> lot; // weigh: the container scanned
    std::string location;            // where it is taken from
    std::int64_t onHand = 0;         // there
    std::vector<UsageProblem> problems;   // weigh: why the lot may not be used as it is
    std::optional<std::int64_t> quantity; // weigh: base units, typed or weighed
    std::optional<std::string> scale;     // weigh: read from this scale
    std::string value;                    // instruction / check: the value typed
    std::vector<bool> ticked;             // line clearance: each point of the checklist
};

enum class Judgement { None, Within, Outside };

struct BatchRun {
    storage::BatchRecord record; // as the ledger has it, read again after every signature
    int shown = 0;               // the step on screen, 1-based; storage::kFinishStep: the finish
    BatchStepDraft draft;
    std::optional<BatchSigning> signing;
    std::optional<std::int64_t> labelsPrinted; // the finish's label reconciliation
    std::optional<std::int64_t> labelsDestroyed;
    std::optional<std::int64_t> output; // base units actually made; default the planned quantity
    std::optional<std::string> outputScale;
};

// The run's record and the step to show: where the run stands (storage's next step), else the finish.
[[nodiscard]] Result<BatchRun> loadBatchRun(const storage::Ledger& ledger, const std::string& run);
// Reads the record again after a signature, keeping the labels and output typed; the draft starts afresh on
// the step the run now stands at.
[[nodiscard]] Result<void> reloadBatchRun(const storage::Ledger& ledger, BatchRun& batch);

[[nodiscard]] const storage::StepRecord* shownStep(const BatchRun& batch);
// The unit a step's quantities are in: its component's (weigh), else the product's.
[[nodiscard]] storage::Uom weighUnit(const storage::Ledger& ledger, const storage::ProcedureStep& step);

// The draft against the step's target ± tolerance, or the value against its limits; None while incomplete.
[[nodiscard]] Judgement judgeDraft(const BatchRun& batch);
// The yield of `output` against the planned quantity: within the procedure's limits or not, and "97.50".
[[nodiscard]] Judgement judgeYield(const BatchRun& batch, std::int64_t output);
[[nodiscard]] std::string yieldText(const BatchRun& batch, std::int64_t output);
// What in signing the step on screen now breaks the procedure, in the floor's words (empty: nothing): each
// needs a supervisor's deviation on the step before its performer signs.
[[nodiscard]] std::vector<std::string> deviationNeeds(const BatchRun& batch);
// What is still missing before the performer can sign ("scan the container of olive oil"); empty: ready.
[[nodiscard]] std::optional<std::string> missingForSign(const BatchRun& batch);

// "6 kg ± 1 % (5.94–6.06 kg)"; a value's limits "35–45 °C"; empty for a step without either.
// `uom`: the unit of the step's component (weighUnit).
[[nodiscard]] std::string targetText(const storage::StepRecord& step, storage::Uom uom);
[[nodiscard]] const char* stepKindText(storage::StepKind kind); // "Line clearance", "Weigh / add", ...
// "Step 2 · Weigh olive oil": the title, else what the step does.
[[nodiscard]] std::string stepTitle(const storage::StepRecord& step);

// A run's batch record on screen (Produce's finished screen, a produced lot in Look up) and where its PDF
// went once saved.
struct RecordOnScreen {
    storage::BatchRecord record;
    std::optional<std::string> saved; // the PDF's path
};
// Writes the record's PDF into `folder` as batch-record-<run>.pdf.
[[nodiscard]] Result<std::filesystem::path> saveRecordPdf(const storage::BatchRecord& record,
                                                          const std::filesystem::path& folder);

} // namespace lotstation::station
