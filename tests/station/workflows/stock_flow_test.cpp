#include "demo_fixture.hpp"
#include "lotstation/formats/own_labels.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/workflows/stock_flow.hpp"

#include <algorithm>

using namespace lotstation::station;
namespace storage = lotstation::storage;
namespace scan = lotstation::scan;
using lotstation::test::DemoFixture;

TEST_CASE("stock: an item's lots in FEFO order, usable first, then the held lot with its standing") {
    DemoFixture demo;
    StockFlow flow(demo.ledger);
    CHECK_FALSE(flow.state().loaded);
    flow.apply(stock::PickItem{"COCONUT-OIL"});
    CHECK(flow.state().loaded);
    CHECK(flow.state().tab == StockTab::ByItem);
    const auto& lots = flow.state().lots;
    REQUIRE(lots.size() == 2);
    CHECK(lots[0].lot == demo.coconut1());
    CHECK((lots[0].standing == LotStanding::Released));
    CHECK(lots[0].onHand == 10'000'000 - 5'200'000);
    CHECK(lots[0].where == "STORE 4.8 kg");
    CHECK(lots[1].lot == demo.coconutHeld());
    CHECK((lots[1].standing == LotStanding::OnHold));

    // Two usable olive-oil lots: the one expiring first comes first.
    flow.apply(stock::PickItem{"OLIVE-OIL"});
    REQUIRE(flow.state().lots.size() == 2);
    CHECK(flow.state().lots[0].lot == demo.olive1());
    REQUIRE(flow.state().lots[0].expiry);
    REQUIRE(flow.state().lots[1].expiry);
    CHECK(*flow.state().lots[0].expiry < *flow.state().lots[1].expiry);
}

TEST_CASE("stock: expiring soon within N days and expired, a scan picks the item") {
    DemoFixture demo;
    StockFlow flow(demo.ledger);
    flow.apply(stock::Refresh{});
    // The lavender oil expires 45 days after its receipt nine days ago: within 60 days, not within 30.
    flow.apply(stock::SetDays{60});
    const auto inSixty = flow.state().expiring;
    CHECK(std::any_of(inSixty.begin(), inSixty.end(),
                      [&](const auto& r) { return r.lot == demo.lavenderOil(); }));
    for (std::size_t i = 1; i < inSixty.size(); ++i)
        CHECK(*inSixty[i - 1].daysLeft <= *inSixty[i].daysLeft); // soonest first
    flow.apply(stock::SetDays{30});
    CHECK(std::none_of(flow.state().expiring.begin(), flow.state().expiring.end(),
                       [&](const auto& r) { return r.lot == demo.lavenderOil(); }));
    CHECK(flow.state().expired.empty()); // nothing in the demo is past its date
    CHECK(flow.apply(stock::SetDays{0}).feedback == FeedbackKind::Refused);
    CHECK(flow.state().withinDays == 30);

    const auto picked = flow.scanned(scan::interpret(lotstation::formats::encodeOwnLabel(scan::OwnLot{demo.oatBars()})), {});
    REQUIRE(picked);
    CHECK(flow.state().item->sku == "BAR-OAT");
    REQUIRE(flow.state().lots.size() == 1);
    CHECK(flow.state().lots[0].onHand == 80 - 36 - 12);
}

TEST_CASE("stock: a lot past its use-by date is listed as expired, whatever its recorded status") {
    DemoFixture demo;
    // A delivery whose date has passed (received late, found on the shelf).
    storage::ReceiveRequest late;
    late.sku = "OATMEAL";
    late.supplier = "OATS";
    late.supplierLot = "HO-OLD";
    late.quantity = 1'000'000;
    late.expiry = storage::dateOf(demo.ledger.now() - std::chrono::days{3});
    late.user = "sam";
    const auto received = demo.ledger.receive(late);
    REQUIRE(received);
    StockFlow flow(demo.ledger);
    flow.apply(stock::ShowTab{StockTab::Expired});
    REQUIRE(flow.state().expired.size() == 1);
    CHECK(flow.state().expired[0].lot == received->lotCode);
    CHECK(flow.state().expired[0].daysLeft == -3);
    CHECK((flow.state().expired[0].standing == LotStanding::Expired));
    flow.apply(stock::PickItem{"OATMEAL"});
    CHECK(flow.state().lots.back().lot == received->lotCode); // not usable: after the usable ones
}
