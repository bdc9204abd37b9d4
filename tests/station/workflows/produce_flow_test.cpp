// The production run on the demo soap maker's ledger: FEFO lots listed, every refusal, the supervisor's
// override, cancel at every step, a run left open and resumed, finish into a labelled output lot.
#include "floor_test_support.hpp"
#include "lotstation/storage/queries.hpp"

using namespace lotstation::test::floor;
namespace scan = lotstation::scan;

namespace {

// Received lots of the demo, in the order createDemoLedger records them.
enum DemoLot { Olive1, Olive2, Coconut, Lye, Lavender, Oats, Boxes, CoconutHeld };

std::string lotOf(const Demo& demo, DemoLot which) {
    return demo.summary.receivedLots.at(static_cast<std::size_t>(which));
}

FlowContext ana() {
    return FlowContext{"ana", t0};
}

// Soap base for 10 kg: 6 kg olive oil, 2.6 kg coconut oil, 1.4 kg lye.
void planSoapBase(ProduceFlow& flow) {
    REQUIRE(flow.apply(produce::PickRecipe{"SOAP-BASE"}).feedback != FeedbackKind::Refused);
    REQUIRE(flow.apply(produce::SetPlanned{Quantity{10'000'000, storage::Uom::Gram}}).feedback !=
            FeedbackKind::Refused);
    REQUIRE((flow.state().step == ProduceStep::Gathering));
}

FlowOutcome scanLot(ProduceFlow& flow, const std::string& lot) {
    auto outcome = flow.scanned(scan::OwnLot{lot}, ana());
    REQUIRE(outcome);
    return *outcome;
}

} // namespace

