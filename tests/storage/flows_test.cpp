#include "ledger_fixture.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

struct Stocked : Shop {
    std::string bar;
    Stocked() { bar = receive("BAR", 100, "OILCO", "B-1", 350'000, "FG"); }
};

} // namespace

TEST_CASE("ship takes stock out to a customer and refuses more than on hand") {
    Stocked s;
    const auto shipped = must(
        s.l().ship({.lot = s.bar, .quantity = 40, .customer = "SHOP1", .reference = "SO-1", .user = "ana"}));
    CHECK((shipped.kind == MovementKind::Ship));
    CHECK(shipped.from == "FG");
    CHECK_FALSE(shipped.to.has_value());
    CHECK(shipped.party == "SHOP1");
    CHECK(shipped.reference == "SO-1");
    CHECK(s.l().onHand(s.bar).value() == 60);

    const auto before = s.state();
    CHECK(s.l().ship({.lot = s.bar, .quantity = 61, .customer = "SHOP1", .user = "ana"}).error().message ==
          "only 60 pc of lot " + s.bar + " is at FG; 61 pc asked");
    CHECK(s.l().ship({.lot = s.bar, .quantity = 1, .customer = "NOPE", .user = "ana"}).error().message ==
          "no customer NOPE");
    must(s.l().hold({.lots = {s.bar}, .status = LotStatus::Recalled, .reason = "recall", .user = "sam"}));
    const auto held = s.state();
    CHECK(s.l().ship({.lot = s.bar, .quantity = 1, .customer = "SHOP1", .user = "ana"}).error().message ==
          "lot " + s.bar + " is recalled: it cannot be shipped");
    CHECK(s.state() == held);
    CHECK(before != held);
}

TEST_CASE("shipping everything depletes the lot and a reversal makes it available again") {
    Stocked s;
    const auto all = must(s.l().ship({.lot = s.bar, .quantity = 100, .customer = "SHOP2", .user = "ana"}));
    CHECK((must(s.l().lot(s.bar)).status == LotStatus::Depleted));
    CHECK(s.l().balances(s.bar).value().empty());
    must(s.l().reverse({.movementId = all.id, .reason = "order cancelled", .user = "sam"}));
    CHECK((must(s.l().lot(s.bar)).status == LotStatus::Available));
    CHECK(s.l().onHand(s.bar, "FG").value() == 100);
}

TEST_CASE("move changes location and keeps the total") {
    Stocked s;
    const auto moved = must(s.l().move({.lot = s.bar, .quantity = 30, .to = "STORE", .user = "ana"}));
    CHECK(moved.from == "FG");
    CHECK(moved.to == "STORE");
    CHECK(s.l().onHand(s.bar, "FG").value() == 70);
    CHECK(s.l().onHand(s.bar, "STORE").value() == 30);
    CHECK(s.l().onHand(s.bar).value() == 100);
    const auto balances = s.l().balances(s.bar).value();
    REQUIRE(balances.size() == 2);
    CHECK(balances[0].location == "FG");

    const auto before = s.state();
    // two locations hold it now: which one?
    const auto ambiguous = s.l().move({.lot = s.bar, .quantity = 1, .to = "DOCK", .user = "ana"});
    CHECK(ambiguous.error().message ==
          "lot " + s.bar + " is at FG (70 pc), STORE (30 pc): say which location");
    CHECK(s.l()
              .move({.lot = s.bar, .quantity = 31, .to = "DOCK", .from = "STORE", .user = "ana"})
              .error()
              .message == "only 30 pc of lot " + s.bar + " is at STORE; 31 pc asked");
    CHECK((s.l()
               .move({.lot = s.bar, .quantity = 1, .to = "STORE", .from = "STORE", .user = "ana"})
               .error()
               .kind == ErrorKind::Invalid));
    CHECK((s.l()
               .move({.lot = s.bar, .quantity = 1, .to = "NOWHERE", .from = "FG", .user = "ana"})
               .error()
               .kind == ErrorKind::NotFound));
    CHECK(s.state() == before);
}

TEST_CASE("adjust count and scrap need reasons and respect stock") {
    Stocked s;
    const auto found = must(s.l().adjust({.lot = s.bar, .delta = 5, .reason = "found a box", .user = "ana"}));
    CHECK(found.to == "FG");
    CHECK(found.quantity == 5);
    const auto lost = must(s.l().adjust({.lot = s.bar, .delta = -3, .reason = "damaged", .user = "ana"}));
    CHECK(lost.from == "FG");
    CHECK(s.l().onHand(s.bar).value() == 102);

    const auto counted = must(s.l().count({.lot = s.bar, .counted = 97, .user = "ana"}));
    CHECK((counted.kind == MovementKind::Count));
    CHECK(counted.quantity == 5);
    CHECK(counted.from == "FG");
    CHECK(s.l().onHand(s.bar).value() == 97);
    const auto confirmed =
        must(s.l().count({.lot = s.bar, .counted = 97, .reason = "cycle count", .user = "ana"}));
    CHECK(confirmed.quantity == 0);
    CHECK(confirmed.to == "FG");

    const auto scrapped =
        must(s.l().scrap({.lot = s.bar, .quantity = 7, .reason = "dropped", .user = "ana"}));
    CHECK(scrapped.reason == "dropped");
    CHECK(s.l().onHand(s.bar).value() == 90);

    const auto before = s.state();
    CHECK(s.l().adjust({.lot = s.bar, .delta = 5, .reason = " ", .user = "ana"}).error().message ==
          "an adjustment needs a reason");
    CHECK((s.l().adjust({.lot = s.bar, .delta = 0, .reason = "x", .user = "ana"}).error().kind ==
           ErrorKind::Invalid));
    CHECK((s.l().adjust({.lot = s.bar, .delta = -91, .reason = "x", .user = "ana"}).error().kind ==
           ErrorKind::Refused));
    CHECK(s.l().scrap({.lot = s.bar, .quantity = 1, .reason = "", .user = "ana"}).error().message ==
          "scrapping needs a reason");
    CHECK((s.l().scrap({.lot = s.bar, .quantity = 91, .reason = "x", .user = "ana"}).error().kind ==
           ErrorKind::Refused));
    CHECK((s.l().count({.lot = s.bar, .counted = -1, .user = "ana"}).error().kind == ErrorKind::Invalid));
    CHECK(s.state() == before);
}

TEST_CASE("hold and release record who and why and change status in one transaction") {
    Stocked s;
    const auto other = s.receive("LYE", 1'000, "CHEM", "L", {}, "STORE");
    const auto held = must(
        s.l().hold({.lots = {s.bar, other}, .status = LotStatus::Hold, .reason = "smell", .user = "sam"}));
    REQUIRE(held.size() == 2);
    CHECK((held[0].kind == MovementKind::Hold));
    CHECK(held[0].quantity == 0);
    CHECK((held[0].lotStatus == LotStatus::Hold));
    CHECK(held[0].reason == "smell");
    CHECK(held[0].user == "sam");
    CHECK((must(s.l().lot(other)).status == LotStatus::Hold));
    // already held: nothing new to write
    CHECK(must(s.l().hold({.lots = {s.bar}, .status = LotStatus::Hold, .reason = "again", .user = "sam"}))
              .empty());

    const auto before = s.state();
    CHECK(s.l().hold({.lots = {s.bar}, .reason = "", .user = "sam"}).error().message ==
          "a hold needs a reason");
    CHECK((s.l()
               .hold({.lots = {s.bar}, .status = LotStatus::Available, .reason = "x", .user = "sam"})
               .error()
               .kind == ErrorKind::Invalid));
    CHECK((s.l().hold({.lots = {}, .reason = "x", .user = "sam"}).error().kind == ErrorKind::Invalid));
    // one unknown lot: none of them changes
    CHECK(s.l().release({.lots = {s.bar, "NOPE"}, .reason = "ok", .user = "sam"}).error().message ==
          "no lot NOPE");
    CHECK(s.state() == before);

    const auto released = must(s.l().release({.lots = {s.bar}, .reason = "lab says fine", .user = "sam"}));
    CHECK((released.front().lotStatus == LotStatus::Available));
    CHECK((must(s.l().lot(s.bar)).status == LotStatus::Available));
    CHECK(s.l().release({.lots = {s.bar}, .reason = "x", .user = "sam"}).error().message ==
          "lot " + s.bar + " is available, not on hold: nothing to release");
}

TEST_CASE("reversal undoes a movement once and never a reversal or a status change") {
    Stocked s;
    const auto moved = must(s.l().move({.lot = s.bar, .quantity = 30, .to = "STORE", .user = "ana"}));
    const auto reversal =
        must(s.l().reverse({.movementId = moved.id, .reason = "wrong shelf", .user = "sam"}));
    CHECK((reversal.kind == MovementKind::Reversal));
    CHECK(reversal.reverses == moved.id);
    CHECK(reversal.from == "STORE");
    CHECK(reversal.to == "FG");
    CHECK(reversal.quantity == 30);
    CHECK(s.l().onHand(s.bar, "FG").value() == 100);

    const auto before = s.state();
    CHECK(s.l().reverse({.movementId = moved.id, .reason = "again", .user = "sam"}).error().message ==
          "move movement " + moved.id + " was already reversed by " + reversal.id);
    CHECK((s.l().reverse({.movementId = reversal.id, .reason = "undo", .user = "sam"}).error().kind ==
           ErrorKind::Refused));
    CHECK((s.l().reverse({.movementId = "nope", .reason = "x", .user = "sam"}).error().kind ==
           ErrorKind::NotFound));
    CHECK(s.l().reverse({.movementId = moved.id, .reason = "", .user = "sam"}).error().message ==
          "a reversal needs a reason");
    const auto hold = must(s.l().hold({.lots = {s.bar}, .reason = "x", .user = "sam"}));
    const auto afterHold = s.state();
    CHECK(s.l().reverse({.movementId = hold.front().id, .reason = "x", .user = "sam"}).error().message ==
          "a status change is not reversed: hold or release the lot instead");
    CHECK(s.state() == afterHold);
    CHECK(before != afterHold);

    // a receive whose goods have left cannot be reversed
    must(s.l().release({.lots = {s.bar}, .reason = "x", .user = "sam"}));
    must(s.l().ship({.lot = s.bar, .quantity = 10, .customer = "SHOP1", .user = "ana"}));
    const auto receiveId = s.l().outbox(0, 1).value().front().movement.id;
    CHECK(s.l().reverse({.movementId = receiveId, .reason = "x", .user = "sam"}).error().message ==
          "only 90 pc of lot " + s.bar + " is at FG; 100 pc asked");
}
