#include "cli_test_support.hpp"

#include <algorithm>

using lotstation::test::CliFixture;

namespace {

// The demo's lots, named by item, found through the command line itself.
std::string lotOf(const CliFixture& cli, const std::string& sku) {
    const auto stock = cli.run({"--json", "stock", sku});
    REQUIRE(stock.exitCode == 0);
    const auto lines = stock.json();
    REQUIRE_FALSE(lines.empty());
    return lines.front()["lot"].get<std::string>();
}

bool containsLot(const nlohmann::json& lots, const std::string& code) {
    return std::any_of(lots.begin(), lots.end(), [&](const auto& lot) { return lot["code"] == code; });
}

} // namespace

TEST_CASE("cli: trace and recall on the demo answer which customers got the olive oil") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto bar = lotOf(cli, "BAR-LAV");
    const auto backward = cli.run({"--json", "trace", bar, "--backward"});
    REQUIRE(backward.exitCode == 0);
    const auto back = backward.json();
    CHECK(containsLot(back["lots"], lotOf(cli, "SOAP-BASE")));
    CHECK(back["suppliers"].size() ==
          5); // packaging, lavender, and the base's oil, coconut and lye suppliers

    const auto oliveLots = cli.run({"--json", "fefo", "OLIVE-OIL"}).json();
    REQUIRE(oliveLots.size() == 2);
    const std::string usedOil = oliveLots[0]["lot"]; // the first lot went into the soap base
    const auto recall = cli.run({"--json", "--user", "sam", "recall", usedOil, "--hold", "--reason",
                                 "supplier recall", "--csv", cli.dir().file("recall.csv").string()});
    REQUIRE(recall.exitCode == 0);
    const auto report = recall.json();
    CHECK(report["customers"].size() == 3);
    CHECK(report["shipments"].size() == 4);
    CHECK(report["held"] == 4); // the oil lot, the base and both bar lots
    const auto csv = lotstation::test::readFile(cli.dir().file("recall.csv"));
    CHECK(csv.rfind("event_type,event_date,traceability_lot_code", 0) == 0);
    CHECK(csv.find("shipping") != std::string::npos);

    // Held lots are refused downstream: shipping a recalled bar fails.
    const auto ship = cli.run({"ship", bar, "1", "--customer", "WEBSHOP"});
    CHECK(ship.exitCode == 1);
    CHECK(cli.run({"verify"}).exitCode == 0);
}

TEST_CASE("cli: forward trace without a direction is refused") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    CHECK(cli.run({"trace", lotOf(cli, "LYE")}).exitCode == 1);
    CHECK(cli.run({"trace", lotOf(cli, "LYE"), "--backward", "--forward"}).exitCode == 2);
}

TEST_CASE("cli: batch cost of a finished lot is exact") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto cost = cli.run({"--json", "cost", lotOf(cli, "BAR-LAV")});
    REQUIRE(cost.exitCode == 0);
    const auto value = cost.json();
    // 100 boxes at 0.12 + 300 ml lavender at 95.00/l + 11 kg base (its own cost from oils and lye), then the
    // soap kitchen's 24.50/h from the run's start to finish (2 h 15 min) and 12.00 a run + 0.05 a bar (98).
    CHECK(value["missing"].empty());
    long long sum = 0;
    for (const auto& input : value["inputs"])
        sum += input["cost_micros"].get<long long>();
    CHECK(value["material_micros"].get<long long>() == sum);
    CHECK(value["labour_micros"].get<long long>() == 55'125'000);
    CHECK(value["overhead_micros"].get<long long>() == 12'000'000 + 98 * 50'000);
    CHECK(value["total_micros"].get<long long>() == sum + 55'125'000 + 16'900'000);
    CHECK(cli.run({"cost", lotOf(cli, "LYE")}).exitCode == 1); // a received lot has no batch cost
}

TEST_CASE("cli: labels render and scan back to what they name") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto bar = lotOf(cli, "BAR-OAT"); // no GTIN: our own LS:LOT payload
    const auto png = cli.dir().file("bar.png").string();
    REQUIRE(cli.run({"label", bar, "--out", png}).exitCode == 0);
    REQUIRE(cli.run({"label", "location", "DOCK", "--out", cli.dir().file("dock.png").string()}).exitCode ==
            0);
    REQUIRE(
        cli.run({"label", "command", "finish", "--out", cli.dir().file("finish.png").string()}).exitCode ==
        0);
    CHECK(cli.run({"label", "command", "explode", "--out", cli.dir().file("x.png").string()}).exitCode == 1);
    CHECK(cli.run({"label", bar}).exitCode == 1); // no destination

    const auto scanned = cli.run(
        {"--json", "scan", png, cli.dir().file("dock.png").string(), cli.dir().file("finish.png").string()});
    REQUIRE(scanned.exitCode == 0);
    auto codes = scanned.jsonLines(); // one object per code, as it registers, then the summary
    REQUIRE(codes.size() == 4);
    CHECK(codes.back()["codes"] == 3);
    CHECK(codes[0]["text"] == "LS:LOT:" + bar);
    CHECK(codes[1]["text"] == "LS:LOC:DOCK");
    CHECK(codes[2]["text"] == "LS:CMD:FINISH");

    const auto found = cli.run({"--json", "lookup", codes[0]["text"].get<std::string>()});
    REQUIRE(found.exitCode == 0);
    CHECK(found.json()["lots"][0]["code"] == bar);
    const auto unknown = cli.run({"lookup", "NO-SUCH-THING"});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.find("not a lot, supplier lot, SKU or location code") != std::string::npos);
}

TEST_CASE("cli: a missing scan input is reported and the rest still scanned") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto png = cli.dir().file("dock.png").string();
    REQUIRE(cli.run({"label", "location", "DOCK", "--out", png}).exitCode == 0);
    const auto scanned = cli.run({"--json", "scan", cli.dir().file("missing.png").string(), png});
    CHECK(scanned.exitCode == 1);
    const auto lines = scanned.jsonLines();
    REQUIRE(lines.size() == 3); // the missing input, the code, the summary
    CHECK(lines[0]["error"].get<std::string>().size() > 0);
    CHECK(lines[1]["text"] == "LS:LOC:DOCK");
    CHECK(lines[2]["codes"] == 1);
    CHECK(lines[2]["errors"] == 1);
    CHECK(scanned.err.find("missing.png") != std::string::npos);
}

TEST_CASE("cli: import is all or nothing and export round-trips") {
    CliFixture cli;
    REQUIRE(cli.run({"init"}).exitCode == 0);
    const auto good = cli.dir().file("items.csv");
    lotstation::test::writeFile(good, "sku,name,uom,kind\nOIL,Olive oil,g,raw\nBAR,Soap bar,pc,finished\n");
    const auto bad = cli.dir().file("bad.csv");
    lotstation::test::writeFile(bad, "sku,name,uom\nWAX,Bees wax,g\nJAR,Jar,kgs\n");
    const auto refused = cli.run({"import", "items", bad.string()});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("line 3") != std::string::npos);
    CHECK(cli.run({"--json", "stock"}).json().empty()); // not even WAX was imported

    REQUIRE(cli.run({"import", "items", good.string()}).exitCode == 0);
    const auto exported = cli.run({"export", "items", "-"});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.find("OIL") != std::string::npos);
    CHECK(exported.out.find("BAR") != std::string::npos);
}
