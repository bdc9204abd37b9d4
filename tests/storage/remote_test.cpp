#include "ledger_fixture.hpp"

#include <algorithm>
#include <span>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

// Station B: its own file, its own chain; what it records is shipped to station A as RemoteMovements.
struct TwoStations {
    Shop a{"A1"};
    lotstation::test::TempDir dirB;
    TestClock timeB;
    Ledger b = must(Ledger::open(
        dirB.file("b.db"), OpenOptions{StationIdentity{"station-b", "Workstation", "B2"}, timeB.clock()}));
    TwoStations() {
        must(b.addLocation({"DOCK", "Dock", LocationKind::Dock}));
        must(b.addLocation({"MIX", "Mix", LocationKind::Workstation}));
        must(b.addSupplier({"OILCO", "Oil Company"}));
        must(b.addUser({.name = "bo", .role = UserRole::Supervisor}));
        must(b.addItem({.sku = "SOAP-OIL", .name = "Olive oil", .uom = Uom::Gram}));
        must(b.addItem({.sku = "CANDLE", .name = "Candle wax", .uom = Uom::Gram}));
    }
    RemoteMovement fromB(const Movement& m) {
        return RemoteMovement{m, must(b.lot(m.lot)), must(b.item(must(b.lot(m.lot)).sku))};
    }
};

} // namespace

