#include "ledger_fixture.hpp"
#include "lotstation/storage/usage.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

struct Production : Shop {
    std::string oil, lye, lav, wrap;
    Run run;
    Production() {
        oil = receive("SOAP-OIL", 20'000'000, "OILCO", "OIL-1", *parseUnitCost("4.20/kg", Uom::Gram), "MIX");
        lye = receive("LYE", 5'000'000, "CHEM", "LYE-1", *parseUnitCost("1.50/kg", Uom::Gram), "MIX");
        lav = receive("LAV", 500'000, "OILCO", "LAV-1", *parseUnitCost("80/l", Uom::Millilitre), "MIX");
        wrap = receive("WRAP", 1'000, "CHEM", "W-1", *parseUnitCost("0.05/pc", Uom::Piece), "STORE");
        run = must(l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "ana"}));
    }
    Result<Movement> consume(const std::string& lot, std::int64_t quantity,
                             std::optional<Override> override = {}) {
        return l().consume(
            {.run = run.code, .lot = lot, .quantity = quantity, .override = override, .user = "ana"});
    }
};

} // namespace

TEST_CASE("a run consumes input lots and finishes into a costed output lot") {
    Production p;
    CHECK(p.run.code == "RUN-260310-A101");
    CHECK((p.run.status == RunStatus::Open));
    CHECK(p.run.operatorName == "ana");
    const auto oilUsed = must(p.consume(p.oil, 10'000'000));
    CHECK((oilUsed.kind == MovementKind::Consume));
    CHECK(oilUsed.from == "MIX");
    CHECK(oilUsed.run == p.run.code);
    CHECK(oilUsed.unitCost == 4'200);
    must(p.consume(p.lye, 1'400'000));
    must(p.consume(p.lav, 50'000));
    CHECK(p.l().onHand(p.oil, "MIX") == 10'000'000);

    const auto finished = must(p.l().finishRun({.run = p.run.code, .output = 98, .user = "ana"}));
    CHECK(finished.lotCode == "BAR-260310-A101");
    CHECK((finished.run.status == RunStatus::Finished));
    CHECK(finished.run.actual == 98);
    CHECK(finished.run.outputLot == finished.lotCode);
    CHECK((finished.movement.kind == MovementKind::Produce));
    CHECK(finished.movement.to == "FG"); // BAR's default location
    const auto bar = must(p.l().lot(finished.lotCode));
    CHECK(bar.run == p.run.code);
    CHECK(bar.expiry == day(2027, 3, 10)); // 365 days of shelf life
    // cost: 10 kg × 4.20 + 1.4 kg × 1.50 + 0.05 l × 80 = 42 + 2.10 + 4 = 48.10 over 98 bars
    // = 0.490816326... per bar -> 490816 micro (half-to-even on the exact quotient)
    CHECK(bar.unitCost == 490'816);
    CHECK(p.l().onHand(finished.lotCode, "FG") == 98);
    CHECK((p.l().finishRun({.run = p.run.code, .output = 1, .user = "ana"}).error().kind ==
           ErrorKind::Refused));
    CHECK(p.l().consume({.run = p.run.code, .lot = p.oil, .quantity = 1, .user = "ana"}).error().message ==
          "run " + p.run.code + " is finished");
}

TEST_CASE("consumption refusals write nothing") {
    Production p;
    const auto before = p.state();
    auto refused = [&](Result<Movement> result) {
        REQUIRE_FALSE(result.has_value());
        CHECK(p.state() == before);
        return result.error();
    };
    // more than on hand at that location
    CHECK(refused(p.consume(p.oil, 20'000'001)).message ==
          "only 20 kg of lot " + p.oil + " is at MIX; 20.000001 kg asked");
    // not in the recipe
    const auto notInRecipe = refused(p.consume(p.wrap, 10));
    CHECK((notInRecipe.kind == ErrorKind::NeedsOverride));
    CHECK(notInRecipe.message.find("WRAP is not in the recipe of BAR") != std::string::npos);
    CHECK(notInRecipe.message.find("needs a reason and a supervisor") != std::string::npos);
    // expired by date
    p.time.advance(std::chrono::days{400});
    const auto expiredLot = p.receive("SOAP-OIL", 1'000'000, "OILCO", "OIL-OLD", {}, "MIX", day(2027, 1, 1));
    p.time.advance(std::chrono::days{30}); // now 2027-05-09
    const auto afterReceive = p.state();
    auto expired = p.consume(expiredLot, 1'000);
    REQUIRE_FALSE(expired.has_value());
    CHECK(expired.error().message.find("expired on 2027-01-01") != std::string::npos);
    CHECK(p.state() == afterReceive);
    // unknown run, lot, user; zero quantity
    CHECK(p.l().consume({.run = "RUN-X", .lot = p.oil, .quantity = 1, .user = "ana"}).error().message ==
          "no run RUN-X");
    CHECK((p.consume("NOPE", 1).error().kind == ErrorKind::NotFound));
    CHECK((p.consume(p.oil, 0).error().kind == ErrorKind::Invalid));
    CHECK(p.state() == afterReceive);
}

TEST_CASE("held quarantined and recalled lots are refused and an override needs reason and supervisor") {
    Production p;
    for (const auto status : {LotStatus::Hold, LotStatus::Quarantine, LotStatus::Recalled}) {
        CAPTURE(toString(status));
        must(p.l().hold({.lots = {p.lye}, .status = status, .reason = "QA check", .user = "sam"}));
        const auto before = p.state();
        const auto refused = p.consume(p.lye, 1'000);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message.find("lot " + p.lye) != std::string::npos);
        // an override without a reason, or approved by an operator, is no override
        CHECK((p.consume(p.lye, 1'000, Override{"", "sam"}).error().kind == ErrorKind::Invalid));
        CHECK(p.consume(p.lye, 1'000, Override{"QA says fine", "ana"}).error().message ==
              "ana is an operator: approving an override needs a supervisor");
        CHECK(p.consume(p.lye, 1'000, Override{"QA says fine", "nobody"}).error().message ==
              "no user nobody");
        CHECK(p.state() == before);
        must(p.l().release({.lots = {p.lye}, .reason = "checked", .user = "sam"}));
    }
    must(p.l().hold({.lots = {p.lye}, .status = LotStatus::Hold, .reason = "QA check", .user = "sam"}));
    const auto approved = must(p.consume(p.lye, 1'000, Override{"QA says fine", "sam"}));
    CHECK(approved.approvedBy == "sam");
    CHECK(approved.reason == "QA says fine");
    CHECK(approved.overridden == "hold");
    CHECK(approved.user == "ana");
    // not in the recipe, overridden
    const auto wrap = must(p.consume(p.wrap, 10, Override{"wrapping in the run", "sam"}));
    CHECK(wrap.overridden == "not-in-recipe");
    CHECK(wrap.from == "STORE"); // the only place the wrap is
    // an override never lets more than on hand through
    CHECK((p.consume(p.lav, 600'000, Override{"x", "sam"}).error().kind == ErrorKind::Refused));
}

TEST_CASE("run start and finish refusals write nothing") {
    Production p;
    const auto before = p.state();
    CHECK(p.l().startRun({.sku = "LYE", .planned = 1, .user = "ana"}).error().message ==
          "LYE has no recipe: set one before starting a run");
    CHECK((p.l().startRun({.sku = "BAR", .planned = 0, .user = "ana"}).error().kind == ErrorKind::Invalid));
    CHECK((p.l().startRun({.sku = "BAR", .planned = 5, .workstation = "NOPE", .user = "ana"}).error().kind ==
           ErrorKind::NotFound));
    CHECK(
        p.l().startRun({.sku = "BAR", .planned = 5, .runCode = p.run.code, .user = "ana"}).error().message ==
        "run " + p.run.code + " already exists");
    CHECK((p.l().finishRun({.run = p.run.code, .output = 0, .user = "ana"}).error().kind ==
           ErrorKind::Invalid));
    CHECK(
        p.l().finishRun({.run = p.run.code, .output = 5, .lotCode = p.oil, .user = "ana"}).error().message ==
        "lot code " + p.oil + " already exists");
    CHECK(p.state() == before);
    // second run of the day gets the next code
    CHECK(must(p.l().startRun({.sku = "BAR", .planned = 5, .user = "ana"})).code == "RUN-260310-A102");
}

TEST_CASE("a run with an uncosted input has no output cost and a reversed consumption is not costed") {
    Production p;
    const auto free = p.receive("LYE", 1'000'000, "CHEM", "LYE-FREE", {}, "MIX");
    must(p.consume(p.oil, 1'000'000));
    const auto mistake = must(p.consume(p.lav, 100'000));
    must(p.l().reverse({.movementId = mistake.id, .reason = "wrong bottle", .user = "sam"}));
    const auto costed =
        must(p.l().finishRun({.run = p.run.code, .output = 10, .expiry = day(2026, 9, 1), .user = "ana"}));
    // 1 kg × 4.20 / 10 bars = 0.42 per bar: the reversed lavender does not count
    CHECK(must(p.l().lot(costed.lotCode)).unitCost == 420'000);
    CHECK(must(p.l().lot(costed.lotCode)).expiry == day(2026, 9, 1));

    const auto second =
        must(p.l().startRun({.sku = "BAR", .planned = 10, .workstation = "MIX", .user = "ana"}));
    must(p.l().consume({.run = second.code, .lot = free, .quantity = 1'000, .user = "ana"}));
    const auto uncosted =
        must(p.l().finishRun({.run = second.code, .output = 10, .location = "MIX", .user = "ana"}));
    CHECK_FALSE(must(p.l().lot(uncosted.lotCode)).unitCost.has_value());
    CHECK(uncosted.movement.to == "MIX");
}

TEST_CASE("usage: one typed check names what blocks a lot, and consume refuses with NeedsOverride") {
    Production p;
    // Fine: in the recipe, available, no other oil expires first.
    const auto fine = must(checkUsage(p.l(), {.lot = p.oil, .into = "BAR"}));
    CHECK(fine.allowed());
    // Not in the recipe of the bar.
    const auto wrap = must(checkUsage(p.l(), {.lot = p.wrap, .into = "BAR"}));
    REQUIRE(wrap.blockers.size() == 1);
    CHECK((wrap.blockers[0].rule == UsageRule::NotInRecipe));
    CHECK(wrap.rules() == "not-in-recipe");
    CHECK(must(checkUsage(p.l(), {.lot = p.wrap})).allowed()); // nothing being made: no recipe to be in
    // FEFO: an oil that expires sooner arrives; the first oil (no use-by date) is not ranked, the later one is.
    const auto later = p.receive("SOAP-OIL", 1'000'000, "OILCO", "OIL-LATE", {}, "MIX", day(2027, 6, 30));
    const auto sooner = p.receive("SOAP-OIL", 1'000'000, "OILCO", "OIL-SOON", {}, "MIX", day(2026, 9, 30));
    const auto fefo = must(checkUsage(p.l(), {.lot = later, .into = "BAR"}));
    REQUIRE(fefo.blockers.size() == 1);
    CHECK((fefo.blockers[0].rule == UsageRule::Fefo));
    CHECK(fefo.blockers[0].firstLot == sooner);
    CHECK(fefo.blockers[0].firstExpiry == day(2026, 9, 30));
    CHECK(must(checkUsage(p.l(), {.lot = later, .into = "BAR", .fefo = false})).allowed());
    const auto before = p.state();
    const auto refused = p.consume(later, 1'000);
    REQUIRE_FALSE(refused);
    CHECK((refused.error().kind == ErrorKind::NeedsOverride));
    CHECK(p.state() == before);
    // Status and expiry without the database: what lists and cards show.
    Lot held;
    held.code = "X";
    held.status = LotStatus::Hold;
    held.expiry = day(2026, 1, 1);
    const auto usage = statusUsage(held, day(2026, 3, 10));
    CHECK(usage.rules() == "hold,expired");
    CHECK(usage.messages() == "lot X is on hold; lot X expired on 2026-01-01");
    // A lot the ledger does not know is NotFound, not a verdict.
    CHECK((checkUsage(p.l(), {.lot = "NOPE"}).error().kind == ErrorKind::NotFound));
}
