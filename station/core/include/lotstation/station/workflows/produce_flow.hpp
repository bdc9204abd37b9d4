#pragma once
// A production run: pick a recipe and the planned output; the station lists each component with the lot to
// take first (FEFO) and how much the recipe needs; scan each container used. A wrong item, an expired, held,
// quarantined or recalled lot, or one that is not first to expire is refused with the reason; a supervisor
// may approve it (name or badge, PIN, reason). Each container's quantity comes from the recipe or the keypad
// and is recorded the moment the operator confirms it. Finish records the output lot (expiry from the item's
// shelf life) and asks for its labels.
//
// The run starts in the ledger with its first confirmed consumption, in the same transaction: a run that
// used nothing is never recorded, so cancelling before the first confirm writes nothing at all. Once started
// the run stays open in the ledger until it is finished; leaving the screen drops only what was not
// confirmed, and the Produce screen lists the open runs to resume and finish.
//
// A recipe with a procedure (the master batch record) is made by following it instead (batch_run.hpp): the
// operator starts the run, then each step is entered, judged on screen and signed as it is done; Finish is
// the signed finish step with the yield and the label counts. A run started elsewhere resumes here the same
// way after sync. The finished screen opens the run's batch record.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/batch_run.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/station/workflows/stock_scan.hpp"
#include "lotstation/station/workflows/supervisor_approval.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/queries.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

// One component of the recipe, scaled to the planned output.
struct ProduceLine {
    storage::Item item;
    std::int64_t needed = 0;                    // base units for the planned output (rounded up)
    std::int64_t consumed = 0;                  // recorded in this run so far
    std::optional<storage::LotStock> takeFirst; // FEFO: the lot to take; none usable on hand when empty
};

// The container just scanned, not yet recorded.
struct ContainerDraft {
    storage::Lot lot;
    storage::Item item;
    std::string location;                      // where it is taken from
    std::int64_t onHand = 0;                   // there
    std::int64_t quantity = 0;                 // to record; from the recipe until typed or weighed
    std::optional<std::string> scale;          // weighed on this scale
    std::vector<UsageProblem> problems;        // why it may not be used; empty = fine
    std::optional<storage::Override> approval; // a supervisor's yes to those problems
    [[nodiscard]] bool blocked() const { return !problems.empty() && !approval; }
};

struct ConsumedInput {
    storage::Movement movement; // as recorded
    std::string sku;
    std::string itemName;
    storage::Uom uom = storage::Uom::Gram;
};

enum class ProduceStep { ChooseRecipe, Gathering, Done };

struct ProduceState {
    ProduceStep step = ProduceStep::ChooseRecipe;
    std::optional<storage::Item> product;
    std::optional<storage::Recipe> recipe;
    std::optional<std::int64_t> planned; // base units of the product
    std::optional<std::string> run;      // once started in the ledger
    std::vector<ProduceLine> lines;
    std::optional<ContainerDraft> container;
    std::optional<ApprovalDraft> approval; // open while a supervisor approves the container
    std::vector<ConsumedInput> consumed;
    std::optional<std::int64_t> output; // base units; default the planned quantity
    std::optional<std::string> outputScale; // the output was weighed on this scale
    std::optional<storage::FinishRunResult> finished;
    std::optional<storage::Date> outputExpiry; // of the output lot: from the item's shelf life
    std::vector<storage::Run> openRuns;        // left open earlier, to resume (ChooseRecipe only)
    std::optional<std::string> problem;        // the last refusal, shown until the next good step
    std::optional<storage::Procedure> procedure; // the recipe's procedure: the run follows it
    std::optional<BatchRun> batch;               // the run following its procedure, once started
    std::optional<RecordOnScreen> record;        // the finished run's batch record, when opened
};

