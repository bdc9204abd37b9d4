// The Costs screen's flow over the demo ledger: margins per product at the customers' list prices, the same
// cost per bar as `lotstation cost`, stock value and value at risk, and a refusal in the ledger's words for
// anyone who is not a supervisor or admin.
#include "demo_fixture.hpp"
#include "lotstation/station/workflows/costs_flow.hpp"
#include "lotstation/storage/cost_rates.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/lot_cost.hpp"

#include <algorithm>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::DemoFixture;

namespace {

FlowContext as(const char* user) {
    return {.user = std::string(user), .now = {}};
}

const ProductMargin& product(const CostsState& state, const std::string& sku) {
    const auto found = std::find_if(state.products.begin(), state.products.end(),
                                    [&](const auto& row) { return row.sku == sku; });
    REQUIRE(found != state.products.end());
    return *found;
}

} // namespace

TEST_CASE("costs: a supervisor sees margins per product at list prices, costed as lotCost costs them") {
    DemoFixture demo;
    CostsFlow flow(demo.ledger);
    CHECK(flow.apply(costs::Refresh{}, as("sam")).feedback == std::nullopt);
    const auto& state = flow.state();
    REQUIRE(state.loaded);
    CHECK_FALSE(state.refused);
    CHECK_FALSE(state.problem);
    CHECK(state.currency == "USD");
    REQUIRE(state.products.size() == 2);
    // Lavender: 40 bars at 4.50 and 24 at 6.90; oat: 36 at 5.20 and 12 at 6.90. Largest revenue first.
    CHECK(state.products[0].sku == "BAR-LAV");
    CHECK(state.products[0].name == "Lavender soap bar 100 g");
    CHECK(state.products[0].shipments == 2);
    CHECK(state.products[0].revenue == 345'600'000);
    CHECK(product(state, "BAR-OAT").revenue == 270'000'000);

    // Cost of goods shipped: the bars' full cost per unit (lot_cost.hpp, one rule) × what was shipped.
    const auto lavender = storage::lotCost(demo.ledger, demo.lavenderBars());
    REQUIRE(lavender);
    REQUIRE(lavender->perUnit);
    CHECK(lavender->labourCost > 0);   // the soap kitchen's rate, start to finish of the run
    CHECK(lavender->overheadCost > 0); // per run and per bar
    CHECK(state.products[0].cost == *lavender->perUnit * 64);
    CHECK(state.products[0].margin == 345'600'000 - *lavender->perUnit * 64);
    CHECK(state.total.revenue == 615'600'000);
    CHECK(state.total.shipments == 4);
    CHECK(state.total.margin == *state.products[0].margin + *product(state, "BAR-OAT").margin);
    CHECK(state.chartMax == 345'600'000);

    // Stock at full cost; the held coconut oil is stock too.
    const auto valuation = storage::stockValuation(demo.ledger, std::nullopt);
    REQUIRE(valuation);
    CHECK(state.stockValue == valuation->total);
    CHECK(state.stockValue > 0);
    CHECK(state.stockLots == static_cast<std::int64_t>(valuation->lots.size()));

    // The lavender oil's use-by is 45 days after its receipt nine days ago: at risk within 60 days, not 30.
    const auto atRisk = [&] {
        return std::any_of(state.atRisk.begin(), state.atRisk.end(),
                           [&](const auto& lot) { return lot.lot == demo.lavenderOil(); });
    };
    CHECK_FALSE(atRisk());
    flow.apply(costs::SetRiskDays{60}, as("sam"));
    CHECK(state.riskDays == 60);
    CHECK(atRisk());
    CHECK(state.atRiskValue == storage::valueAtRisk(demo.ledger, 60)->total);
    CHECK(state.atRiskValue > 0);
    for (std::size_t i = 1; i < state.atRisk.size(); ++i)
        CHECK(std::chrono::sys_days{*state.atRisk[i - 1].expiry} <= std::chrono::sys_days{*state.atRisk[i].expiry});
    CHECK(flow.apply(costs::SetRiskDays{0}, as("sam")).feedback == FeedbackKind::Refused);
    CHECK(state.riskDays == 60);
}

TEST_CASE("costs: an operator or qa is refused in the ledger's words and sees no figure") {
    DemoFixture demo;
    CostsFlow flow(demo.ledger);
    const auto refused = flow.apply(costs::Refresh{}, as("ana"));
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message == "ana is an operator: seeing costs and margins needs a supervisor");
    CHECK(flow.state().refused == refused.message);
    CHECK(flow.state().products.empty());
    CHECK(flow.state().stockValue == 0);
    CHECK(flow.apply(costs::Refresh{}, {}).message == "Log in as a supervisor to see costs and margins");
    // Logging in as the admin and opening it again shows everything.
    flow.cancel();
    flow.apply(costs::Refresh{}, as("admin"));
    CHECK_FALSE(flow.state().refused);
    CHECK(flow.state().products.size() == 2);
}

TEST_CASE("costs: the period chooses the shipments; money in the ledger's currency, rounded for display") {
    DemoFixture demo;
    CostsFlow flow(demo.ledger);
    flow.apply(costs::ShowPeriod{CostsPeriod::AllTime}, as("sam"));
    CHECK_FALSE(flow.state().dates.from);
    CHECK(flow.state().total.revenue == 615'600'000);
    flow.apply(costs::ShowPeriod{CostsPeriod::ThisYear}, as("sam"));
    REQUIRE(flow.state().dates.from);
    CHECK(flow.state().dates.from->day() == std::chrono::day{1});
    CHECK(flow.state().dates.from->month() == std::chrono::January);

    CHECK(moneyText(160'784'999, "USD") == "USD 160.78");
    CHECK(moneyText(160'785'000, "USD") == "USD 160.78"); // half-to-even
    CHECK(moneyText(160'500'000, "JPY") == "JPY 160");
    CHECK(moneyText(std::nullopt, "USD") == "unknown");
    CHECK(percentText(3820) == "38.2 %");
    CHECK(percentText(3825) == "38.2 %");
    CHECK(percentText(3835) == "38.4 %");
    CHECK(percentText(-1250) == "-12.5 %");
    CHECK(percentText(4) == "0.0 %");
    CHECK(barPermille(50, 200) == 250);
    CHECK(barPermille(300, 200) == 1000);
    CHECK(barPermille(-5, 200) == 0);
    CHECK(barPermille(5, 0) == 0);
}
