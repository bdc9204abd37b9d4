#include "genealogy_fixture.hpp"
#include "lotstation/storage/lot_cost.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::querytest;

TEST_CASE("lot cost, material only, of an intermediate: Σ consumed × unit cost, exact, reversals honoured") {
    Genealogy g;
    const auto cost = must(lotCost(g.l(), "BASE-1"));
    CHECK(cost.run == "RUN-BASE");
    CHECK(cost.output == 10'000'000);
    REQUIRE(cost.material.size() == 2); // OIL-B's reversed kilogram is not in it
    CHECK(cost.material[0].lot == "LYE-A");
    CHECK(cost.material[0].quantity == 3'000'000);
    CHECK((cost.material[0].source == CostSource::Recorded));
    CHECK((cost.material[0].cost == 6'000'000)); // 3 kg × 2.00/kg
    CHECK(cost.material[1].lot == "OIL-A");
    CHECK((cost.material[1].cost == 29'400'000)); // 7 kg × 4.20/kg
    CHECK((cost.total == 35'400'000));
    CHECK(cost.materialCost == 35'400'000);
    CHECK(cost.labourCost == 0); // no rates, no labour entries: material only
    CHECK((cost.perUnit == 3'540)); // 0.00354 per g = 3.54/kg
    CHECK(cost.missing.empty());
    // the same figure the ledger recorded on the lot when the run finished
    CHECK((must(g.l().lot("BASE-1")).unitCost == 3'540));
}

TEST_CASE("lot cost, material only, of finished batches through the intermediate") {
    Genealogy g;
    const auto one = must(lotCost(g.l(), "SOAP-1"));
    CHECK((one.total == 21'240'000)); // 6 kg × 3.54/kg
    CHECK((one.perUnit == 354'000));  // 0.354 per bar
    CHECK((one.uom == Uom::Piece));
    const auto two = must(lotCost(g.l(), "SOAP-2"));
    REQUIRE(two.material.size() == 2);
    CHECK((two.material[0].cost == 14'160'000)); // BASE-1 4 kg × 3.54/kg
    CHECK((two.material[1].cost == 840'000));    // OIL-A 200 g × 4.20/kg
    CHECK((two.total == 15'000'000));
    CHECK((two.perUnit == 375'000)); // 40 bars
}

TEST_CASE("a missing cost anywhere below is reported, never counted as zero") {
    Genealogy g;
    g.receive("LYE-N", "LYE", 2'000'000, "LYECO", "LY-99", std::nullopt, ymd(2028, 1, 1)); // no cost
    g.receive("OIL-F", "OIL", 2'000'000, "OILCO", "OC-900", 4'500, ymd(2028, 1, 1));
    g.run("RUN-B2", "BASE", 2'000'000);
    g.consume("RUN-B2", "LYE-N", 1'000'000);
    g.consume("RUN-B2", "OIL-F", 1'000'000, {}, g.keepOilB);
    g.finish("RUN-B2", 2'000'000, "BASE-2");
    CHECK_FALSE(must(g.l().lot("BASE-2")).unitCost);
    g.run("RUN-S4", "SOAP", 7);
    g.consume("RUN-S4", "BASE-2", 500'000);
    g.consume("RUN-S4", "OIL-F", 100'000, {}, g.keepOilB);
    g.finish("RUN-S4", 7, "SOAP-4");

    const auto base = must(lotCost(g.l(), "BASE-2"));
    CHECK(base.missing == std::vector<std::string>{"lot LYE-N has no unit cost"});
    CHECK_FALSE(base.total);
    CHECK_FALSE(base.perUnit);
    CHECK(base.materialCost == 4'500'000);
    CHECK((base.material[0].source == CostSource::Missing));
    CHECK_FALSE(base.material[0].cost);

    const auto soap = must(lotCost(g.l(), "SOAP-4"));
    CHECK(soap.missing == std::vector<std::string>{"lot LYE-N has no unit cost"}); // found two levels down
    CHECK_FALSE(soap.total);
    CHECK(soap.materialCost == 450'000); // only OIL-F's 100 g
    CHECK((soap.material[0].source == CostSource::Missing));
}

TEST_CASE("an intermediate without a recorded cost is costed from its own run, rounded half-to-even") {
    Genealogy g;
    // Station R made BASE-R from 1 kg of OIL-B (4.50/kg) and sent it without a unit cost.
    auto remote = [&](std::int64_t seq, const std::string& prev, MovementKind kind, const std::string& lot,
                      std::int64_t quantity, std::optional<std::string> from, std::optional<std::string> to) {
        Movement m;
        m.id = "01900000-0000-7000-8000-00000000000" + std::to_string(seq);
        m.stationId = "station-r";
        m.seq = seq;
        m.at = Timestamp{std::chrono::sys_days{kToday}} + 10h + std::chrono::minutes{seq};
        m.user = "rita";
        m.kind = kind;
        m.lot = lot;
        m.quantity = quantity;
        m.from = std::move(from);
        m.to = std::move(to);
        m.run = "RUN-R";
        m.prevHash = prev;
        m.hash = movementHash(m);
        return m;
    };
    const auto consumed =
        remote(1, std::string(64, '0'), MovementKind::Consume, "OIL-B", 1'000'000, "DOCK", {});
    REQUIRE(g.l().applyRemoteMovement({consumed, std::nullopt, std::nullopt}));
    Lot baseR;
    baseR.code = "BASE-R";
    baseR.sku = "BASE";
    baseR.run = "RUN-R";
    baseR.originDate = kToday;
    baseR.createdBy = "station-r";
    const auto produced = remote(2, consumed.hash, MovementKind::Produce, "BASE-R", 700'000, {}, "WS");
    REQUIRE(g.l().applyRemoteMovement({produced, baseR, std::nullopt}));
    CHECK_FALSE(must(g.l().lot("BASE-R")).unitCost);

    g.run("RUN-S5", "SOAP", 7);
    g.consume("RUN-S5", "BASE-R", 700'000);
    g.finish("RUN-S5", 7, "SOAP-5");
    const auto cost = must(lotCost(g.l(), "SOAP-5"));
    REQUIRE(cost.material.size() == 1);
    CHECK((cost.material[0].source == CostSource::Computed));
    // 4.50 over 700 g = 6428.571... micro per g -> 6429
    CHECK((cost.material[0].unitCost == 6'429));
    CHECK((cost.material[0].cost == 4'500'300)); // 700 g × 6429
    CHECK((cost.total == 4'500'300));
    CHECK((cost.perUnit == 642'900)); // per bar
    CHECK(cost.missing.empty());
}

TEST_CASE("a received lot has no batch cost: its unit cost is the answer") {
    Genealogy g;
    const auto cost = lotCost(g.l(), "OIL-A");
    REQUIRE_FALSE(cost);
    CHECK(cost.error().message ==
          "lot OIL-A was received, not produced: its cost is its unit cost (4.20/kg)");
    CHECK((lotCost(g.l(), "NOPE").error().kind == ErrorKind::NotFound));
}
