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

#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/workbook.hpp"

TEST_CASE("cli: recall --fda writes FDA's sortable spreadsheet, read back column by column") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto oil = cli.run({"--json", "fefo", "OLIVE-OIL"}).json()[0]["lot"].get<std::string>();
    const auto fda = cli.dir().file("recall.xlsx");
    const auto csvPath = cli.dir().file("recall.csv");
    const auto recall = cli.run({"recall", oil, "--csv", csvPath.string(), "--fda", fda.string()});
    INFO(recall.err);
    REQUIRE(recall.exitCode == 0);
    CHECK(cli.run({"recall", oil, "--fda", cli.dir().file("recall.csv2").string()}).exitCode == 1);

    // The CSV's rows per event type are the reference the workbook is checked against.
    const auto records = lotstation::storage::parseCsv(lotstation::test::readFile(csvPath)).value();
    std::map<std::string, std::vector<std::vector<std::string>>> csvEvents;
    for (std::size_t r = 1; r < records.size(); ++r)
        csvEvents[records[r].fields[0]].push_back(records[r].fields);
    REQUIRE(csvEvents["receiving"].size() >= 1);
    REQUIRE(csvEvents["shipping"].size() >= 1);

    const auto names = lotstation::storage::workbookSheets(fda).value();
    CHECK(names == std::vector<std::string>{"Receiving", "Transformation", "Shipping", "Quality"});
    const auto receiving = lotstation::storage::readSheet(fda, std::string("Receiving")).value();
    const std::vector<std::string> receivingHeaders{
        "Traceability Lot Code (TLC)", "Quantity", "Unit of Measure", "Product Description", "Immediate Previous Source",
        "Receiving Location", "Date Received", "TLC Source Location", "Supplier Lot Code", "Reference Document Type",
        "Reference Document Number", "Movement ID"};
    REQUIRE(receiving.rows.size() == csvEvents["receiving"].size() + 1);
    for (std::size_t c = 0; c < receivingHeaders.size(); ++c)
        CHECK(receiving.rows[0][c].text == receivingHeaders[c]);
    for (std::size_t r = 0; r < csvEvents["receiving"].size(); ++r) {
        const auto& sheetRow = receiving.rows[r + 1];
        const auto& csvRow = csvEvents["receiving"][r];
        CHECK(sheetRow[0].text == csvRow[2]);    // TLC
        CHECK(sheetRow[1].text == csvRow[5]);    // quantity, a number cell
        CHECK(sheetRow[1].number);
        CHECK(sheetRow[2].text == csvRow[6]);    // unit
        CHECK(sheetRow[3].text == csvRow[4]);    // product
        CHECK(sheetRow[4].text == csvRow[10]);   // immediate previous source
        CHECK(sheetRow[5].text == csvRow[7]);    // receiving location
        CHECK(sheetRow[6].number);               // a date cell: its serial day
        CHECK(sheetRow[8].text == csvRow[3]);    // supplier lot
        CHECK(sheetRow[9].text == csvRow[8]);
        CHECK(sheetRow[10].text == csvRow[9]);
        CHECK(sheetRow[11].text == csvRow[12]);  // movement id
    }
    const auto shipping = lotstation::storage::readSheet(fda, std::string("Shipping")).value();
    REQUIRE(shipping.rows.size() == csvEvents["shipping"].size() + 1);
    CHECK(shipping.rows[0][4].text == "Immediate Subsequent Recipient");
    for (std::size_t r = 0; r < csvEvents["shipping"].size(); ++r) {
        CHECK(shipping.rows[r + 1][0].text == csvEvents["shipping"][r][2]);
        CHECK(shipping.rows[r + 1][4].text == csvEvents["shipping"][r][11]);
        CHECK(shipping.rows[r + 1][10].text == csvEvents["shipping"][r][12]);
    }
    const auto transformation = lotstation::storage::readSheet(fda, std::string("Transformation")).value();
    REQUIRE(transformation.rows.size() > csvEvents["transformation"].size()); // one row per input lot
    CHECK(transformation.rows[0][0].text == "Input TLC");
    CHECK(transformation.rows[0][4].text == "New TLC");
    for (std::size_t r = 1; r < transformation.rows.size(); ++r) {
        const auto& row = transformation.rows[r];
        const auto run = row[11].text;
        const auto produced = std::find_if(csvEvents["transformation"].begin(), csvEvents["transformation"].end(),
                                           [&](const auto& e) { return e[9] == run; });
        REQUIRE(produced != csvEvents["transformation"].end());
        CHECK(row[4].text == (*produced)[2]);                            // new TLC
        CHECK((*produced)[10].find(row[0].text) != std::string::npos);   // the input is one the CSV lists
    }
}

TEST_CASE("cli: reports and exports as .xlsx; receipts 1,000x too large need confirming") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto valuation = cli.dir().file("valuation.xlsx");
    REQUIRE(cli.run({"report", "valuation", "--out", valuation.string()}).exitCode == 0);
    const auto sheet = lotstation::storage::readSheet(valuation).value();
    CHECK(sheet.rows[0][0].text == "lot");
    CHECK(sheet.rows[0][6].text == "value");
    CHECK(sheet.rows.size() > 1);
    const auto items = cli.dir().file("items.xlsx");
    REQUIRE(cli.run({"export", "items", items.string()}).exitCode == 0);
    const auto preview = cli.run({"import", "items", items.string(), "--dry-run"});
    CHECK(preview.exitCode == 1); // every SKU exists already: refused, nothing written
    CHECK(preview.err.find("sheet 'items', row 2") != std::string::npos);

    const auto stock = cli.run({"--json", "stock", "OLIVE-OIL"}).json();
    REQUIRE_FALSE(stock.empty());
    const auto huge = cli.run({"receive", "OLIVE-OIL", "99999999kg", "--supplier", "OLIVA", "--supplier-lot", "BIG"});
    CHECK(huge.exitCode == 1);
    CHECK(huge.err.find("--confirm-large") != std::string::npos);
    CHECK(cli.run({"receive", "OLIVE-OIL", "99999999kg", "--supplier", "OLIVA", "--supplier-lot", "BIG",
                   "--confirm-large"}).exitCode == 0);
}
