// Sales orders on a real ledger: shipping against an order takes its customer and line price, keeps the
// reference and counts towards the line; what the order does not allow is refused with nothing written;
// orders travel between ledgers as master data.
#include "lotstation/storage/cost_reports.hpp"
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "soap_costing.hpp"

#include <doctest/doctest.h>
#include <limits>

namespace lotstation::storage::test {
namespace {

SalesOrder addOrder(Ledger& l, std::string reference = "R-1042", std::string customer = "SHOP1") {
    return must(addSalesOrder(l, {.reference = std::move(reference),
                                  .customer = std::move(customer),
                                  .due = "2026-03-20",
                                  .lines = {{"BAR", 48, 4'250'000}, {"LAV", 100'000, 90'000}},
                                  .user = "sam"}));
}

std::string refusal(const auto& result) {
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

} // namespace

TEST_CASE("orders: a shipment against an order takes the customer and the line's price and counts on the line") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    const auto order = addOrder(l);
    CHECK(order.customer == "SHOP1");
    CHECK(order.due == "2026-03-20");
    REQUIRE(order.lines.size() == 2);

    const auto shipped = must(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 24, .reference = "r-1042",
                                                   .user = "ana"}, {}));
    CHECK(shipped.fromOrder);
    CHECK(shipped.unitPrice == 4'250'000);
    CHECK(shipped.movement.party == "SHOP1");
    CHECK(shipped.movement.reference == "R-1042");
    auto progress = must(salesOrder(l, "R-1042"));
    CHECK(orderSummary(progress) == "Order R-1042: 0 of 2 lines shipped");
    CHECK(orderSummary(progress, "bar") == "Order R-1042, BAR: 24 of 48 shipped"); // one line of two: named
    CHECK(progress.lines[0].line.sku == "BAR");
    CHECK(progress.lines[0].shipped == 24);
    CHECK(progress.open());

    // A typed price wins; the margins count both shipments at their own price.
    const auto typed = must(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 4, .customer = "SHOP1",
                                                 .reference = "R-1042", .user = "ana"}, 5'000'000));
    CHECK_FALSE(typed.fromOrder);
    const auto margins = must(marginReport(l, {}, MarginGrouping::Customer));
    REQUIRE(margins.size() == 1);
    CHECK(margins[0].revenue == 24 * 4'250'000 + 4 * 5'000'000);

    // A reversed shipment no longer counts; an amendment adds to the line, below what shipped is refused.
    must(l.reverse({.movementId = typed.movement.id, .reason = "wrong lot", .user = "sam"}));
    CHECK(must(salesOrder(l, "R-1042")).lines[0].shipped == 24);
    CHECK(refusal(amendSalesOrder(l, "R-1042", {{"BAR", 20, 4'250'000}}, "sam")).find("24 pc of BAR already shipped") !=
          std::string::npos);
    must(amendSalesOrder(l, "R-1042", {{"BAR", 30, 4'000'000}, {"LAV", 0, 90'000}}, "sam"));
    progress = must(salesOrder(l, "R-1042"));
    REQUIRE(progress.lines.size() == 1);
    CHECK(orderSummary(progress) == "Order R-1042: 24 of 30 shipped");
    const auto rest = must(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 6, .reference = "R-1042", .user = "ana"}, {}));
    CHECK(rest.unitPrice == 4'000'000);
    progress = must(salesOrder(l, "R-1042"));
    CHECK(progress.complete);
    CHECK(orderSummary(progress) == "Order R-1042: 30 of 30 shipped (complete)");
    CHECK(must(salesOrders(l, {.openOnly = true})).empty());
    CHECK(must(salesOrders(l)).size() == 1);
}

TEST_CASE("orders: what an order does not allow is refused in a sentence and nothing is written") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    addOrder(l);
    must(addSalesOrder(l, {.reference = "R-2000", .customer = "SHOP2", .lines = {{"LAV", 1000, 1}}, .user = "sam"}));
    const auto before = must(l.movementCount());

    CHECK(refusal(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 49, .reference = "R-1042", .user = "ana"}, {})) ==
          "order R-1042 asks for 48 pc of BAR and 0 pc have shipped: 48 pc left, not 49 pc (amend the order to ship more)");
    CHECK(refusal(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 1, .customer = "SHOP2", .reference = "R-1042",
                                       .user = "ana"}, {})) == "order R-1042 is SHOP1's, not SHOP2's");
    CHECK(refusal(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 1, .reference = "R-2000", .user = "ana"}, {})) ==
          "order R-2000 has no line for BAR (lot " + soap.bars + ")");
    CHECK(refusal(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 1, .reference = "R-9", .user = "ana"}, {})) ==
          "no order R-9");
    must(cancelSalesOrder(l, "R-1042", "customer closed", "sam"));
    CHECK(refusal(shipAgainstOrder(l, {.lot = soap.bars, .quantity = 1, .reference = "R-1042", .user = "ana"}, {})) ==
          "order R-1042 is cancelled (customer closed): nothing can ship against it");
    CHECK(refusal(cancelSalesOrder(l, "R-1042", "again", "sam")) == "order R-1042 is already cancelled");
    CHECK(refusal(amendSalesOrder(l, "R-1042", {{"BAR", 50, 1}}, "sam")) ==
          "order R-1042 is cancelled: it cannot change");
    CHECK(must(l.movementCount()) == before);
    CHECK_FALSE(must(salesOrder(l, "R-1042")).open());

    // Recording orders: supervisors only, references unique, lines that make sense.
    CHECK(refusal(addSalesOrder(l, {.reference = "R-3", .customer = "SHOP1", .lines = {{"BAR", 1, 1}}, .user = "ana"})) ==
          "ana is an operator: recording an order needs a supervisor");
    CHECK(refusal(addSalesOrder(l, {.reference = "r-1042", .customer = "SHOP1", .lines = {{"BAR", 1, 1}}, .user = "sam"})) ==
          "order r-1042 already exists");
    CHECK(refusal(addSalesOrder(l, {.reference = "R-3", .customer = "NOBODY", .lines = {{"BAR", 1, 1}}, .user = "sam"})) ==
          "no customer NOBODY");
    CHECK(refusal(addSalesOrder(l, {.reference = "R-3", .customer = "SHOP1", .lines = {{"BAR", 1, 1}, {"bar", 2, 1}},
                                    .user = "sam"})) == "BAR is on the order twice: give each SKU once");
    CHECK(refusal(addSalesOrder(l, {.reference = "R-3", .customer = "SHOP1", .lines = {}, .user = "sam"})) ==
          "an order needs at least one line (SKU=QTY@PRICE)");
    CHECK_FALSE(addSalesOrder(l, {.reference = "R-3", .customer = "SHOP1", .due = "2026-02-30", .lines = {{"BAR", 1, 1}},
                                  .user = "sam"}));
    CHECK(must(salesOrders(l)).size() == 2);
}

