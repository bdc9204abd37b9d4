// The known-answer costing: a soap base made at the mixing bench, then bars cut from it, with labour at two
// rates (and a per-person rate), overhead of every kind, yield loss and scrap, and two customers at
// different prices. Every figure below is worked out by hand, to the micro-unit.
#include "soap_costing.hpp"
#include "lotstation/storage/cost_reports.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/lot_cost.hpp"
#include "lotstation/storage/sales.hpp"

#include <doctest/doctest.h>

namespace lotstation::storage::test {

TEST_CASE("cost: the two-level soap costs what the hand calculation says, to the micro-unit") {
    SoapCosting soap;
    const auto baseCost = must(lotCost(soap.shop.l(), soap.base));
    CHECK(baseCost.materialCost == 40'075'000);  // 9000 g × 4200 + 1300 g × 1750
    CHECK(baseCost.labourCost == 73'500'000);    // 1.5 h × 2 × 24.50
    CHECK(baseCost.overheadCost == 37'206'000);  // 12 + 3 h × 6 + 10 kg × 0.40 + 8 % × 40.075
    CHECK(baseCost.total == 150'781'000);
    CHECK(baseCost.perUnit == 15'078);           // 150.781 / 10,000 g = 0.0150781 → 0.015078 per g

    const auto barCost = must(lotCost(soap.shop.l(), soap.bars));
    REQUIRE(barCost.material.size() == 3);
    CHECK(barCost.materialCost == 92'390'000);   // 5000 g × 15078 + 40 ml × 95000 + 110 × 120000
    CHECK(barCost.labourCost == 33'500'000);     // ana 1 h × 20.00 (corrected from 2 h) + sam 0.75 h × 18.00
    REQUIRE(barCost.labour.size() == 2);
    CHECK(barCost.labour[0].perHour == 20'000'000);
    CHECK(barCost.labour[1].perHour == 18'000'000);
    CHECK(barCost.overheadCost == 34'891'200);   // 12 + 1.75 h × 6 + 100 × 0.05 + 8 % × 92.39
    CHECK(barCost.overhead.size() == 4);         // the per-kg rate does not apply to bars
    CHECK(barCost.total == 160'781'200);
    CHECK(barCost.perUnit == 1'607'812);
    REQUIRE(barCost.intermediates.size() == 1);
    CHECK(barCost.intermediates[0].lot == soap.base);
    CHECK(barCost.intermediates[0].total == 150'781'000);
    CHECK(formatCurrency(*barCost.total, ledgerCurrency(soap.shop.l())) == "USD 160.78");
}

TEST_CASE("cost: prices, margins per customer and product, valuation, waste") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    must(setCustomerPrice(l, {.customer = "SHOP2", .sku = "BAR", .unitPrice = 3'950'000, .user = "sam"}));
    must(l.scrap({.lot = soap.bars, .quantity = 2, .reason = "dropped", .user = "ana"}));
    const auto typed = must(shipAtPrice(l, {.lot = soap.bars, .quantity = 30, .customer = "SHOP1", .user = "ana"}, 4'500'000));
    CHECK_FALSE(typed.fromPriceList);
    const auto listed = must(shipAtPrice(l, {.lot = soap.bars, .quantity = 40, .customer = "SHOP2", .user = "ana"}, {}));
    CHECK(listed.fromPriceList);
    CHECK(listed.unitPrice == 3'950'000);

    const auto byCustomer = must(marginReport(l, {}, MarginGrouping::Customer));
    REQUIRE(byCustomer.size() == 2);
    CHECK(byCustomer[0].key == "SHOP1");
    CHECK(byCustomer[0].revenue == 135'000'000);
    CHECK(byCustomer[0].cost == 48'234'360);
    CHECK(byCustomer[0].margin == 86'765'640);
    CHECK(byCustomer[1].revenue == 158'000'000);
    CHECK(byCustomer[1].cost == 64'312'480);
    CHECK(byCustomer[1].margin == 93'687'520);
    const auto byProduct = must(marginReport(l, {}, MarginGrouping::Product));
    REQUIRE(byProduct.size() == 1);
    CHECK(byProduct[0].margin == 180'453'160);
    CHECK(byProduct[0].marginBasisPoints == 6159);
    const auto byMonth = must(marginReport(l, {}, MarginGrouping::Month));
    REQUIRE(byMonth.size() == 1);
    CHECK(byMonth[0].key == "2026-03");

    // A reversed shipment earns nothing.
    must(l.reverse({.movementId = listed.movement.id, .reason = "returned", .user = "sam"}));
    CHECK(must(marginReport(l, {}, MarginGrouping::Product))[0].revenue == 135'000'000);

    const auto waste = must(wasteReport(l, {}));
    REQUIRE(waste.size() == 1);
    CHECK(waste[0].value == 3'215'624);
    CHECK(waste[0].reasons == "dropped");

    const auto now = must(stockValuation(l, std::nullopt));
    // bars 68 (28 + 40 returned) × 1.607812, base 5 kg, oil 1 kg, lye 700 g, lavender 460 ml, wraps 90
    CHECK(now.total == 68 * 1'607'812 + 75'390'000 + 4'200'000 + 1'225'000 + 43'700'000 + 10'800'000);
    CHECK(now.unknownLots == 0);
    const auto before = must(stockValuation(l, day(2026, 3, 9)));
    CHECK(before.lots.empty());
    CHECK(before.total == 0);
}

TEST_CASE("cost: bad input is refused with a sentence and writes nothing") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    CHECK_FALSE(parseHourlyRate("-5/h"));
    CHECK(parseHourlyRate("-5/h").error().message == "a rate cannot be negative: -5/h");
    CHECK_FALSE(parseHourlyRate("5000000000/h"));
    CHECK_FALSE(parseHourlyRate("24.50/kg"));
    CHECK(parseDuration("1.5h") == 5400);
    CHECK(parseDuration("90min") == 5400);
    CHECK(parseDuration("1:30") == 5400);
    CHECK_FALSE(parseDuration("-1h"));
    CHECK_FALSE(parseDuration("20000h"));
    CHECK(parsePercent("8.5") == 850);
    CHECK_FALSE(parsePercent("-3"));
    CHECK(parsePrice(l, "4.50/pc", Uom::Piece) == 4'500'000);
    CHECK(parsePrice(l, "USD 4.50/pc", Uom::Piece) == 4'500'000);
    CHECK(parsePrice(l, "4.50 EUR/pc", Uom::Piece).error().message == "'4.50 EUR/pc' is in EUR; this ledger keeps money in USD");
    CHECK_FALSE(parsePrice(l, "4.50/kg", Uom::Piece));
    CHECK(parsePrice(l, "4.50/kg", Uom::Piece).error().message.find("price per kg") != std::string::npos);

