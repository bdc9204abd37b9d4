// Produce following the oat bar's procedure on the demo ledger (batch_demo.hpp), without a window: each step
// judged on screen and signed as it is done, a weighing outside its tolerance needing a supervisor's
// deviation, a verification refused to the performer and given by a second person, a run resumed by another
// screen (as after a restart or at another station after sync), and the finish with the yield.
#include "batch_demo.hpp"
#include "floor_test_support.hpp"
#include "lotstation/station/batch_record_export.hpp"
#include "lotstation/storage/queries.hpp"

#include <algorithm>

using namespace lotstation::test::floor;
using namespace lotstation::test::batch;
namespace scan = lotstation::scan;

namespace {

FlowContext as(const std::string& user) {
    return FlowContext{user, t0};
}

FlowOutcome scanLot(ProduceFlow& flow, const std::string& lot, const std::string& user = "ana") {
    auto outcome = flow.scanned(scan::OwnLot{lot}, as(user));
    REQUIRE(outcome);
    return *outcome;
}

// Opens the signature for `open` (SignStep, VerifyStep, AskDeviation), picks the signer, types the PIN,
// picks the reason when given, and signs.
template <class Open>
FlowOutcome sign(ProduceFlow& flow, Open open, const std::string& who, const std::string& pin,
                 const std::optional<std::string>& reason = {}, const std::string& user = "ana") {
    const auto opened = flow.apply(open, as(user));
    if (opened.feedback == FeedbackKind::Refused) return opened;
    REQUIRE(flow.state().batch->signing);
    flow.apply(produce::PickSigner{who});
    for (char c : pin) flow.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')});
    if (reason) flow.apply(produce::PickReason{*reason});
    return flow.apply(produce::SubmitSignature{}, as(user));
}

// The oat bars, 10 planned: 1.1 kg soap base ± 1 %, 50 g oatmeal ± 20 g (verified), 10 boxes.
void planOatBars(ProduceFlow& flow) {
    REQUIRE(flow.apply(produce::PickRecipe{"BAR-OAT"}).feedback != FeedbackKind::Refused);
    REQUIRE(flow.state().procedure);
    REQUIRE(flow.apply(produce::SetPlanned{Quantity{10, storage::Uom::Piece}}).feedback != FeedbackKind::Refused);
    const auto started = flow.apply(produce::StartBatch{}, as("ana"));
    REQUIRE_MESSAGE(started.feedback == FeedbackKind::Accepted, started.message);
    REQUIRE(flow.state().batch);
}

void clearLine(ProduceFlow& flow) {
    REQUIRE(flow.state().batch->shown == 1);
    CHECK(flow.apply(produce::SignStep{}, as("ana")).message == "Confirm every point of the checklist");
    flow.apply(produce::TickPoint{0});
    flow.apply(produce::TickPoint{1});
    const auto signedStep = sign(flow, produce::SignStep{}, "ana", "1111");
    REQUIRE_MESSAGE(signedStep.feedback == FeedbackKind::Accepted, signedStep.message);
}

void weigh(ProduceFlow& flow, const std::string& lot, Quantity quantity) {
    REQUIRE(scanLot(flow, lot).feedback == FeedbackKind::Accepted);
    flow.apply(produce::SetQuantity{quantity});
}

std::string firstLotOf(storage::Ledger& ledger, const std::string& sku) {
    auto lots = storage::fefo(ledger, sku, storage::dateOf(ledger.now()));
    REQUIRE(lots);
    REQUIRE(!lots->empty());
    return lots->front().lot.code;
}

std::size_t entriesOf(storage::Ledger& ledger, const std::string& run) {
    return storage::batchEntries(ledger, run).value().size();
}

} // namespace

