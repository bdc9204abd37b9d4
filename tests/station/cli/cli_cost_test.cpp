// The known-answer soap costing again, typed the way a person types it, checked to the micro-unit.
#include "cli_test_support.hpp"

using lotstation::test::CliFixture;

namespace {

void setUpSoapShop(const CliFixture& cli) {
    const std::vector<std::vector<std::string>> steps{
        {"init", "--station", "Bench", "--short-code", "C"},
        {"location", "add", "DOCK", "--name", "Dock", "--kind", "dock"},
        {"location", "add", "MIX", "--name", "Mixing bench", "--kind", "workstation"},
        {"location", "add", "CUT", "--name", "Cutting table", "--kind", "workstation"},
        {"location", "add", "FG", "--name", "Finished", "--kind", "finished"},
        {"supplier", "add", "OILCO", "--name", "Oil Company"},
        {"customer", "add", "SHOP1", "--name", "Corner shop"},
        {"customer", "add", "SHOP2", "--name", "Market stall"},
        {"user", "add", "ana", "--role", "operator"},
        {"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "DOCK"},
        {"item", "add", "LYE", "--name", "Lye", "--uom", "g", "--location", "DOCK"},
        {"item", "add", "LAV", "--name", "Lavender oil", "--uom", "ml", "--location", "DOCK"},
        {"item", "add", "WRAP", "--name", "Wrap", "--uom", "pc", "--kind", "packaging", "--location", "DOCK"},
        {"item", "add", "BASE", "--name", "Soap base", "--uom", "g", "--kind", "intermediate"},
        {"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--kind", "finished", "--location", "FG"},
        {"recipe", "set", "BASE", "--per", "10kg", "OIL=9kg", "LYE=1.3kg"},
        {"recipe", "set", "BAR", "--per", "100", "BASE=5kg", "LAV=40ml", "WRAP=100"},
        {"rate", "set", "labour", "MIX", "24.50/h"},
        {"rate", "set", "labour", "CUT", "18.00/h"},
        {"rate", "set", "labour", "CUT", "20.00/h", "--for", "ana"},
        {"rate", "set", "overhead", "--per-run", "12.00"},
        {"rate", "set", "overhead", "--per-hour", "6.00/h"},
        {"rate", "set", "overhead", "--per-unit", "0.05/pc"},
        {"rate", "set", "overhead", "--per-unit", "0.40/kg"},
        {"rate", "set", "overhead", "--material-percent", "8"},
    };
    for (const auto& step : steps) {
        const auto outcome = cli.run(step);
        INFO(step.front() << ' ' << step.at(1) << ": " << outcome.err);
        REQUIRE(outcome.exitCode == 0);
    }
}

std::string received(const CliFixture& cli, const std::vector<std::string>& args) {
    auto full = args;
    full.insert(full.begin(), "receive");
    const auto outcome = cli.run(full);
    REQUIRE(outcome.exitCode == 0);
    return outcome.firstLine();
}

std::string must(const CliFixture& cli, const std::vector<std::string>& args) {
    const auto outcome = cli.run(args);
    INFO(outcome.err);
    REQUIRE(outcome.exitCode == 0);
    return outcome.firstLine();
}

} // namespace

TEST_CASE("cli: the two-level soap costing, margins, valuation and waste to the micro-unit") {
    CliFixture cli;
    setUpSoapShop(cli);
    const auto oil = received(cli, {"OIL", "10kg", "--supplier", "OILCO", "--supplier-lot", "O-1", "--unit-cost", "4.20/kg"});
    const auto lye = received(cli, {"LYE", "2kg", "--supplier", "OILCO", "--supplier-lot", "L-1", "--unit-cost", "1.75/kg"});
    const auto lav = received(cli, {"LAV", "500ml", "--supplier", "OILCO", "--supplier-lot", "V-1", "--unit-cost", "95/l"});
    const auto wrap = received(cli, {"WRAP", "200", "--supplier", "OILCO", "--supplier-lot", "W-1", "--unit-cost", "0.12/pc"});

    const auto baseRun = must(cli, {"run", "start", "BASE", "--planned", "10kg", "--workstation", "MIX"});
    // Labour on a run that is not finished is refused.
    const auto early = cli.run({"run", "labour", baseRun, "1.5h"});
    CHECK(early.exitCode == 1);
    CHECK(early.err.find("is not finished") != std::string::npos);
    must(cli, {"run", "consume", baseRun, oil, "9kg"});
    must(cli, {"run", "consume", baseRun, lye, "1.3kg"});
    const auto base = must(cli, {"run", "finish", baseRun, "10kg"});
    must(cli, {"run", "labour", baseRun, "1.5h", "--people", "2"});

    const auto barRun = must(cli, {"run", "start", "BAR", "--planned", "100", "--workstation", "CUT"});
    must(cli, {"run", "consume", barRun, base, "5kg"});
    must(cli, {"run", "consume", barRun, lav, "40ml"});
    must(cli, {"run", "consume", barRun, wrap, "110"});
    const auto bars = must(cli, {"run", "finish", barRun, "100"});
    const auto wrong = cli.run({"--json", "run", "labour", barRun, "2h", "--by", "ana"});
    REQUIRE(wrong.exitCode == 0);
    must(cli, {"run", "labour", barRun, "60min", "--by", "ana", "--corrects",
               std::to_string(wrong.json()["id"].get<long long>())});
    must(cli, {"run", "labour", barRun, "0:45"});
    must(cli, {"rate", "set", "labour", "CUT", "99/h"}); // after the run finished: not used

    const auto cost = cli.run({"--json", "cost", bars});
    REQUIRE(cost.exitCode == 0);
    const auto value = cost.json();
    CHECK(value["material_micros"] == 92'390'000);
    CHECK(value["labour_micros"] == 33'500'000);
    CHECK(value["overhead_micros"] == 34'891'200);
    CHECK(value["total_micros"] == 160'781'200);
    CHECK(value["per_unit_micros"] == 1'607'812);
    REQUIRE(value["intermediates"].size() == 1);
    CHECK(value["intermediates"][0]["total_micros"] == 150'781'000);
    CHECK(value["intermediates"][0]["per_unit_micros"] == 15'078);
    const auto text = cli.run({"cost", bars});
    CHECK(text.out.find("total USD 160.78, USD 1.607812/pc") != std::string::npos);
    CHECK(text.out.find("total USD 150.78, USD 15.078/kg") != std::string::npos);

    must(cli, {"price", "set", "SHOP2", "BAR", "3.95/pc"});
    must(cli, {"scrap", bars, "2", "--reason", "dropped"});
    must(cli, {"ship", bars, "30", "--customer", "SHOP1", "--price", "4.50/pc"});
    must(cli, {"ship", bars, "40", "--customer", "SHOP2"});
    // A price in another currency or per another unit is refused and nothing ships.
    const auto euros = cli.run({"ship", bars, "1", "--customer", "SHOP1", "--price", "4.50 EUR/pc"});
    CHECK(euros.exitCode == 1);
    CHECK(euros.err.find("this ledger keeps money in USD") != std::string::npos);
    CHECK(cli.run({"ship", bars, "1", "--customer", "SHOP1", "--price", "4.50/kg"}).exitCode == 1);

    const auto margins = cli.run({"--json", "report", "margins", "--by", "customer"});
    REQUIRE(margins.exitCode == 0);
    const auto rows = margins.json();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["customer"] == "SHOP1");
    CHECK(rows[0]["revenue_micros"] == 135'000'000);
    CHECK(rows[0]["cost_micros"] == 48'234'360);
    CHECK(rows[0]["margin_micros"] == 86'765'640);
    CHECK(rows[1]["margin_micros"] == 93'687'520);

    const auto valuation = cli.run({"--json", "report", "valuation"});
    REQUIRE(valuation.exitCode == 0);
    long long total = 0;
    for (const auto& row : valuation.json())
        total += row["value_micros"].get<long long>();
    CHECK(total == 28 * 1'607'812 + 75'390'000 + 4'200'000 + 1'225'000 + 43'700'000 + 10'800'000);

    const auto waste = cli.run({"--json", "report", "waste"});
    REQUIRE(waste.exitCode == 0);
    CHECK(waste.json()[0]["value_micros"] == 3'215'624);

    CHECK(cli.run({"report", "margins", "--from", "2026-12-31", "--to", "2026-01-01"}).exitCode == 1);
    CHECK(cli.run({"rate", "set", "labour", "MIX", "-5/h"}).exitCode == 1);
    CHECK(cli.run({"--user", "ana", "rate", "set", "labour", "MIX", "5/h"}).exitCode == 1);
    CHECK(cli.run({"verify"}).exitCode == 0);
}
