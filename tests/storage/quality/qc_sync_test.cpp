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