TEST_CASE("produce batch: every step within tolerance, verified by a second person, finished with its yield") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto base = prepareBatchDemo(ledger);
    lotstation::test::TempDir exports;
    ProduceFlow flow(ledger, exports.path());
    planOatBars(flow);
    const auto run = *flow.state().run;
    CHECK(entriesOf(ledger, run) == 1); // the start, pinning the procedure version
    clearLine(flow);
    CHECK(entriesOf(ledger, run) == 2); // written the moment it is signed

    // Step 2: the soap base. A lot of another item is refused, nothing written.
    REQUIRE(flow.state().batch->shown == 2);
    const auto oats = firstLotOf(ledger, "OATMEAL");
    CHECK(scanLot(flow, oats).message.find("not SOAP-BASE") != std::string::npos);
    weigh(flow, base, Quantity{1'105'000, storage::Uom::Gram, "continuous on /dev/ttyUSB0"});
    CHECK((judgeDraft(*flow.state().batch) == Judgement::Within));
    CHECK(targetText(*shownStep(*flow.state().batch), storage::Uom::Gram) == "1.1 kg ± 1 % (1.089 kg–1.111 kg)");
    const auto movementsBefore = ledger.movementCount().value();
    REQUIRE(sign(flow, produce::SignStep{}, "ana", "1111").feedback == FeedbackKind::Accepted);
    CHECK(ledger.movementCount().value() == movementsBefore + 1); // the consume, with its signed step
    const auto consumed = storage::runInputs(ledger, run).value();
    REQUIRE(consumed.size() == 1);
    CHECK(consumed[0].quantity == 1'105'000);
    CHECK(consumed[0].scale == "continuous on /dev/ttyUSB0");

    // Step 3: the oatmeal, verified by a second, different person.
    weigh(flow, oats, Quantity{51'000, storage::Uom::Gram});
    REQUIRE(sign(flow, produce::SignStep{}, "ana", "1111").feedback == FeedbackKind::Accepted);
    REQUIRE(flow.state().batch->shown == 3); // it stays for the verification
    CHECK(shownStep(*flow.state().batch)->awaitsVerification);
    const auto entries = entriesOf(ledger, run);
    const auto same = sign(flow, produce::VerifyStep{}, "ana", "1111");
    CHECK(same.feedback == FeedbackKind::Refused);
    CHECK(same.message == "ana performed step 3 (Weigh oatmeal): a second, different person verifies it");
    CHECK(entriesOf(ledger, run) == entries);
    flow.apply(produce::CancelSignature{});
    const auto verified = sign(flow, produce::VerifyStep{}, "sam", "2222");
    REQUIRE_MESSAGE(verified.feedback == FeedbackKind::Accepted, verified.message);
    CHECK(flow.state().batch->shown == 4);

    // Step 4: the boxes, counted; step 5: the pour temperature on the pad; step 6: packing.
    weigh(flow, firstLotOf(ledger, "BOX-BAR"), Quantity{10, storage::Uom::Piece});
    REQUIRE(sign(flow, produce::SignStep{}, "ana", "1111").feedback == FeedbackKind::Accepted);
    for (auto key : {KeypadKey::D5, KeypadKey::D4, KeypadKey::Dot, KeypadKey::D5})
        flow.apply(produce::ValueKey{key});
    CHECK(flow.state().batch->draft.value == "54.5");
    CHECK((judgeDraft(*flow.state().batch) == Judgement::Within));
    REQUIRE(sign(flow, produce::SignStep{}, "ana", "1111").feedback == FeedbackKind::Accepted);
    REQUIRE(sign(flow, produce::SignStep{}, "ana", "1111").feedback == FeedbackKind::Accepted);
    CHECK(flow.state().batch->shown == storage::kFinishStep);

    // The finish: 10 bars of 10 planned, 10 labels printed, none destroyed.
    flow.apply(produce::SetOutput{Quantity{10, storage::Uom::Piece}});
    CHECK((judgeYield(*flow.state().batch, 10) == Judgement::Within));
    const auto noLabels = sign(flow, produce::Finish{}, "ana", "1111");
    CHECK(noLabels.feedback == FeedbackKind::Refused); // packing: how many labels?
    flow.apply(produce::CancelSignature{});
    flow.apply(produce::SetLabelsPrinted{Quantity{10, storage::Uom::Piece}});
    flow.apply(produce::SetLabelsDestroyed{Quantity{0, storage::Uom::Piece}});
    const auto finished = sign(flow, produce::Finish{}, "ana", "1111");
    REQUIRE_MESSAGE(finished.feedback == FeedbackKind::Accepted, finished.message);
    CHECK(finished.message.find("yield 100.00 %") != std::string::npos);
    REQUIRE((flow.state().step == ProduceStep::Done));
    CHECK(finished.labelsToPrint == std::vector<std::string>{flow.state().finished->lotCode});

    // The record from the finished screen, and its PDF.
    REQUIRE(flow.apply(produce::ShowRecord{}).feedback != FeedbackKind::Refused);
    const auto& record = flow.state().record->record;
    CHECK(!record.inProgress);
    CHECK(record.deviations.empty());
    CHECK(record.components.size() == 3);
    CHECK(record.steps[2].verifications.at(0).user == "sam");
    const auto saved = flow.apply(produce::SaveRecord{});
    REQUIRE_MESSAGE(saved.feedback == FeedbackKind::Accepted, saved.message);
    CHECK(std::filesystem::file_size(*flow.state().record->saved) > 1000);
    CHECK(ledger.verify().value().empty());

    // Look up opens the same record from the lot made.
    LookupFlow lookup(ledger, exports.path());
    lookup.apply(lookup::Open{flow.state().finished->lotCode});
    REQUIRE(lookup.state().lot);
    CHECK(lookup.state().lot->batchRecord);
    REQUIRE(lookup.apply(lookup::ShowRecord{}).feedback != FeedbackKind::Refused);
    CHECK(lookup.state().record->record.hash == record.hash);
    CHECK(lookup.apply(lookup::SaveRecord{}).feedback == FeedbackKind::Accepted);
    lookup.apply(lookup::Open{base});
    CHECK(!lookup.state().lot->batchRecord); // the soap base was made without a procedure
    CHECK(lookup.apply(lookup::ShowRecord{}).feedback == FeedbackKind::Refused);
}

TEST_CASE("produce batch: a weighing outside its tolerance needs a supervisor's deviation, then the performer signs") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto base = prepareBatchDemo(ledger);
    ProduceFlow flow(ledger);
    planOatBars(flow);
    const auto run = *flow.state().run;
    clearLine(flow);
    weigh(flow, base, Quantity{1'200'000, storage::Uom::Gram});
    CHECK((judgeDraft(*flow.state().batch) == Judgement::Outside));
    const auto entries = entriesOf(ledger, run);
    const auto movements = ledger.movementCount().value();
    const auto refused = flow.apply(produce::SignStep{}, as("ana"));
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message == "the quantity is outside the tolerance: a supervisor records a deviation first");

    // An operator cannot approve it; a wrong PIN neither; a supervisor with a reason can.
    CHECK(sign(flow, produce::AskDeviation{}, "ana", "1111", "Recipe adjusted by the supervisor").message ==
          "ana is an operator: approving a deviation needs a supervisor");
    flow.apply(produce::CancelSignature{});
    CHECK(sign(flow, produce::AskDeviation{}, "sam", "2222").message == "Pick or type the reason");
    flow.apply(produce::CancelSignature{});
    CHECK(entriesOf(ledger, run) == entries);
    const auto approved = sign(flow, produce::AskDeviation{}, "sam", "2222", "Base lot runs thin: rest of the drum used");
    REQUIRE_MESSAGE(approved.feedback == FeedbackKind::Accepted, approved.message);
    CHECK(shownStep(*flow.state().batch)->deviationWaiting);
    CHECK(flow.state().batch->draft.quantity == 1'200'000); // what was weighed stays for its signature
    const auto performed = sign(flow, produce::SignStep{}, "ana", "1111");
    REQUIRE_MESSAGE(performed.feedback == FeedbackKind::Accepted, performed.message);
    CHECK(ledger.movementCount().value() == movements + 1);
    const auto record = storage::batchRecord(ledger, run).value();
    REQUIRE(record.deviations.size() == 1);
    CHECK(record.deviations[0].entry.reason == "Base lot runs thin: rest of the drum used");
    CHECK(record.deviations[0].entry.user == "sam");
    CHECK(record.deviations[0].what.find("outside tolerance") != std::string::npos);
    CHECK(record.steps[1].performed.at(0).deviation == record.deviations[0].entry.id);
}

