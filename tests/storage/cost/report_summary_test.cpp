// The reports' summaries (shipped_daily) and kept lot costs (lot_unit_costs): every report equals what the
// roll-up says now, after each kind of change that alters a cost (labour on an intermediate's run, a reversed
// input, a new rate, a re-averaged unit cost) and after shipments, prices and reversals; and the summary
// equals the one rebuilt from the movements; the on-hand summary per lot (lot_on_hand) equals the balances.
#include "soap_costing.hpp"
#include "lotstation/storage/cost_reports.hpp"
#include "lotstation/storage/lot_cost.hpp"
#include "lotstation/storage/queries.hpp"
#include "lotstation/storage/sales.hpp"

#include <doctest/doctest.h>

namespace lotstation::storage::test {
namespace {

// shipped_daily as the migration builds it from the movements, and as the triggers kept it, as text.
constexpr const char* kRebuilt =
    "SELECT coalesce(group_concat(r, ';'), '') FROM (SELECT m.lot_id || ':' || (m.at_ms / 86400000) || ':' || "
    "coalesce(m.party, '') || ':' || count(*) || ':' || sum(m.quantity) || ':' || sum(p.unit_price IS NULL) || ':' "
    "|| coalesce(sum(m.quantity * p.unit_price * (CASE i.uom WHEN 'pc' THEN 1000 ELSE 1 END)), 0) AS r "
    "FROM movements m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id "
    "LEFT JOIN shipment_prices p ON p.movement_id = m.id WHERE m.kind = 'ship' AND NOT EXISTS "
    "(SELECT 1 FROM movements r WHERE r.reverses = m.id) GROUP BY m.lot_id, m.at_ms / 86400000, "
    "coalesce(m.party, '') ORDER BY 1)";
constexpr const char* kKept =
    "SELECT coalesce(group_concat(r, ';'), '') FROM (SELECT lot_id || ':' || day || ':' || customer || ':' || "
    "shipments || ':' || quantity || ':' || unpriced || ':' || revenue AS r FROM shipped_daily ORDER BY 1)";
// shipped_lot_daily, and shipped_daily summed over customers: the same.
constexpr const char* kKeptByLot =
    "SELECT coalesce(group_concat(r, ';'), '') FROM (SELECT lot_id || ':' || day || ':' || shipments || ':' || "
    "quantity || ':' || unpriced || ':' || revenue AS r FROM shipped_lot_daily ORDER BY 1)";
constexpr const char* kSummedByLot =
    "SELECT coalesce(group_concat(r, ';'), '') FROM (SELECT lot_id || ':' || day || ':' || sum(shipments) || ':' || "
    "sum(quantity) || ':' || sum(unpriced) || ':' || sum(revenue) AS r FROM shipped_daily GROUP BY lot_id, day "
    "ORDER BY 1)";

// lot_on_hand as the triggers kept it, and the balances summed per lot: the same.
constexpr const char* kOnHandKept =
    "SELECT coalesce(group_concat(r, ';'), '') FROM (SELECT lot_id || ':' || quantity AS r FROM lot_on_hand "
    "ORDER BY lot_id)";
constexpr const char* kOnHandSummed =
    "SELECT coalesce(group_concat(r, ';'), '') FROM (SELECT lot_id || ':' || sum(quantity) AS r FROM balances "
    "GROUP BY lot_id HAVING sum(quantity) <> 0 ORDER BY lot_id)";

// What the bars shipped so far cost, by the roll-up itself.
void reportsAgreeWithTheRollUp(SoapCosting& soap, std::int64_t barsShipped) {
    auto& l = soap.shop.l();
    const auto bars = must(lotCost(l, soap.bars));
    REQUIRE(bars.perUnit);
    const auto margins = must(marginReport(l, {}, MarginGrouping::Product));
    REQUIRE(margins.size() == 1);
    CHECK(margins[0].cost == barsShipped * *bars.perUnit);
    const auto base = must(lotCost(l, soap.base));
    const auto valuation = must(stockValuation(l, std::nullopt));
    for (const auto& row : valuation.lots) {
        if (row.lot == soap.bars) CHECK(row.unitCost == bars.perUnit);
        if (row.lot == soap.base) CHECK(row.unitCost == base.perUnit);
    }
    CHECK(soap.shop.count("lot_cost_changes") == 0); // taken into account, and the costs kept
    CHECK(soap.shop.count("lot_unit_costs") >= 2);
}

} // namespace

TEST_CASE("cost reports: kept lot costs follow every change that alters a cost, however deep") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    must(shipAtPrice(l, {.lot = soap.bars, .quantity = 30, .customer = "SHOP1", .user = "ana"}, 4'500'000));
    reportsAgreeWithTheRollUp(soap, 30);
    const auto before = must(lotCost(l, soap.bars)).perUnit;