TEST_CASE("orders: lines typed as SKU=QTY@PRICE in the item's unit") {
    SoapCosting soap;
    auto& l = soap.shop.l();
    auto bar = must(parseOrderLine(l, "bar=48@4.50"));
    CHECK(bar.sku == "BAR");
    CHECK(bar.quantity == 48);
    CHECK(bar.unitPrice == 4'500'000);
    auto oil = must(parseOrderLine(l, "SOAP-OIL=2.5kg@12/kg"));
    CHECK(oil.quantity == 2'500'000);
    CHECK(oil.unitPrice == 12'000); // per g
    CHECK(must(parseOrderLine(l, "SOAP-OIL=2500@12")).unitPrice == 12'000); // a bare price is per kg
    CHECK_FALSE(parseOrderLine(l, "BAR48@4.50"));
    CHECK_FALSE(parseOrderLine(l, "BAR=1.5@4.50"));
    CHECK_FALSE(parseOrderLine(l, "BAR=4@-1"));
    CHECK_FALSE(parseOrderLine(l, "NOPE=4@1"));
    CHECK(refusal(parseOrderLine(l, "BAR=4@EUR 1/pc")).find("EUR") != std::string::npos);
}

TEST_CASE("orders: travel as master data, amended and cancelled by appending, stale copies change nothing") {
    SoapCosting soap;
    auto& central = soap.shop.l();
    addOrder(central);
    Shop station("B2");
    auto first = must(applyMasterData(station.l(), must(readMasterData(central))));
    CHECK(first.added > 0);
    const auto copied = must(salesOrder(station.l(), "R-1042"));
    CHECK(copied.order.customer == "SHOP1");
    CHECK(copied.lines.size() == 2);
    CHECK(copied.lines[0].line.unitPrice == 4'250'000);

    const auto stale = must(readMasterData(central));
    must(amendSalesOrder(central, "R-1042", {{"BAR", 60, 4'100'000}, {"LAV", 0, 90'000}}, "sam"));
    must(cancelSalesOrder(central, "R-1042", "replaced by R-1043", "sam"));
    auto second = must(applyMasterData(station.l(), must(readMasterData(central))));
    CHECK(second.updated >= 1);
    auto amended = must(salesOrder(station.l(), "R-1042"));
    REQUIRE(amended.lines.size() == 1);
    CHECK(amended.lines[0].line.quantity == 60);
    CHECK(amended.order.cancelledReason == "replaced by R-1043");
    // Again, and an older copy: nothing changes.
    const auto again = must(applyMasterData(station.l(), must(readMasterData(central))));
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    must(applyMasterData(station.l(), stale));
    CHECK(must(salesOrder(station.l(), "R-1042")).lines[0].line.quantity == 60);

    // The same reference for another customer here: refused, naming the record.
    Shop other("C3");
    must(addSalesOrder(other.l(), {.reference = "R-1042", .customer = "SHOP2", .lines = {{"BAR", 1, 1}}, .user = "sam"}));
    auto newer = must(readMasterData(central));
    newer.orders[0].revision = std::numeric_limits<std::int64_t>::max();
    auto clash = applyMasterData(other.l(), newer);
    REQUIRE_FALSE(clash);
    CHECK(clash.error().message.find("orders[0] (R-1042): order R-1042 is SHOP2's here, not SHOP1's") != std::string::npos);
}

} // namespace lotstation::storage::test