    const auto ratesBefore = soap.shop.count("cost_rates");
    CHECK(setLabourRate(l, {.workstation = "MIX", .perHour = 1, .user = "ana"}).error().message ==
          "ana is an operator: setting a rate needs a supervisor");
    CHECK_FALSE(setLabourRate(l, {.workstation = "NOWHERE", .perHour = 1, .user = "sam"}));
    CHECK(soap.shop.count("cost_rates") == ratesBefore);

    const auto open = must(l.startRun({.sku = "BASE", .planned = 1'000'000, .workstation = "MIX", .user = "ana"})).code;
    const auto entries = soap.shop.count("labour_entries");
    const auto refused = recordLabour(l, {.run = open, .seconds = 60, .user = "ana"});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("is not finished") != std::string::npos);
    CHECK_FALSE(recordLabour(l, {.run = soap.baseRun, .seconds = 60, .people = 0, .user = "ana"}));
    CHECK(soap.shop.count("labour_entries") == entries);

    CHECK(marginReport(l, {day(2026, 3, 10), day(2026, 3, 1)}, MarginGrouping::Lot).error().message ==
          "the period ends (2026-03-01) before it starts (2026-03-10)");
    CHECK_FALSE(setLedgerCurrency(l, "EUR", "sam")); // rates are recorded in USD already
    CHECK_FALSE(setLedgerCurrency(l, "ABC", "sam"));

    RawConnection raw(soap.shop.path);
    CHECK(raw.exec("UPDATE labour_entries SET seconds = 1").find("append-only") != std::string::npos);
    CHECK(raw.exec("DELETE FROM cost_rates").find("append-only") != std::string::npos);
}

TEST_CASE("cost: currencies round for display only, to their minor unit") {
    CHECK(formatCurrency(160'781'200, "EUR") == "EUR 160.78");
    CHECK(formatCurrency(2'500'000, "JPY") == "JPY 2");   // half to even
    CHECK(formatCurrency(3'500'000, "JPY") == "JPY 4");
    CHECK(formatCurrency(1'234'567, "KWD") == "KWD 1.235");
    CHECK(formatCurrency(-5'000, "USD") == "USD 0.00"); // -0.005 rounds to the even 0
    CHECK(minorUnitDigits("usd") == 2);
    CHECK_FALSE(minorUnitDigits("XYZ"));
}

} // namespace lotstation::storage::test
