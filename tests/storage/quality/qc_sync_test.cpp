// A QC release at one station lets the lot be used at another once the movements arrive: quarantine and release
// are movements, so they travel with the ledger's log (the signatures themselves stay at the signing station
// for now).
#include "quality_fixture.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("quality: a release at one station frees the lot at another after the movements arrive") {
    QualityShop dock; // station A: receives and releases
    lotstation::test::TempDir dir;
    TestClock time;
    Ledger bench = must(Ledger::open(dir.file("bench.db"),
                                     OpenOptions{StationIdentity{"station-b", "Bench", "B2"}, time.clock()}));
    must(bench.addLocation({"DOCK", "Dock", LocationKind::Dock}));
    must(bench.addSupplier({"OILCO", "Oil Company"}));
    auto shipAll = [&](std::int64_t afterSeq) {
        std::int64_t last = afterSeq;
        const auto entries = dock.l().outbox(afterSeq, 100).value();
        for (const auto& entry : entries) {
            const auto lot = must(dock.l().lot(entry.movement.lot));
            REQUIRE((must(bench.applyRemoteMovement({entry.movement, lot, must(dock.l().item(lot.sku))})) ==
                     ApplyOutcome::Applied));
            last = entry.seq;
        }
        return last;
    };
    const auto lot = dock.receive("SOAP-OIL", 2'000'000, "OILCO", "OC-SYNC");
    auto seq = shipAll(0);
    CHECK((must(bench.lot(lot)).status == LotStatus::Quarantine));
    must(dock.inspectLot(lot, {{"acid", "0.4"}, {"odour", "mild"}, {"seal", "pass"}}));
    must(qcRelease(dock.l(), {.lot = lot, .signer = "quinn", .pin = "4321"}));
    seq = shipAll(seq);
    CHECK((must(bench.lot(lot)).status == LotStatus::Available));
    CHECK(bench.verify().value().empty());
}

TEST_CASE("quality: a release at one station and a rejection at another, offline, end rejected and as a clash") {
    QualityShop dock;
    lotstation::test::TempDir dir;
    TestClock time;
    Ledger bench = must(Ledger::open(dir.file("bench.db"),
                                     OpenOptions{StationIdentity{"station-b", "Bench", "B2"}, time.clock()}));
    must(bench.addLocation({"DOCK", "Dock", LocationKind::Dock}));
    must(bench.addSupplier({"OILCO", "Oil Company"}));
    must(bench.addUser({.name = "boss", .role = UserRole::Admin, .pin = "1234"}));
    must(bench.addUser({.name = "quinn", .role = UserRole::Qa, .pin = "4321", .by = "boss"}));
    auto ship = [](Ledger& from, Ledger& to, std::int64_t afterSeq) {
        std::int64_t last = afterSeq;
        const auto entries = from.outbox(afterSeq, 100).value();
        for (const auto& entry : entries) {
            const auto lot = must(from.lot(entry.movement.lot));
            must(to.applyRemoteMovement({entry.movement, lot, must(from.item(lot.sku))}));
            last = entry.seq;
        }
        return last;
    };
    const auto lot = dock.receive("SOAP-OIL", 2'000'000, "OILCO", "OC-CLASH");
    const auto dockSent = ship(dock.l(), bench, 0);
    CHECK_FALSE(must(dispositionClash(bench, lot)));

    // Offline from each other: the dock releases (with a deviation), the bench rejects.
    must(qcRelease(dock.l(), {.lot = lot, .signer = "quinn", .pin = "4321", .deviation = "urgent order"}));
    must(qcReject(bench, {.lot = lot, .reason = "rancid", .signer = "quinn", .pin = "4321"}));
    CHECK((must(dock.l().lot(lot)).status == LotStatus::Available));
    CHECK((must(bench.lot(lot)).status == LotStatus::Rejected));

    ship(dock.l(), bench, dockSent);
    ship(bench, dock.l(), 0);
    // Both end rejected: a release from elsewhere never lifts a rejection.
    CHECK((must(dock.l().lot(lot)).status == LotStatus::Rejected));
    CHECK((must(bench.lot(lot)).status == LotStatus::Rejected));
    for (Ledger* ledger : {&dock.l(), &bench}) {
        const auto clash = must(dispositionClash(*ledger, lot));
        REQUIRE(clash);
        CHECK(clash->lot == lot);
        CHECK(clash->release.stationId == "station-a");
        CHECK(clash->rejection.stationId == "station-b");
        CHECK(clash->rejection.reason == "rancid");
    }
    CHECK(bench.verify().value().empty());
}