namespace produce {
struct PickRecipe {
    std::string sku;
};
struct SetPlanned {
    Quantity quantity;
};
struct ResumeRun {
    std::string run;
};
struct PickLot { // the suggested lot tapped instead of scanned (a station without a scanner)
    std::string lot;
};
struct SetQuantity { // of the container
    Quantity quantity;
};
struct UseContainer { // records the consumption now
    // who: the flow context's operator
};
struct DropContainer {};
struct AskApproval {};
struct PickSupervisor {
    std::string name;
};
struct PinKey {
    KeypadKey key;
};
struct PickReason {
    std::string reason; // an id of overrideReasons() or a typed reason
};
struct SubmitApproval {};
struct CancelApproval {};
struct SetOutput {
    Quantity quantity;
};
struct Finish {
    // who: the flow context's operator
};
struct Cancel {}; // drops what was not confirmed; a started run stays open
struct Next {};   // after Done: the next run
// Following a procedure (batch_run.hpp).
struct StartBatch {}; // starts the run: it follows the recipe's procedure from now on
struct ShowStep {     // another step on screen (storage::kFinishStep: the finish)
    int step = 0;
};
struct TickPoint { // line clearance: a point of the checklist confirmed (or not)
    int index = 0;
};
struct ValueKey { // the value a step records, typed on the pad
    KeypadKey key;
};
struct SignStep {};     // the performer signs the step on screen (or the finish)
struct VerifyStep {};   // a second person verifies the step on screen
struct AskDeviation {}; // a supervisor records a deviation on the step on screen
struct PickSigner {
    std::string name;
};
struct SubmitSignature {};
struct CancelSignature {};
struct SetLabelsPrinted {
    Quantity quantity;
};
struct SetLabelsDestroyed {
    Quantity quantity;
};
struct ShowRecord {}; // the finished run's batch record
struct SaveRecord {}; // its PDF into the export folder
struct CloseRecord {};
} // namespace produce

using ProduceIntent =
    std::variant<produce::PickRecipe, produce::SetPlanned, produce::ResumeRun, produce::PickLot,
                 produce::SetQuantity, produce::UseContainer, produce::DropContainer, produce::AskApproval,
                 produce::PickSupervisor, produce::PinKey, produce::PickReason, produce::SubmitApproval,
                 produce::CancelApproval, produce::SetOutput, produce::Finish, produce::Cancel,
                 produce::Next, produce::StartBatch, produce::ShowStep, produce::TickPoint, produce::ValueKey,
                 produce::SignStep, produce::VerifyStep, produce::AskDeviation, produce::PickSigner,
                 produce::SubmitSignature, produce::CancelSignature, produce::SetLabelsPrinted,
                 produce::SetLabelsDestroyed, produce::ShowRecord, produce::SaveRecord, produce::CloseRecord>;

// Base units of a component for `planned` base units of output, rounded up (never short a batch).
[[nodiscard]] std::int64_t scaledNeed(const storage::Recipe& recipe, std::int64_t componentQuantity,
                                      std::int64_t planned);

class ProduceFlow final : public ScreenFlow {
  public:
    using Intent = ProduceIntent;
    using State = ProduceState;

    explicit ProduceFlow(const FlowDeps& deps) : ProduceFlow(deps.ledger, deps.files.exportFolder) {}
    // A batch record's PDF is saved into `exportFolder` (the station's export folder; a test's temporary one).
    explicit ProduceFlow(storage::Ledger& ledger, std::filesystem::path exportFolder = {});

    FlowOutcome apply(const ProduceIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const ProduceState& state() const { return m_state; }

    [[nodiscard]] Screen screen() const override { return Screen::Produce; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override;
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override;

  private:
    FlowOutcome pickRecipe(const std::string& sku);
    FlowOutcome setPlanned(const Quantity& quantity);
    FlowOutcome resume(const std::string& run);
    FlowOutcome container(ScannedLot scanned);
    FlowOutcome setQuantity(const Quantity& quantity);
    FlowOutcome use(const std::string& user);
    FlowOutcome submitApproval();
    FlowOutcome finish(const std::string& user);
    FlowOutcome badge(const std::string& badge);
    FlowOutcome refuse(std::string message);
    FlowOutcome good(FlowOutcome outcome); // clears the last refusal
    // Following a procedure (produce_batch.cpp).
    FlowOutcome batchStep(const ProduceIntent& intent, const FlowContext& context);
    FlowOutcome startBatch(const std::string& user);
    FlowOutcome resumeBatch(const std::string& run);
    FlowOutcome batchContainer(ScannedLot scanned);
    FlowOutcome batchQuantity(const Quantity& quantity);
    FlowOutcome openSigning(BatchSignPurpose purpose, const FlowContext& context);
    FlowOutcome submitSignature();
    FlowOutcome afterSignature(const std::string& message); // the record read again
    FlowOutcome batchFinished(storage::BatchFinishResult result);
    FlowOutcome showRecord();
    FlowOutcome saveRecord();
    void reset();
    void planLines();   // lines from the recipe and the planned output, FEFO lots included
    void refreshFefo(); // the lot to take first of every line, after stock changed
    [[nodiscard]] std::vector<UsageProblem> problemsOf(const storage::Lot& lot, const storage::Item& item) const;
    [[nodiscard]] std::vector<std::string> recipeSkus() const;
    [[nodiscard]] ProduceLine* lineOf(const std::string& sku);

    storage::Ledger& m_ledger;
    std::filesystem::path m_exportFolder;
    ProduceState m_state;
};

} // namespace lotstation::station