TEST_CASE("another station's movements are applied in order with their own chain") {
    TwoStations t;
    const auto lot = must(t.b.receive({.sku = "SOAP-OIL",
                                       .supplier = "OILCO",
                                       .supplierLot = "B-LOT",
                                       .quantity = 5'000'000,
                                       .location = "DOCK",
                                       .user = "bo"}));
    CHECK(lot.lotCode == "SOAP-OIL-260310-B201"); // B's short code: never collides with A's codes
    const auto moved = must(t.b.move({.lot = lot.lotCode, .quantity = 1'000'000, .to = "MIX", .user = "bo"}));

    CHECK((must(t.a.l().applyRemoteMovement(t.fromB(lot.movement))) == ApplyOutcome::Applied));
    CHECK((must(t.a.l().applyRemoteMovement(t.fromB(moved))) == ApplyOutcome::Applied));
    CHECK(t.a.l().onHand(lot.lotCode, "DOCK").value() == 4'000'000);
    CHECK(t.a.l().onHand(lot.lotCode, "MIX").value() == 1'000'000);
    const auto seen = must(t.a.l().lot(lot.lotCode));
    CHECK(seen.supplierLot == "B-LOT");
    CHECK(seen.createdBy == "station-b");
    CHECK(must(t.a.l().movement(moved.id)).hash == moved.hash);
    // remote movements are not A's to push
    CHECK(t.a.l().outbox(0, 100).value().empty());
    CHECK(t.a.l().verify().value().empty());

    // redelivery is a no-op
    const auto before = t.a.state();
    CHECK((must(t.a.l().applyRemoteMovement(t.fromB(moved))) == ApplyOutcome::AlreadyPresent));
    CHECK(t.a.state() == before);

    // A's own movements go on in A's chain, untouched by B's
    const auto own = t.a.receive("SOAP-OIL", 1'000, "OILCO", "A-LOT");
    CHECK(must(t.a.l().lot(own)).createdBy == "station-a");
    CHECK(t.a.l().outbox(0, 10).value().front().seq == 1);
    CHECK(t.a.l().verify().value().empty());
}

TEST_CASE("a remote movement out of order or tampered or conflicting is refused and writes nothing") {
    TwoStations t;
    const auto first = must(t.b.receive({.sku = "SOAP-OIL",
                                         .supplier = "OILCO",
                                         .supplierLot = "B-LOT",
                                         .quantity = 5'000'000,
                                         .location = "DOCK",
                                         .user = "bo"}));
    const auto second =
        must(t.b.move({.lot = first.lotCode, .quantity = 1'000'000, .to = "MIX", .user = "bo"}));
    const auto before = t.a.state();

    auto gap = t.a.l().applyRemoteMovement(t.fromB(second));
    CHECK(gap.error().message == "movement 2 of station station-b arrived before movement 1: movements of a "
                                 "station are applied in order");

    auto tampered = t.fromB(first.movement);
    tampered.movement.quantity = 50'000'000;
    CHECK(t.a.l().applyRemoteMovement(tampered).error().message ==
          "movement 1 of station station-b: hash does not match its content");

    auto unlinked = t.fromB(first.movement);
    unlinked.movement.prevHash = std::string(64, 'f');
    unlinked.movement.hash = movementHash(unlinked.movement);
    CHECK(t.a.l().applyRemoteMovement(unlinked).error().message ==
          "movement 1 of station station-b does not link to the previous movement of its station");

    auto lotless = t.fromB(first.movement);
    lotless.lot.reset();
    CHECK((t.a.l().applyRemoteMovement(lotless).error().kind == ErrorKind::NotFound));

    auto mine = t.fromB(first.movement);
    mine.movement.stationId = "station-a";
    CHECK((t.a.l().applyRemoteMovement(mine).error().kind == ErrorKind::Conflict));
    CHECK(t.a.state() == before);

    // the same (station, seq) with other content is a hard error, never an overwrite
    must(t.a.l().applyRemoteMovement(t.fromB(first.movement)));
    auto impostor = t.fromB(first.movement);
    impostor.movement.id = "0190f0e4-0000-7000-8000-000000000000";
    impostor.movement.hash = movementHash(impostor.movement);
    const auto afterFirst = t.a.state();
    CHECK((t.a.l().applyRemoteMovement(impostor).error().kind == ErrorKind::Conflict));
    CHECK(t.a.state() == afterFirst);
}

TEST_CASE("a remote movement is never refused for stock reasons and a remote hold holds here too") {
    TwoStations t;
    const auto received = must(t.b.receive({.sku = "SOAP-OIL",
                                            .supplier = "OILCO",
                                            .supplierLot = "B-LOT",
                                            .quantity = 1'000'000,
                                            .location = "DOCK",
                                            .user = "bo"}));
    must(t.a.l().applyRemoteMovement(t.fromB(received.movement)));
    // A and B both ship the whole lot while offline: A's view goes negative, and that is kept, not refused
    must(t.a.l().ship({.lot = received.lotCode, .quantity = 1'000'000, .customer = "SHOP1", .user = "ana"}));
    must(t.b.addCustomer({"SHOP9", "x"}));
    const auto bShip =
        must(t.b.ship({.lot = received.lotCode, .quantity = 1'000'000, .customer = "SHOP9", .user = "bo"}));
    must(t.a.l().applyRemoteMovement(t.fromB(bShip)));
    CHECK(t.a.l().onHand(received.lotCode, "DOCK").value() == -1'000'000);
    CHECK(t.a.l().verify().value().empty());

    const auto hold = must(t.b.hold(
        {.lots = {received.lotCode}, .status = LotStatus::Recalled, .reason = "recall", .user = "bo"}));
    must(t.a.l().applyRemoteMovement(t.fromB(hold.front())));
    CHECK((must(t.a.l().lot(received.lotCode)).status == LotStatus::Recalled));
}

TEST_CASE("the same supplier lot received offline at two stations becomes two lots that both sync") {
    TwoStations t;
    const auto atA = t.a.receive("SOAP-OIL", 1'000'000, "OILCO", "SAME-LOT");
    const auto atB = must(t.b.receive({.sku = "SOAP-OIL",
                                       .supplier = "OILCO",
                                       .supplierLot = "SAME-LOT",
                                       .quantity = 2'000'000,
                                       .location = "DOCK",
                                       .user = "bo"}));
    CHECK(atB.lotCode != atA);
    CHECK((must(t.a.l().applyRemoteMovement(t.fromB(atB.movement))) == ApplyOutcome::Applied));
    const auto forks = t.a.l().lotsBySupplierLot("SAME-LOT", "OILCO").value();
    REQUIRE(forks.size() == 2);
    // a further delivery at A adds to A's own lot, never makes a third
    const auto again = must(t.a.l().receive({.sku = "SOAP-OIL",
                                             .supplier = "OILCO",
                                             .supplierLot = "SAME-LOT",
                                             .quantity = 500'000,
                                             .location = "DOCK",
                                             .user = "ana"}));
    CHECK(again.lotCode == atA);
    CHECK(again.addedToExistingLot);
    CHECK(t.a.l().verify().value().empty());
}

namespace {

// Station B's 150 movements (receipts, each followed by moves), as A receives them from sync.
std::vector<RemoteMovement> manyFromB(TwoStations& t) {
    std::vector<RemoteMovement> out;
    for (int lot = 0; out.size() < 150; ++lot) {
        const auto received = must(t.b.receive({.sku = "SOAP-OIL",
                                                .supplier = "OILCO",
                                                .supplierLot = "B-" + std::to_string(lot),
                                                .quantity = 1'000'000,
                                                .location = "DOCK",
                                                .user = "bo"}));
        out.push_back(t.fromB(received.movement));
        for (int i = 0; i < 4 && out.size() < 150; ++i)
            out.push_back(t.fromB(must(t.b.move({.lot = received.lotCode,
                                                 .quantity = 1'000,
                                                 .to = i % 2 == 0 ? "MIX" : "DOCK",
                                                 .from = i % 2 == 0 ? "DOCK" : "MIX",
                                                 .user = "bo"}))));
    }
    return out;
}

// A copy of movement `m` under another id (its own hash again, still linked where `m` was).
RemoteMovement withId(RemoteMovement m, const std::string& id) {
    m.movement.id = id;
    m.movement.hash = movementHash(m.movement);
    return m;
}

} // namespace

TEST_CASE("a page applied in one batch writes what one movement at a time writes") {
    TwoStations t;
    const auto page = manyFromB(t);
    Shop oneByOne{"A1"};
    for (const auto& remote : page)
        CHECK((must(oneByOne.l().applyRemoteMovement(remote)) == ApplyOutcome::Applied));

    const auto applied = t.a.l().applyRemoteMovements(page);
    REQUIRE_FALSE(applied.error);
    CHECK(applied.outcomes.size() == page.size());
    CHECK(std::ranges::count(applied.outcomes, ApplyOutcome::Applied) == 150);
    CHECK(t.a.state() == oneByOne.state());
    CHECK(t.a.scalar("SELECT group_concat(id, ',') FROM (SELECT id FROM movements ORDER BY pos)") ==
          oneByOne.scalar("SELECT group_concat(id, ',') FROM (SELECT id FROM movements ORDER BY pos)"));
    CHECK(t.a.l().verify().value().empty());

    // the same page again: every movement already present, nothing written
    const auto before = t.a.state();
    const auto again = t.a.l().applyRemoteMovements(page);
    REQUIRE_FALSE(again.error);
    CHECK(std::ranges::count(again.outcomes, ApplyOutcome::AlreadyPresent) == 150);
    CHECK(t.a.state() == before);
}

TEST_CASE("a batch with a movement refused keeps the movements before it and names it") {
    TwoStations t;
    auto page = manyFromB(t);
    SUBCASE("the id is stored here already") {
        // Only the UNIQUE index sees this one: its insert with others fails, and the batch goes again row by
        // row to name it.
        REQUIRE_FALSE(t.a.l().applyRemoteMovements(std::span(page).first(1)).error);
        page[99] = withId(page[99], page[0].movement.id);
        const auto applied = t.a.l().applyRemoteMovements(std::span(page).subspan(1));
        REQUIRE(applied.error);
        CHECK(applied.error->message ==
              "movement 100 of station station-b: id " + page[0].movement.id + " is already stored with other content");
        CHECK(applied.outcomes.size() == 98);
        CHECK(t.a.scalar("SELECT count(*) FROM movements") == "99");
    }
    SUBCASE("an earlier movement of the same page carries the id") {
        page[119] = withId(page[119], page[109].movement.id);
        const auto applied = t.a.l().applyRemoteMovements(page);
        REQUIRE(applied.error);
        CHECK(applied.error->message == "movement 120 of station station-b: id " + page[109].movement.id +
                                            " is already stored with other content");
        CHECK(applied.outcomes.size() == 119);
        CHECK(t.a.scalar("SELECT count(*) FROM movements") == "119");
    }
    SUBCASE("a movement whose content does not match its hash") {
        // Hashes of a batch this size are checked on a thread beside the apply: the answer must be the same.
        page[69].movement.quantity += 1;
        const auto applied = t.a.l().applyRemoteMovements(page);
        REQUIRE(applied.error);
        CHECK(applied.error->message == "movement 70 of station station-b: hash does not match its content");
        CHECK(applied.outcomes.size() == 69);
        CHECK(t.a.scalar("SELECT count(*) FROM movements") == "69");
    }
    // what was kept is whole: balances follow the kept movements and the chain verifies
    CHECK(t.a.l().verify().value().empty());
    CHECK(t.a.scalar("SELECT count(*) FROM balances WHERE quantity < 0") == "0");
}
