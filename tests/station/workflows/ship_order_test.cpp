// Ship against a sales order at the station: the order picked from the open ones (or its reference scanned)
// brings the customer and the prices, a SKU not on it is refused as it is scanned, the screen says how far
// it has shipped, and over-shipping is refused at the confirm with nothing written.
#include "floor_test_support.hpp"
#include "lotstation/storage/sales_orders.hpp"

using namespace lotstation::test::floor;
namespace scan = lotstation::scan;

namespace {

FlowContext ana() {
    return FlowContext{"ana", t0};
}

std::string lavenderBars(const Demo& d) {
    return d.summary.producedLots.at(1); // 34 left at FG
}
std::string oatBars(const Demo& d) {
    return d.summary.producedLots.at(2); // 32 left at FG
}

void addOrders(storage::Ledger& ledger) {
    REQUIRE(storage::addSalesOrder(ledger, {.reference = "R-1042", .customer = "WEBSHOP", .due = "2026-12-20",
                                            .lines = {{"BAR-LAV", 48, 6'500'000}}, .user = "sam"}));
    REQUIRE(storage::addSalesOrder(ledger, {.reference = "R-2000", .customer = "GREENGROCER",
                                            .lines = {{"BAR-OAT", 10, 5'000'000}}, .user = "sam"}));
}

} // namespace

TEST_CASE("ship: an open order picked from the list brings customer and price, and the screen shows its progress") {
    auto d = demo();
    auto& ledger = d->ledger;
    addOrders(ledger);
    ShipFlow flow(ledger);
    flow.apply(ship::PickCustomer{"WEBSHOP"});
    flow.apply(ship::BrowseOrders{});
    REQUIRE(flow.state().openOrders);
    REQUIRE(flow.state().openOrders->size() == 1); // the chosen customer's only
    CHECK(flow.state().openOrders->at(0).order.reference == "R-1042");
    CHECK(flow.apply(ship::PickOrder{"R-1042"}).message == "Order R-1042 for Web shop orders");
    CHECK_FALSE(flow.state().openOrders);
    CHECK(flow.state().orderProgress == "Order R-1042: 0 of 48 shipped");

    CHECK(flow.scanned(scan::OwnLot{oatBars(*d)}, ana())->message == "Order R-1042 has no line for BAR-OAT");
    REQUIRE(flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK(flow.state().lines[0].unitPrice == 6'500'000); // the order's, not the list's 6.90
    flow.apply(ship::SetQuantity{Quantity{24, storage::Uom::Piece}});
    CHECK(flow.apply(ship::PickCustomer{"GREENGROCER"}).message ==
          "Order R-1042 is WEBSHOP's: clear the order to ship to GREENGROCER");
    REQUIRE(flow.apply(ship::Confirm{}, ana()).feedback == FeedbackKind::Accepted);
    CHECK(flow.state().orderProgress == "Order R-1042: 24 of 48 shipped");
    CHECK(flow.state().shipped.at(0).reference == "R-1042");
    CHECK(storage::salesOrder(ledger, "R-1042")->lines.at(0).shipped == 24);

    // Next shipment, every customer's open orders; the reference scanned instead of picked.
    flow.apply(ship::Next{});
    flow.apply(ship::BrowseOrders{});
    CHECK(flow.state().openOrders->size() == 2);
    flow.apply(ship::CloseOrders{});
    flow.apply(ship::ScanReference{});
    CHECK(flow.scanned(scan::LookupKey{"r-1042", {}}, ana())->message == "Order R-1042 for Web shop orders");
    CHECK(flow.state().customer->code == "WEBSHOP");
    REQUIRE(flow.scanned(scan::OwnLot{lavenderBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK(flow.state().lines[0].quantity == 10); // all that is left at FG
    flow.apply(ship::SetPrice{"7/pc"});
    REQUIRE(flow.apply(ship::Confirm{}, ana()).feedback == FeedbackKind::Accepted);
    CHECK(flow.state().orderProgress == "Order R-1042: 34 of 48 shipped");
}

TEST_CASE("ship: a cancelled, complete or other customer's order is refused; over-shipping writes nothing") {
    auto d = demo();
    auto& ledger = d->ledger;
    addOrders(ledger);
    ShipFlow flow(ledger);
    flow.apply(ship::PickCustomer{"WEBSHOP"});
    CHECK(flow.apply(ship::SetReference{"R-2000"}).message == "Order R-2000 is GREENGROCER's, not WEBSHOP's");
    CHECK_FALSE(flow.state().order);
    flow.apply(ship::Cancel{});

    REQUIRE(flow.apply(ship::SetReference{"R-2000"}).feedback == FeedbackKind::Accepted);
    REQUIRE(flow.scanned(scan::OwnLot{oatBars(*d)}, ana())->feedback == FeedbackKind::Accepted);
    CHECK(flow.state().lines[0].quantity == 32); // all on hand: more than the 10 ordered
    const auto before = ledger.movementCount().value();
    const auto over = flow.apply(ship::Confirm{}, ana());
    CHECK(over.feedback == FeedbackKind::Refused);
    CHECK(over.message == "order R-2000 asks for 10 pc of BAR-OAT and 0 pc have shipped: 10 pc left, not 32 pc "
                          "(amend the order to ship more)");
    CHECK(ledger.movementCount().value() == before);
    flow.apply(ship::SetQuantity{Quantity{10, storage::Uom::Piece}});
    REQUIRE(flow.apply(ship::Confirm{}, ana()).feedback == FeedbackKind::Accepted);
    CHECK(flow.state().orderProgress == "Order R-2000: 10 of 10 shipped (complete)");
    flow.apply(ship::Next{});
    CHECK(flow.apply(ship::SetReference{"R-2000"}).message == "Order R-2000 has shipped in full");

    REQUIRE(storage::cancelSalesOrder(ledger, "R-1042", "customer closed", "sam"));
    CHECK(flow.apply(ship::SetReference{"R-1042"}).message == "Order R-1042 is cancelled (customer closed)");
    // A reference that is no order on record stays a free reference, as before.
    CHECK(flow.apply(ship::SetReference{"SO-77"}).message == "Order SO-77");
    CHECK_FALSE(flow.state().order);
}