TEST_CASE("produce batch: a run left open is resumed from Produce's start at the step it stands at") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto base = prepareBatchDemo(ledger);
    std::string run;
    {
        ProduceFlow first(ledger);
        planOatBars(first);
        run = *first.state().run;
        clearLine(first);
        weigh(first, base, Quantity{1'100'000, storage::Uom::Gram}); // weighed, not signed: not kept
    }
    // Another screen over the same ledger (the station restarted, or another station after sync).
    auto reopened = storage::Ledger::open(d->dir->file("demo.db"));
    REQUIRE(reopened);
    ProduceFlow flow(*reopened);
    const auto& open = flow.state().openRuns;
    REQUIRE(std::ranges::any_of(open, [&](const storage::Run& r) { return r.code == run; }));
    const auto resumed = flow.apply(produce::ResumeRun{run});
    REQUIRE_MESSAGE(resumed.feedback == FeedbackKind::Accepted, resumed.message);
    CHECK(resumed.message == "Run " + run + " resumed at step 2");
    REQUIRE(flow.state().batch);
    CHECK(flow.state().batch->record.steps[0].state == storage::StepState::Done);
    CHECK(!flow.state().batch->draft.quantity);
    // A step done again is a deviation too; the run carries on at step 2.
    flow.apply(produce::ShowStep{1});
    flow.apply(produce::TickPoint{0});
    flow.apply(produce::TickPoint{1});
    CHECK(flow.apply(produce::SignStep{}, as("ana")).message ==
          "this step was done already: doing it again: a supervisor records a deviation first");
    flow.apply(produce::ShowStep{2});
    weigh(flow, base, Quantity{1'100'000, storage::Uom::Gram});
    REQUIRE(sign(flow, produce::SignStep{}, "ana", "1111").feedback == FeedbackKind::Accepted);
    CHECK(flow.state().batch->shown == 3);
    // The command line takes no plain consume into it: its inputs are weighed by its steps.
    CHECK(storage::hasBatchRecord(*reopened, run).value());
}

TEST_CASE("produce batch: a recipe without a procedure keeps today's flow") {
    auto d = demo();
    ProduceFlow flow(d->ledger);
    REQUIRE(flow.apply(produce::PickRecipe{"SOAP-BASE"}).feedback != FeedbackKind::Refused);
    CHECK(!flow.state().procedure);
    CHECK(flow.apply(produce::StartBatch{}, as("ana")).feedback == FeedbackKind::Refused);
}