    // Labour corrected on the base's run: the base costs more, and so do the bars made from it.
    const auto entry = labourEntries(l, soap.baseRun).front();
    must(recordLabour(l, {.run = soap.baseRun, .seconds = 9000, .people = 2, .corrects = entry.id, .user = "ana"}));
    CHECK(soap.shop.count("lot_cost_changes") > 0);
    reportsAgreeWithTheRollUp(soap, 30);
    CHECK(must(lotCost(l, soap.bars)).perUnit != before);

    // A consumed input given back (a reversal): less material in the bars.
    const auto history = must(lotHistory(l, soap.lav));
    const auto consumed = std::find_if(history.begin(), history.end(),
                                       [](const auto& e) { return e.movement.kind == MovementKind::Consume; });
    REQUIRE(consumed != history.end());
    must(l.reverse({.movementId = consumed->movement.id, .reason = "weighed wrong", .user = "sam"}));
    CHECK(soap.shop.scalar(kOnHandKept) == soap.shop.scalar(kOnHandSummed)); // a consumed lot back on hand
    reportsAgreeWithTheRollUp(soap, 30);

    // A new rate: nothing kept is trusted until reckoned again (finished runs keep their rates).
    must(setOverheadRate(l, {.basis = OverheadBasis::PerRun, .amount = 99'000'000, .user = "sam"}));
    reportsAgreeWithTheRollUp(soap, 30);

    // More oil into the oil lot at another price re-averages its unit cost: the base and bars follow.
    soap.shop.receive("SOAP-OIL", 10'000'000, "OILCO", "O-1", 8'400);
    reportsAgreeWithTheRollUp(soap, 30);

    // Forgetting every kept cost changes nothing but speed.
    const auto kept = must(marginReport(l, {}, MarginGrouping::Lot));
    RawConnection(soap.shop.path).exec("DELETE FROM lot_unit_costs");
    const auto fresh = must(marginReport(l, {}, MarginGrouping::Lot));
    REQUIRE(fresh.size() == kept.size());
    CHECK(fresh[0].cost == kept[0].cost);
}

TEST_CASE("cost reports: the shipment summary is the movements' own, through prices, reversals and days") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    must(setCustomerPrice(l, {.customer = "SHOP2", .sku = "BAR", .unitPrice = 3'950'000, .user = "sam"}));
    const auto a = must(shipAtPrice(l, {.lot = soap.bars, .quantity = 10, .customer = "SHOP1", .user = "ana"}, 4'500'000));
    must(shipAtPrice(l, {.lot = soap.bars, .quantity = 5, .customer = "SHOP1", .user = "ana"}, {})); // unpriced
    const auto c = must(shipAtPrice(l, {.lot = soap.bars, .quantity = 7, .customer = "SHOP2", .user = "ana"}, {}));
    soap.shop.time.advance(std::chrono::hours{30});
    must(shipAtPrice(l, {.lot = soap.bars, .quantity = 3, .customer = "SHOP2", .user = "ana"}, {}));
    must(shipAtPrice(l, {.lot = soap.base, .quantity = 250'000, .customer = "SHOP1", .user = "ana"}, 20'000)); // 20/kg
    CHECK(soap.shop.scalar(kKept) == soap.shop.scalar(kRebuilt));
    CHECK(soap.shop.count("shipped_daily") == 4);
    CHECK(soap.shop.scalar(kKeptByLot) == soap.shop.scalar(kSummedByLot));
    CHECK(soap.shop.count("shipped_lot_daily") == 3);
    CHECK(soap.shop.scalar(kOnHandKept) == soap.shop.scalar(kOnHandSummed));
    must(l.reverse({.movementId = a.movement.id, .reason = "returned", .user = "sam"}));
    must(l.reverse({.movementId = c.movement.id, .reason = "returned", .user = "sam"}));
    CHECK(soap.shop.scalar(kKept) == soap.shop.scalar(kRebuilt));
    CHECK(soap.shop.scalar(kKeptByLot) == soap.shop.scalar(kSummedByLot));
    CHECK(soap.shop.count("lot_on_hand") > 0);
    CHECK(soap.shop.scalar(kOnHandKept) == soap.shop.scalar(kOnHandSummed));

    const auto byCustomer = must(marginReport(l, {}, MarginGrouping::Customer));
    REQUIRE(byCustomer.size() == 2);
    CHECK_FALSE(byCustomer[0].revenue); // SHOP1: 5 bars went unpriced
    CHECK(byCustomer[1].revenue == 3 * 3'950'000);
    const auto byMonth = must(marginReport(l, {}, MarginGrouping::Month));
    CHECK(byMonth.size() >= 1);
    std::int64_t shipments = 0;
    for (const auto& row : byMonth)
        shipments += row.shipments;
    CHECK(shipments == 3);
}

} // namespace lotstation::storage::test