TEST_CASE("produce: the recipe scaled to the plan lists each component with the lot to take first") {
    auto d = demo();
    ProduceFlow flow(d->ledger);
    planSoapBase(flow);
    const auto& state = flow.state();
    REQUIRE(state.lines.size() == 3);
    CHECK(lineOf(state, "OLIVE-OIL").needed == 6'000'000);
    CHECK(lineOf(state, "OLIVE-OIL").takeFirst->lot.code ==
          lotOf(*d, Olive1)); // expires before the second olive oil lot
    CHECK(lineOf(state, "COCONUT-OIL").needed == 2'600'000);
    CHECK(lineOf(state, "COCONUT-OIL").takeFirst->lot.code ==
          lotOf(*d, Coconut)); // the held delivery is never suggested
    CHECK(lineOf(state, "LYE").needed == 1'400'000);
    CHECK(scaledNeed(storage::Recipe{"BAR-LAV", 100, {}}, 300'000, 33) == 99'000); // 300 ml per 100 bars
    CHECK(scaledNeed(storage::Recipe{"X", 3, {}}, 1, 1) == 1);                     // rounded up, never short
    CHECK(d->ledger.movementCount().value() == d->summary.movements); // nothing written by planning
}

TEST_CASE("produce: a run of soap base from FEFO lots - each use recorded at once - finish makes the lot") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    ProduceFlow flow(ledger);
    planSoapBase(flow);

    const auto read = scanLot(flow, lotOf(*d, Olive1));
    CHECK(read.feedback == FeedbackKind::Accepted);
    CHECK(read.message == "Olive oil, extra virgin: take 6 kg of lot " + lotOf(*d, Olive1));
    CHECK(ledger.movementCount().value() == before); // scanned, not used yet
    const auto used = flow.apply(produce::UseContainer{}, FlowContext{"ana", {}});
    REQUIRE(used.feedback == FeedbackKind::Accepted);
    REQUIRE(flow.state().run);
    const std::string run = *flow.state().run;
    CHECK(used.message == "Used 6 kg of lot " + lotOf(*d, Olive1) + " · run " + run + " started");
    CHECK(ledger.movementCount().value() == before + 1);
    CHECK((ledger.run(run)->status == storage::RunStatus::Open));
    CHECK(lineOf(flow.state(), "OLIVE-OIL").consumed == 6'000'000);

    // The keypad changes the quantity from the recipe's.
    scanLot(flow, lotOf(*d, Coconut));
    CHECK(flow.state().container->quantity == 2'600'000);
    flow.apply(produce::SetQuantity{Quantity{2'650'000, storage::Uom::Gram}});
    REQUIRE(flow.apply(produce::UseContainer{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Accepted);
    scanLot(flow, lotOf(*d, Lye));
    REQUIRE(flow.apply(produce::UseContainer{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Accepted);
    CHECK(flow.state().consumed.size() == 3);

    flow.apply(produce::SetOutput{Quantity{10'050'000, storage::Uom::Gram}});
    const auto finished = flow.apply(produce::Finish{}, ana());
    REQUIRE(finished.feedback == FeedbackKind::Accepted);
    REQUIRE(flow.state().finished);
    const auto& result = *flow.state().finished;
    CHECK(finished.labelsToPrint == std::vector{result.lotCode});
    CHECK((flow.state().step == ProduceStep::Done));
    const auto lot = ledger.lot(result.lotCode);
    REQUIRE(lot);
    CHECK(lot->sku == "SOAP-BASE");
    CHECK(lot->run == run);
    CHECK((lot->expiry == storage::Date{std::chrono::sys_days{storage::dateOf(ledger.now())} +
                                        std::chrono::days{60}})); // the base keeps 60 days
    CHECK(ledger.onHand(result.lotCode, "WS1").value() == 10'050'000);
    const auto inputs = storage::runInputs(ledger, run);
    REQUIRE(inputs);
    CHECK(inputs->size() == 3);
    CHECK((*inputs)[1].quantity == 2'650'000);
    CHECK((ledger.run(run)->status == storage::RunStatus::Finished));
    CHECK(ledger.movementCount().value() == before + 4);
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("produce: refusals - wrong item, held, recalled, expired, not FEFO, unknown code, unit mismatch") {
    auto d = demo(40); // 40 days on: the lavender oil is past its use-by date
    auto& ledger = d->ledger;
    REQUIRE(ledger.hold({.lots = {lotOf(*d, Oats)},
                         .status = storage::LotStatus::Recalled,
                         .reason = "supplier recall",
                         .user = "sam"}));
    const auto before = ledger.movementCount().value();
    ProduceFlow flow(ledger);
    CHECK(scanLot(flow, lotOf(*d, Olive1)).message ==
          "Pick the recipe and the planned quantity first, then scan the containers");
    planSoapBase(flow);

    auto refused = scanLot(flow, lotOf(*d, Lavender));
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message.find("expired on") != std::string::npos);
    CHECK(refused.message.find("Lavender essential oil is not in the recipe of Cold-process soap base") !=
          std::string::npos);
    CHECK(flow.state().container->blocked());
    CHECK(flow.state().problem == refused.message);

    refused = scanLot(flow, lotOf(*d, CoconutHeld));
    CHECK(refused.message == "lot " + lotOf(*d, CoconutHeld) + " is on hold: a supervisor may approve it");
    refused = scanLot(flow, lotOf(*d, Oats));
    CHECK(refused.message.rfind("lot " + lotOf(*d, Oats) + " is recalled", 0) == 0);
    refused = scanLot(flow, lotOf(*d, Olive2));
    CHECK(refused.message == "take lot " + lotOf(*d, Olive1) + " first (use by " +
                                 lotstation::storage::formatDate(*ledger.lot(lotOf(*d, Olive1))->expiry) +
                                 "); this one keeps longer: a supervisor may approve it");
    CHECK(flow.apply(produce::UseContainer{}, FlowContext{"ana", {}}).feedback ==
          FeedbackKind::Refused); // blocked: nothing used

    const auto unknown = flow.scanned(scan::LookupKey{"NOPE-123", {}}, ana());
    CHECK(unknown->message ==
          "Not a container here: nothing called NOPE-123: not a lot, supplier lot, SKU or location code");
    const auto item = flow.scanned(scan::LookupKey{"LYE", {}}, ana());
    CHECK(item->message == "Not a container here: that is the item Sodium hydroxide, not a lot: scan the lot "
                           "label on the container");

    REQUIRE(scanLot(flow, lotOf(*d, Olive1)).feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(produce::SetQuantity{Quantity{500'000, storage::Uom::Millilitre}}).message ==
          "That is a volume; Olive oil, extra virgin is measured in g");
    CHECK(flow.apply(produce::SetQuantity{Quantity{99'000'000, storage::Uom::Gram}}).message ==
          "only 13 kg of lot " + lotOf(*d, Olive1) + " is at STORE");
    CHECK(flow.state().container->quantity == 6'000'000); // refused entries change nothing
    CHECK(flow.apply(produce::SetPlanned{Quantity{5, storage::Uom::Piece}}).message ==
          "That is a count; Cold-process soap base is measured in g");
    CHECK(flow.apply(produce::PickRecipe{"OLIVE-OIL"}).message == "Olive oil, extra virgin has no recipe");
    CHECK(flow.apply(produce::Finish{}, ana()).message == "Nothing used yet: scan the first container");
    CHECK(ledger.movementCount().value() == before);
}

TEST_CASE("produce: cancel at every step before the first use writes nothing") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    ProduceFlow flow(ledger);
    for (int stop = 0; stop <= 5; ++stop) {
        if (stop >= 1) flow.apply(produce::PickRecipe{"SOAP-BASE"});
        if (stop >= 2) flow.apply(produce::SetPlanned{Quantity{10'000'000, storage::Uom::Gram}});
        if (stop >= 3) (void)flow.scanned(scan::OwnLot{lotOf(*d, Olive2)}, ana()); // not FEFO: blocked
        if (stop >= 4) flow.apply(produce::AskApproval{});
        if (stop >= 5) flow.apply(produce::PickSupervisor{"sam"});
        if (stop % 2 == 0)
            flow.apply(produce::Cancel{});
        else
            flow.cancel(); // leaving the screen
        CHECK((flow.state().step == ProduceStep::ChooseRecipe));
        CHECK_FALSE(flow.state().product);
        CHECK_FALSE(flow.state().container);
        CHECK(flow.unsaved().empty());
    }
    CHECK(ledger.movementCount().value() == before);
    CHECK(storage::openRuns(ledger).value().empty());
}

TEST_CASE("produce: a supervisor overrides a held lot - wrong PIN and an operator are refused") {
    auto d = demo();
    auto& ledger = d->ledger;
    ProduceFlow flow(ledger);
    planSoapBase(flow);
    scanLot(flow, lotOf(*d, CoconutHeld));
    REQUIRE(flow.state().container->blocked());
    flow.apply(produce::AskApproval{});
    REQUIRE(flow.state().approval);

    // An operator cannot approve, whatever PIN.
    flow.apply(produce::PickSupervisor{"ana"});
    for (char c : std::string("1111"))
        flow.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')});
    flow.apply(produce::PickReason{"quality-checked"});
    auto refused = flow.apply(produce::SubmitApproval{});
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message == "ana is an operator: approving an override needs a supervisor");
    CHECK(flow.state().approval->pin.empty()); // never kept past a try

    // The supervisor with a wrong PIN.
    flow.apply(produce::PickSupervisor{"sam"});
    for (char c : std::string("9999"))
        flow.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')});
    refused = flow.apply(produce::SubmitApproval{});
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(flow.state().approval->problem == refused.message);
    CHECK(flow.state().container->blocked());

    // Right PIN, no reason yet, then a reason.
    flow.apply(produce::PickReason{""});
    for (char c : std::string("2222"))
        flow.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')});
    CHECK(flow.apply(produce::SubmitApproval{}).message == "Pick a reason");
    for (char c : std::string("2222"))
        flow.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')});
    flow.apply(produce::PickReason{"quality-checked"});
    const auto approved = flow.apply(produce::SubmitApproval{});
    CHECK(approved.message == "Approved by sam: Quality checked: fit for use");
    CHECK_FALSE(flow.state().approval);
    CHECK_FALSE(flow.state().container->blocked());

    REQUIRE(flow.apply(produce::UseContainer{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Accepted);
    const auto& movement = flow.state().consumed.back().movement;
    CHECK(movement.lot == lotOf(*d, CoconutHeld));
    CHECK(movement.approvedBy == "sam");
    CHECK(movement.reason == "Quality checked: fit for use");
    CHECK(movement.overridden == "hold");
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("produce: a started run left on the screen stays open and is resumed and finished") {
    auto d = demo();
    auto& ledger = d->ledger;
    std::string run;
    {
        ProduceFlow flow(ledger);
        planSoapBase(flow);
        scanLot(flow, lotOf(*d, Olive1));
        REQUIRE(flow.apply(produce::UseContainer{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Accepted);
        run = *flow.state().run;
        scanLot(flow, lotOf(*d, Coconut)); // scanned, never used
        CHECK(flow.unsaved() ==
              std::map<std::string, std::string>{{"produce.container", lotOf(*d, Coconut)}});
        flow.cancel(); // the operator leaves the screen
        REQUIRE(flow.state().openRuns.size() == 1);
        CHECK(flow.state().openRuns[0].code == run);
        CHECK_FALSE(flow.state().run);
    }
    ProduceFlow later(ledger); // another shift, or the station restarted
    REQUIRE(later.state().openRuns.size() == 1);
    CHECK(later.apply(produce::ResumeRun{run}).message == "Run " + run + " resumed");
    CHECK(later.state().planned == 10'000'000);
    CHECK(lineOf(later.state(), "OLIVE-OIL").consumed == 6'000'000);
    CHECK(later.state().consumed.size() == 1);
    CHECK(later.apply(produce::PickRecipe{"BAR-LAV"}).message ==
          "Run " + run + " is started: finish it first");
    scanLot(later, lotOf(*d, Coconut));
    CHECK(later.apply(produce::Finish{}, ana()).message ==
          "Lot " + lotOf(*d, Coconut) + " is scanned but not used: use it or put it back");
    later.apply(produce::DropContainer{});
    REQUIRE(later.apply(produce::Finish{}, ana()).feedback == FeedbackKind::Accepted);
    CHECK(ledger.run(run)->actual == 10'000'000);
    CHECK(storage::openRuns(ledger).value().empty());
    CHECK(later.apply(produce::Next{}).feedback == std::nullopt);
    CHECK(later.state().openRuns.empty());
}

TEST_CASE("produce: through the station - picker, keypad, scans, a badge approval and the finish dialog") {
    auto d = demo();
    auto& ledger = d->ledger;
    Station station(AppConfig{}, t0, &ledger);
    logIn(station, "ana", "1111");
    station.apply(intent::Navigate{Screen::Produce}, t0);
    pick(station, replyId<produce::PickRecipe>(), station.state().catalog.recipes, "SOAP-BASE");
    keypad(station, replyQuantity<produce::SetPlanned>(), "10", QuantityUnit::Kilogram);
    const ProduceState& produce = *station.stateOf<ProduceFlow>();
    REQUIRE((produce.step == ProduceStep::Gathering));

    // Not FEFO: refused loudly; the supervisor scans their badge and types the PIN on the pad.
    auto effects = station.apply(scanOf(lotLabel(lotOf(*d, Olive2))), t0);
    CHECK(effects.tone == FeedbackKind::Refused);
    station.apply(produce::AskApproval{}, t0);
    effects = station.apply(scanOf("LS:USR:B-SAM"), t0);
    CHECK(effects.tone == FeedbackKind::Accepted);
    CHECK(station.state().userName == "ana"); // the badge approved, it did not log sam in
    CHECK(produce.approval->supervisor == "sam");
    for (char c : std::string("2222"))
        station.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')}, t0);
    pick(station, replyId<produce::PickReason>(), {{"older-first", "Older lot used up first", ""}}, "older-first");
    effects = station.apply(produce::SubmitApproval{}, t0);
    CHECK(effects.tone == FeedbackKind::Accepted);
    keypad(station, replyQuantity<produce::SetQuantity>(), "6", QuantityUnit::Kilogram);
    station.apply(produce::UseContainer{}, t0);
    REQUIRE(produce.run);
    CHECK(produce.consumed.back().movement.lot == lotOf(*d, Olive2));
    CHECK(produce.consumed.back().movement.approvedBy == "sam"); // the ledger records the FEFO override
    CHECK(produce.consumed.back().movement.overridden == "fefo");

    station.apply(scanOf(lotLabel(lotOf(*d, Coconut))), t0);
    station.apply(produce::UseContainer{}, t0);
    station.apply(scanOf(lotLabel(lotOf(*d, Lye))), t0);
    station.apply(produce::UseContainer{}, t0);
    CHECK(produce.consumed.size() == 3);
    station.apply(intent::AskConfirm{ConfirmRequest{"Finish?", "", "Finish", "Not yet", StationFlows::step(produce::Finish{})}},
                  t0);
    effects = station.apply(intent::Answer{true}, t0);
    REQUIRE(produce.finished);
    CHECK(effects.labelsToPrint == std::vector{produce.finished->lotCode});
    CHECK(headline(station) == "Finished: lot " + produce.finished->lotCode);
    CHECK(ledger.verify().value().empty());
}

TEST_CASE(
    "produce: a lot held after it was scanned is refused by the ledger, and a supervisor can still approve") {
    auto d = demo();
    auto& ledger = d->ledger;
    ProduceFlow flow(ledger);
    planSoapBase(flow);
    REQUIRE(scanLot(flow, lotOf(*d, Olive1)).feedback == FeedbackKind::Accepted);
    // Meanwhile a supervisor at another station holds the drum (it arrives through sync, or on this file).
    REQUIRE(ledger.hold({.lots = {lotOf(*d, Olive1)}, .reason = "smell", .user = "sam"}));
    const auto refused = flow.apply(produce::UseContainer{}, FlowContext{"ana", {}});
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message.find("is on hold") != std::string::npos);
    CHECK_FALSE(flow.state().run); // nothing started: the run and its first use commit together
    REQUIRE(flow.state().container);
    CHECK(flow.state().container->blocked());
    flow.apply(produce::AskApproval{});
    flow.apply(produce::PickSupervisor{"sam"});
    for (char c : std::string("2222"))
        flow.apply(produce::PinKey{static_cast<KeypadKey>(c - '0')});
    flow.apply(produce::PickReason{"quality-checked"});
    REQUIRE(flow.apply(produce::SubmitApproval{}).feedback == FeedbackKind::Accepted);
    REQUIRE(flow.apply(produce::UseContainer{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Accepted);
    CHECK(flow.state().consumed.back().movement.overridden == "hold");
    CHECK(storage::openRuns(ledger).value().size() == 1);
}
