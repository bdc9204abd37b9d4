// Ship, move and count on the demo soap maker's ledger: defaults, refusals, cancel at every step, and what
// the ledger holds after each confirm.
#include "floor_test_support.hpp"
#include "lotstation/storage/cost_reports.hpp"
#include "lotstation/storage/queries.hpp"

using namespace lotstation::test::floor;
namespace scan = lotstation::scan;

namespace {

FlowContext ana() {
    return FlowContext{"ana", t0};
}

std::string lavenderBars(const Demo& d) {
    return d.summary.producedLots.at(1); // 34 left at FG
}
std::string oatBars(const Demo& d) {
    return d.summary.producedLots.at(2); // 32 left at FG
}

} // namespace

TEST_CASE("ship: customer, order number, two lots (all of one, part of the other) in one transaction") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    ShipFlow flow(ledger);
    CHECK(flow.apply(ship::Confirm{}, FlowContext{"ana", {}}).message == "Still missing: customer, a lot");
    flow.apply(ship::PickCustomer{"GREENGROCER"});
    flow.apply(ship::ScanReference{});
    CHECK(flow.scanned(scan::LookupKey{"SO-2001", {}}, ana())->message == "Order SO-2001");
    CHECK(flow.state().reference == "SO-2001");

    const auto added = flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana());
    CHECK(added->feedback == FeedbackKind::Accepted);
    CHECK(added->message == "Lavender soap bar 100 g · 34 pc of lot " + lavenderBars(*d));
    CHECK(flow.state().lines[0].quantity == 34); // all on hand by default
    REQUIRE(flow.scanned(scan::OwnLot{oatBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(ship::SetQuantity{Quantity{40, storage::Uom::Piece}}).message ==
          "only 32 pc of lot " + oatBars(*d) + " is at FG");
    CHECK(flow.apply(ship::SetQuantity{Quantity{2'000, storage::Uom::Gram}}).message ==
          "That is a weight; Oat & honey soap bar 100 g is measured in pc");
    flow.apply(ship::SetQuantity{Quantity{12, storage::Uom::Piece}});
    CHECK(flow.scanned(scan::OwnLot{oatBars(*d)}, ana())->message ==
          "Lot " + oatBars(*d) + " is already in this shipment");
    REQUIRE((flow.state().step == ShipStep::ReadyToConfirm));
    CHECK(ledger.movementCount().value() == before);

    const auto shipped = flow.apply(ship::Confirm{}, FlowContext{"ana", {}});
    CHECK(shipped.message == "Shipped 2 lots to The Green Grocer");
    CHECK(ledger.movementCount().value() == before + 2);
    CHECK(ledger.onHand(lavenderBars(*d)).value() == 0);
    CHECK(ledger.onHand(oatBars(*d)).value() == 20);
    const auto& movement = flow.state().shipped.back();
    CHECK(movement.party == "GREENGROCER");
    CHECK(movement.reference == "SO-2001");
    CHECK(movement.quantity == 12);
    CHECK(flow.apply(ship::PickCustomer{"SPAFLOW"}).message ==
          "This shipment is recorded: tap Next shipment");
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("ship: each line priced from the customer's list unless typed, recorded with the shipment") {
    auto d = demo();
    auto& ledger = d->ledger;
    ShipFlow flow(ledger);
    REQUIRE(flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK_FALSE(flow.state().lines[0].unitPrice); // no customer yet: no list to price from
    flow.apply(ship::PickCustomer{"WEBSHOP"});
    CHECK(flow.state().lines[0].unitPrice == 6'900'000);
    CHECK_FALSE(flow.state().lines[0].priceTyped);
    REQUIRE(flow.scanned(scan::OwnLot{oatBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(ship::SetPrice{"4.50 EUR/pc"}).message == "'4.50 EUR/pc' is in EUR; this ledger keeps money in USD");
    CHECK(flow.apply(ship::SetPrice{"-1/pc"}).feedback == FeedbackKind::Refused);
    CHECK(flow.state().lines[1].unitPrice == 6'900'000); // refused: the list's price stays
    flow.apply(ship::SetPrice{"5.25/pc"});
    CHECK(flow.state().lines[1].unitPrice == 5'250'000);
    CHECK(flow.state().lines[1].priceTyped);
    flow.apply(ship::SetQuantity{Quantity{10, storage::Uom::Piece}});
    CHECK(flow.apply(ship::Confirm{}, ana()).feedback == FeedbackKind::Accepted);

    // The margins report sees both prices: 34 × 6.90 + 10 × 5.25 on top of the demo's own shipments.
    const auto margins = storage::marginReport(ledger, {}, storage::MarginGrouping::Customer);
    REQUIRE(margins);
    const auto web = std::find_if(margins->begin(), margins->end(), [](const auto& r) { return r.key == "WEBSHOP"; });
    REQUIRE(web != margins->end());
    CHECK(web->revenue == (24 + 12 + 34) * 6'900'000 + 10 * 5'250'000);
}

TEST_CASE("ship: held, recalled and expired lots, unknown codes and depleted lots are refused") {
    auto d = demo(40); // the lavender oil is past its use-by date
    auto& ledger = d->ledger;
    REQUIRE(ledger.hold({.lots = {oatBars(*d)},
                         .status = lotstation::storage::LotStatus::Recalled,
                         .reason = "r",
                         .user = "sam"}));
    const auto before = ledger.movementCount().value();
    ShipFlow flow(ledger);
    flow.apply(ship::PickCustomer{"WEBSHOP"});
    const auto& received = d->summary.receivedLots;
    CHECK(flow.scanned(scan::OwnLot{received.back()}, ana())->message ==
          "lot " + received.back() + " is on hold: it cannot be shipped");
    CHECK(flow.scanned(scan::OwnLot{oatBars(*d)}, ana())->message ==
          "lot " + oatBars(*d) + " is recalled: it cannot be shipped");
    CHECK(flow.scanned(scan::OwnLot{received[4]}, ana())->message.find("expired on") != std::string::npos);
    CHECK(flow.scanned(scan::LookupKey{"XYZ-9", {}}, ana())->message ==
          "Not a lot to ship: nothing called XYZ-9: not a lot, supplier lot, SKU or location code");
    CHECK(flow.scanned(scan::OwnLot{"NOPE-1"}, ana())->feedback == FeedbackKind::Refused);
    // The plain reference scan only counts after "scan the order number": otherwise it is an unknown code.
    CHECK(flow.state().lines.empty());
    CHECK(flow.apply(ship::PickCustomer{"NOBODY"}).feedback == FeedbackKind::Refused);
    CHECK(ledger.movementCount().value() == before);
}

TEST_CASE("ship: cancel at every step writes nothing") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    ShipFlow flow(ledger);
    for (int stop = 0; stop <= 4; ++stop) {
        if (stop >= 1) flow.apply(ship::PickCustomer{"SPAFLOW"});
        if (stop >= 2) flow.apply(ship::SetReference{"SO-9"});
        if (stop >= 3) (void)flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana());
        if (stop >= 4) flow.apply(ship::SetQuantity{Quantity{3, storage::Uom::Piece}});
        if (stop % 2 == 0)
            flow.apply(ship::Cancel{});
        else
            flow.cancel();
        CHECK(flow.state().lines.empty());
        CHECK_FALSE(flow.state().customer);
        CHECK(flow.unsaved().empty());
    }
    CHECK(ledger.movementCount().value() == before);
}

TEST_CASE("move: scan the lot, scan the shelf label, all of it by default or part by keypad") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    const std::string olive = d->summary.receivedLots[0]; // 13 kg at STORE
    MoveFlow flow(ledger);
    CHECK(flow.scanned(scan::OwnLocation{"NOWHERE"}, ana())->message == "no location NOWHERE");
    CHECK(flow.scanned(scan::OwnLot{olive}, ana())->message == "Olive oil, extra virgin · 13 kg at STORE");
    CHECK(flow.scanned(scan::OwnLocation{"STORE"}, ana())->message ==
          "lot " + olive + " is already at STORE");
    CHECK(flow.scanned(scan::OwnLocation{"WS1"}, ana())->message == "Move to Soap kitchen");
    CHECK(flow.apply(move::SetQuantity{Quantity{14'000'000, storage::Uom::Gram}}).message ==
          "only 13 kg of lot " + olive + " is at STORE");
    CHECK(flow.apply(move::SetQuantity{Quantity{3, storage::Uom::Piece}}).feedback == FeedbackKind::Refused);
    flow.apply(move::SetQuantity{Quantity{5'000'000, storage::Uom::Gram}});
    REQUIRE((flow.state().step == MoveStep::ReadyToConfirm));
    CHECK(ledger.movementCount().value() == before);
    CHECK(flow.apply(move::Confirm{}, FlowContext{"ana", {}}).message == "Moved 5 kg of lot " + olive + " to Soap kitchen");
    CHECK(ledger.onHand(olive, "WS1").value() == 5'000'000);
    CHECK(ledger.onHand(olive, "STORE").value() == 8'000'000);

    flow.apply(move::Next{});
    flow.apply(move::PickLot{olive}); // the larger part, at STORE, by default all of it
    flow.apply(move::PickDestination{"QUAR"});
    flow.apply(move::Confirm{}, FlowContext{"ana", {}});
    CHECK(ledger.onHand(olive, "QUAR").value() == 8'000'000);
    CHECK(ledger.onHand(olive, "STORE").value() == 0);
    CHECK(flow.scanned(scan::LookupKey{"ZZZ", {}}, ana())->message == "This move is recorded: tap Next move");
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("move: refusals and cancel at every step write nothing") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    MoveFlow flow(ledger);
    CHECK(flow.apply(move::Confirm{}, FlowContext{"ana", {}}).message == "Still missing: lot, destination");
    CHECK(flow.scanned(scan::LookupKey{"ZZZ", {}}, ana())->message ==
          "Not a lot or a location: nothing called ZZZ: not a lot, supplier lot, SKU or location code");
    CHECK(flow.apply(move::PickDestination{"NOPE"}).feedback == FeedbackKind::Refused);
    for (int stop = 0; stop <= 3; ++stop) {
        if (stop >= 1) flow.apply(move::PickLot{d->summary.receivedLots[1]});
        if (stop >= 2) flow.apply(move::PickDestination{"WS1"});
        if (stop >= 3) flow.apply(move::SetQuantity{Quantity{1'000'000, storage::Uom::Gram}});
        if (stop % 2 == 0)
            flow.apply(move::Cancel{});
        else
            flow.cancel();
        CHECK_FALSE(flow.state().lot);
        CHECK(flow.unsaved().empty());
    }
    CHECK(ledger.movementCount().value() == before);
}

TEST_CASE("count: expected against counted, a reason for the difference, one count movement per lot") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    CountFlow flow(ledger);
    CHECK(flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana())->message == "Scan the location's label first");
    CHECK(flow.scanned(scan::OwnLocation{"FG"}, ana())->message ==
          "Counting Finished goods: 2 lots expected");
    REQUIRE(flow.state().lines.size() == 2);
    CHECK(flow.state().lines[0].expected + flow.state().lines[1].expected == 66);

    // 34 lavender bars expected, 33 on the shelf.
    CHECK(flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(count::SetCounted{Quantity{33'000, storage::Uom::Gram}}).message ==
          "That is a weight; Lavender soap bar 100 g is measured in pc");
    flow.apply(count::SetCounted{Quantity{33, storage::Uom::Piece}});
    const auto& line = flow.state().lines[*flow.state().selected];
    CHECK(line.expected == 34);
    CHECK(line.difference() == -1);
    CHECK(flow.apply(count::Confirm{}, FlowContext{"ana", {}}).message == "The count differs: pick a reason");
    // A lot found on this shelf that the ledger has elsewhere: counted here.
    const std::string boxes = d->summary.receivedLots[6];
    CHECK(flow.scanned(scan::OwnLot{boxes}, ana())->feedback == FeedbackKind::Unknown);
    flow.apply(count::SetCounted{Quantity{5, storage::Uom::Piece}});
    flow.apply(count::PickReason{"damaged"});
    CHECK(ledger.movementCount().value() == before);

    CHECK(flow.apply(count::Confirm{}, FlowContext{"ana", {}}).message == "Count of Finished goods recorded: 2 lots");
    CHECK(ledger.movementCount().value() == before + 2); // the oat bars were not counted: nothing recorded for them
    CHECK(ledger.onHand(lavenderBars(*d), "FG").value() == 33);
    CHECK(ledger.onHand(boxes, "FG").value() == 5);
    CHECK(flow.state().recorded[0].reason == "Damaged, thrown away");
    CHECK((flow.state().recorded[0].kind == lotstation::storage::MovementKind::Count));
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("count: an exact count and an empty shelf need no reason - cancel writes nothing") {
    auto d = demo();
    auto& ledger = d->ledger;
    const auto before = ledger.movementCount().value();
    CountFlow flow(ledger);
    CHECK(flow.apply(count::Confirm{}, FlowContext{"ana", {}}).message == "Scan the location's label first");
    flow.apply(count::PickLocation{"FG"});
    CHECK(flow.apply(count::Confirm{}, FlowContext{"ana", {}}).message == "Nothing counted yet: scan a lot and type its count");
    flow.apply(count::SelectLine{0});
    flow.apply(count::SetCounted{Quantity{flow.state().lines[0].expected, storage::Uom::Piece}});
    CHECK(flow.unsaved().size() == 1);
    flow.cancel();
    CHECK(flow.state().lines.empty());
    CHECK(ledger.movementCount().value() == before);

    flow.apply(count::PickLocation{"WS1"}); // the soap base left over: 0.2 kg expected
    REQUIRE(flow.state().lines.size() == 1);
    flow.apply(count::SelectLine{0});
    flow.apply(count::SetCounted{Quantity{0, storage::Uom::Gram}}); // the "empty" button
    CHECK(flow.state().lines[0].difference() == -200'000);
    CHECK(flow.apply(count::Confirm{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Refused);
    flow.apply(count::PickReason{"spilled"});
    CHECK(flow.apply(count::Confirm{}, FlowContext{"ana", {}}).feedback == FeedbackKind::Accepted);
    CHECK(ledger.onHand(d->summary.producedLots[0]).value() == 0);
    CHECK(ledger.verify().value().empty());
}

TEST_CASE("station: the receive -> produce -> ship story of the demo, through scans, keypad and pickers") {
    auto d = demo();
    auto& ledger = d->ledger;
    Station station(AppConfig{}, t0, &ledger);
    logIn(station, "ana", "1111");

    // Receive a new drum of coconut oil.
    station.apply(intent::Navigate{Screen::Receive}, t0);
    pick(station, replyId<receive::PickItem>(), station.state().catalog.items, "COCONUT-OIL");
    pick(station, replyId<receive::PickSupplier>(), station.state().catalog.suppliers, "COCOS");
    station.apply(scanOf("(17)301231(10)CT-90001"), t0); // a GS1 case label: lot and use-by date
    keypad(station, replyQuantity<receive::SetQuantity>(), "10", QuantityUnit::Kilogram);
    station.apply(receive::Confirm{}, t0);
    REQUIRE(station.stateOf<ReceiveFlow>()->received);
    const std::string coconut = station.stateOf<ReceiveFlow>()->received->lotCode;
    station.apply(intent::GoHome{}, t0);

    // Produce 10 kg of soap base, FEFO: the older coconut oil first, the new drum for the rest.
    station.apply(intent::Navigate{Screen::Produce}, t0);
    pick(station, replyId<produce::PickRecipe>(), station.state().catalog.recipes, "SOAP-BASE");
    keypad(station, replyQuantity<produce::SetPlanned>(), "10", QuantityUnit::Kilogram);
    const ProduceState& produce = *station.stateOf<ProduceFlow>();
    REQUIRE(produce.lines.size() == 3);
    CHECK(lineOf(produce, "COCONUT-OIL").takeFirst->lot.code == d->summary.receivedLots[2]);
    CHECK(station.apply(scanOf(lotLabel(coconut)), t0).tone == FeedbackKind::Refused); // not FEFO
    for (const auto& lot :
         {d->summary.receivedLots[0], d->summary.receivedLots[2], d->summary.receivedLots[3]}) {
        CHECK(station.apply(scanOf(lotLabel(lot)), t0).tone == FeedbackKind::Accepted);
        CHECK(station.apply(produce::UseContainer{}, t0).tone ==
              FeedbackKind::Accepted);
    }
    station.apply(intent::AskConfirm{ConfirmRequest{"Finish?", "", "Finish", "No", StationFlows::step(produce::Finish{})}}, t0);
    station.apply(intent::Answer{true}, t0);
    REQUIRE(produce.finished);
    station.apply(intent::GoHome{}, t0);

    // Lavender bars from the new base: the old base's last 200 g first (FEFO), then the new lot.
    station.apply(intent::Navigate{Screen::Produce}, t0);
    pick(station, replyId<produce::PickRecipe>(), station.state().catalog.recipes, "BAR-LAV");
    keypad(station, replyQuantity<produce::SetPlanned>(), "50", QuantityUnit::Piece);
    const auto& base = lineOf(*station.stateOf<ProduceFlow>(), "SOAP-BASE");
    CHECK(base.needed == 5'500'000);
    CHECK(base.takeFirst->lot.code == d->summary.producedLots[0]);
    station.apply(scanOf(lotLabel(d->summary.producedLots[0])), t0);
    CHECK(station.stateOf<ProduceFlow>()->container->quantity == 200'000); // all there is of it
    station.apply(produce::UseContainer{}, t0);
    const std::string newBase = lineOf(*station.stateOf<ProduceFlow>(), "SOAP-BASE").takeFirst->lot.code;
    station.apply(scanOf(lotLabel(newBase)), t0);
    CHECK(station.stateOf<ProduceFlow>()->container->quantity == 5'300'000); // the rest of the need
    station.apply(produce::UseContainer{}, t0);
    station.apply(scanOf(lotLabel(d->summary.receivedLots[4])), t0);
    station.apply(produce::UseContainer{}, t0);
    station.apply(scanOf(lotLabel(d->summary.receivedLots[6])), t0);
    station.apply(produce::UseContainer{}, t0);
    keypad(station, replyQuantity<produce::SetOutput>(), "49", QuantityUnit::Piece);
    station.apply(intent::AskConfirm{ConfirmRequest{"Finish?", "", "Finish", "No", StationFlows::step(produce::Finish{})}}, t0);
    const auto finished = station.apply(intent::Answer{true}, t0);
    REQUIRE(station.stateOf<ProduceFlow>()->finished);
    const std::string bars = station.stateOf<ProduceFlow>()->finished->lotCode;
    CHECK(finished.labelsToPrint == std::vector{bars});
    CHECK(ledger.onHand(bars, "FG").value() == 49);
    station.apply(intent::GoHome{}, t0);

    // Ship them: customer, order number by the handheld scanner, the lot, confirm.
    station.apply(intent::Navigate{Screen::Ship}, t0);
    pick(station, replyId<ship::PickCustomer>(), station.state().catalog.customers, "SPAFLOW");
    station.apply(ship::ScanReference{}, t0);
    station.apply(scanOf("SO-3001"), t0);
    station.apply(scanOf(lotLabel(bars)), t0);
    keypad(station, replyQuantity<ship::SetQuantity>(), "24", QuantityUnit::Piece);
    const auto shipped = station.apply(ship::Confirm{}, t0);
    CHECK(shipped.tone == FeedbackKind::Accepted);
    CHECK(ledger.onHand(bars, "FG").value() == 25);

    // The genealogy holds: the shipped bars go back to the received coconut oil's run.
    const auto history = lotstation::storage::lotHistory(ledger, bars);
    REQUIRE(history);
    CHECK(history->size() == 2); // produced, shipped
    CHECK(history->back().movement.reference == "SO-3001");
    CHECK(ledger.verify().value().empty());
}
