// Sales orders are master data: made on the server (either store), they reach stations with GET /v1/master,
// a station ships against them at the order's price, and an amendment or cancellation on the server follows.
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "sync_fixture.hpp"
#include "test_support.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;
using namespace lotstation::storage;

namespace {

template <typename T> T must(Result<T> result) {
    REQUIRE_MESSAGE(result, (result ? "" : result.error().message));
    return std::move(*result);
}

} // namespace

TEST_CASE_TEMPLATE("orders: an order made on the server reaches the station, which ships against it; amended and "
                   "cancelled there, it follows",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);

    central.editMaster([](Ledger& ledger) {
        auto order = addSalesOrder(ledger, {.reference = "R-1042", .customer = "SHOP", .due = "2026-12-20",
                                            .lines = {{"OIL", 2'000'000, 12'000}}, .fromCentral = true});
        REQUIRE_MESSAGE(order, (order ? "" : order.error().message));
    });
    auto summary = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterAdded == 1);
    {
        auto ledger = dock.open();
        auto order = salesOrder(ledger, "R-1042");
        REQUIRE_MESSAGE(order, (order ? "" : order.error().message));
        CHECK(order->order.customer == "SHOP");
        CHECK(order->order.due == "2026-12-20");
        CHECK(order->order.createdBy == "central");
        auto received = ledger.receive({.sku = "OIL", .supplier = "ACME", .supplierLot = "A-9", .quantity = 5'000'000,
                                        .location = "DOCK", .user = "ann"});
        REQUIRE(received);
        auto shipped = shipAgainstOrder(ledger, {.lot = received->lotCode, .quantity = 1'500'000,
                                                 .reference = "R-1042", .user = "ann"}, {});
        REQUIRE_MESSAGE(shipped, (shipped ? "" : shipped.error().message));
        CHECK(shipped->unitPrice == 12'000);
        CHECK(orderSummary(must(salesOrder(ledger, "R-1042"))) == "Order R-1042: 1.5 kg of 2 kg shipped");
    }

    central.editMaster([](Ledger& ledger) {
        REQUIRE(amendSalesOrder(ledger, "R-1042", {{"OIL", 3'000'000, 11'000}}, {}, true));
        REQUIRE(cancelSalesOrder(ledger, "R-1042", "customer closed", {}, true));
    });
    auto again = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(again, (again ? "" : again.error().message));
    CHECK(again->masterUpdated == 1);
    auto ledger = dock.open();
    const auto order = must(salesOrder(ledger, "R-1042"));
    CHECK(order.lines.at(0).line.quantity == 3'000'000);
    CHECK(order.lines.at(0).shipped == 1'500'000);
    CHECK(order.order.cancelledReason == "customer closed");
    CHECK_FALSE(order.open());
    auto third = dock.client(central.url()).syncOnce();
    REQUIRE(third);
    CHECK(third->masterUpdated == 0);
}
