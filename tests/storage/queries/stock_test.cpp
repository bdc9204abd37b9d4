#include "genealogy_fixture.hpp"
#include "lotstation/storage/queries.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::querytest;

namespace {

std::vector<std::string> lines(const std::vector<StockLine>& stock) {
    std::vector<std::string> out;
    for (const auto& s : stock)
        out.push_back(s.lot + "@" + s.location + "=" + std::to_string(s.quantity));
    return out;
}

} // namespace

TEST_CASE("on hand by lot, item and location in exact base units") {
    Genealogy g;
    const auto oilA = must(stockByLot(g.l(), "OIL-A"));
    // 10 kg - 7 kg - 200 g = 2.8 kg, 1 kg of it moved to STORE
    CHECK(lines(oilA) == std::vector<std::string>{"OIL-A@DOCK=1800000", "OIL-A@STORE=1000000"});
    CHECK((oilA[0].uom == Uom::Gram));
    CHECK(oilA[0].itemName == "Olive oil");
    CHECK(oilA[0].locationName == "Receiving dock");
    CHECK(must(stockByLot(g.l(), "BASE-1")).empty()); // all consumed

    CHECK(lines(must(stockByItem(g.l(), "SOAP"))) ==
          std::vector<std::string>{"SOAP-1@FG=30", "SOAP-2@FG=25"}); // the reversed shipment came back
    CHECK(lines(must(stockByLocation(g.l(), "STORE"))) == std::vector<std::string>{"OIL-A@STORE=1000000"});
    // OIL-B: the reversed consumption put its kilogram back
    CHECK(lines(must(stockByLot(g.l(), "OIL-B"))) == std::vector<std::string>{"OIL-B@DOCK=5000000"});
    CHECK(allStock(g.l()).value().size() == 9);

    const auto totals = stockTotals(g.l()).value();
    REQUIRE(totals.size() == 4);
    CHECK(totals[0].sku == "BASE");
    CHECK(totals[0].onHand == 0);
    CHECK(totals[2].sku == "OIL");
    CHECK(totals[2].onHand == 2'800'000 + 5'000'000 + 2'000'000 + 1'000'000 + 3'000'000);
    CHECK(totals[2].lots == 5);
    CHECK(totals[3].onHand == 55);

    const auto missing = stockByItem(g.l(), "NOPE");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == "no item NOPE");
    CHECK_FALSE(stockByLocation(g.l(), "NOWHERE"));
}

TEST_CASE("a lot's history lists every movement with who, when, where, why and reversal links") {
    Genealogy g;
    const auto history = must(lotHistory(g.l(), "SOAP-2"));
    REQUIRE(history.size() == 4);
    CHECK((history[0].movement.kind == MovementKind::Produce));
    CHECK((history[0].movement.to == "FG"));
    CHECK((history[0].movement.run == "RUN-S2"));
    CHECK(history[0].movement.user == "ana");
    CHECK((history[1].movement.kind == MovementKind::Ship));
    CHECK((history[1].movement.party == "C3"));
    CHECK_FALSE(history[1].reversedBy);
    CHECK(history[2].movement.id == g.shipC1Reversed);
    REQUIRE(history[2].reversedBy);
    CHECK(*history[2].reversedBy == history[3].movement.id);
    CHECK((history[3].movement.kind == MovementKind::Reversal));
    CHECK((history[3].movement.reverses == g.shipC1Reversed));
    CHECK((history[3].movement.reason == "order cancelled"));
    CHECK(history[3].movement.user == "sam");
    for (std::size_t i = 1; i < history.size(); ++i)
        CHECK(history[i - 1].movement.at < history[i].movement.at);
    CHECK_FALSE(lotHistory(g.l(), "NOPE"));
}

TEST_CASE("FEFO lists an item's usable lots, first expiry first, with on hand") {
    Genealogy g;
    const auto order = must(fefo(g.l(), "OIL", kToday));
    std::vector<std::string> codes;
    for (const auto& lot : order)
        codes.push_back(lot.lot.code);
    // OIL-C is on hold and OIL-D expired on 2026-11-20: left out. OIL-E and OIL-A share an expiry; OIL-E has
    // a best-before, OIL-A none (last).
    CHECK(codes == std::vector<std::string>{"OIL-B", "OIL-E", "OIL-A"});
    CHECK(order[0].onHand == 5'000'000);
    CHECK(order[2].onHand == 2'800'000);
    REQUIRE(order[2].balances.size() == 2);
    CHECK(order[2].balances[0].location == "DOCK");
    CHECK(order[2].balances[0].quantity == 1'800'000);
    CHECK((order[2].uom == Uom::Gram));

    // On 2027-04-01 OIL-B (use-by 2027-03-31) is past its date.
    const auto later = must(fefo(g.l(), "OIL", ymd(2027, 4, 1)));
    REQUIRE(later.size() == 2);
    CHECK(later[0].lot.code == "OIL-E");
    // depleted lots are not offered
    CHECK(must(fefo(g.l(), "BASE", kToday)).empty());
    CHECK_FALSE(fefo(g.l(), "NOPE", kToday));
}

TEST_CASE("expiring lists lots with stock expiring within N days, already expired ones first") {
    Genealogy g;
    const auto soon = expiring(g.l(), kToday, 30).value();
    REQUIRE(soon.size() == 2);
    CHECK(soon[0].stock.lot.code == "OIL-D");
    CHECK(soon[0].daysLeft == -4);
    CHECK(soon[0].itemName == "Olive oil");
    CHECK(soon[1].stock.lot.code == "OIL-C");
    CHECK(soon[1].daysLeft == 11);
    CHECK(soon[1].stock.onHand == 2'000'000);
    CHECK(expiring(g.l(), kToday, 0).value().size() == 1);
    // within 130 days: OIL-B (2027-03-31) too; SOAP lots expire 365 days after production
    const auto more = expiring(g.l(), kToday, 130).value();
    REQUIRE(more.size() == 3);
    CHECK(more[2].stock.lot.code == "OIL-B");
    CHECK(more[2].daysLeft == 127);
    CHECK(expiring(g.l(), kToday, 365).value().size() == 7); // + OIL-A, OIL-E, SOAP-1, SOAP-2
}
