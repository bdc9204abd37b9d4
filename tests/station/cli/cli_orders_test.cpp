// Sales orders typed the way the README shows them: an order, shipments against it (by --order and by --ref),
// what it refuses, and the margins counting the order's price.
#include "cli_test_support.hpp"

#include <fstream>

using lotstation::test::CliFixture;

namespace {

std::string must(const CliFixture& cli, const std::vector<std::string>& args) {
    const auto outcome = cli.run(args);
    INFO(outcome.err);
    REQUIRE(outcome.exitCode == 0);
    return outcome.out;
}

std::string refused(const CliFixture& cli, const std::vector<std::string>& args) {
    const auto outcome = cli.run(args);
    CHECK(outcome.exitCode == 1);
    return outcome.err;
}

} // namespace

TEST_CASE("cli: order add, ship --order / --ref, show, list --open, cancel, margins at the order's price") {
    CliFixture cli;
    for (const auto& step : std::vector<std::vector<std::string>>{
             {"init", "--station", "Bench", "--short-code", "C"},
             {"location", "add", "FG", "--name", "Finished", "--kind", "finished"},
             {"supplier", "add", "SELF", "--name", "Ourselves"},
             {"customer", "add", "SHOP1", "--name", "Corner shop"},
             {"customer", "add", "SHOP2", "--name", "Market stall"},
             {"user", "add", "ana", "--role", "operator"},
             {"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--kind", "finished", "--location", "FG"},
             {"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "FG"}})
        must(cli, step);
    const auto received = must(cli, {"receive", "BAR", "100", "--supplier", "SELF", "--supplier-lot", "S-1",
                                     "--unit-cost", "1.50/pc"});
    const auto bars = received.substr(0, received.find('\n'));

    const auto added = must(cli, {"order", "add", "R-1042", "--customer", "SHOP1", "--due", "2026-12-20",
                                  "BAR=48@4.25", "OIL=2.5kg@12/kg"});
    CHECK(added.find("Order R-1042 for SHOP1, due 2026-12-20 (open)") != std::string::npos);
    CHECK(added.find("BAR  48 pc at USD 4.25/pc, shipped 0 pc") != std::string::npos);
    CHECK(added.find("OIL  2.5 kg at USD 12.00/kg, shipped 0 g") != std::string::npos);
    CHECK(refused(cli, {"--user", "ana", "order", "add", "R-1", "--customer", "SHOP1", "BAR=1@1"}) ==
          "lotstation: ana is an operator: recording an order needs a supervisor\n");
    CHECK(refused(cli, {"order", "add", "R-1042", "--customer", "SHOP1", "BAR=1@1"}).find("already exists") !=
          std::string::npos);
    CHECK(refused(cli, {"order", "add", "R-1", "--customer", "SHOP1", "BAR:1"}).find("SKU=QTY@PRICE") !=
          std::string::npos);

    const auto shipped = must(cli, {"--user", "ana", "ship", bars, "24", "--order", "R-1042"});
    CHECK(shipped.find("Order R-1042, BAR: 24 of 48 shipped") != std::string::npos);
    must(cli, {"ship", bars, "4", "--customer", "SHOP1", "--ref", "R-1042", "--price", "5/pc"});
    must(cli, {"ship", bars, "10", "--customer", "SHOP2", "--ref", "FREE-TEXT"}); // not an order: as before

    CHECK(refused(cli, {"ship", bars, "21", "--order", "R-1042"}).find("20 pc left, not 21 pc") != std::string::npos);
    CHECK(refused(cli, {"ship", bars, "1", "--customer", "SHOP2", "--order", "R-1042"}).find("is SHOP1's, not SHOP2's") !=
          std::string::npos);
    CHECK(refused(cli, {"ship", bars, "1"}).find("ship needs --customer or --order") != std::string::npos);

    const auto show = cli.run({"--json", "order", "show", "r-1042"});
    REQUIRE(show.exitCode == 0);
    const auto order = show.json();
    CHECK(order["customer"] == "SHOP1");
    CHECK(order["lines"][0]["sku"] == "BAR");
    CHECK(order["lines"][0]["shipped"] == 28);
    CHECK(order["lines"][0]["unit_price_micros"] == 4'250'000);
    CHECK(order["open"] == true);

    const auto margins = cli.run({"--json", "report", "margins", "--by", "customer"});
    REQUIRE(margins.exitCode == 0);
    const auto rows = margins.json();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["customer"] == "SHOP1");
    CHECK(rows[0]["revenue_micros"] == 24 * 4'250'000 + 4 * 5'000'000);
    CHECK(rows[0]["margin_micros"] == 24 * 4'250'000 + 4 * 5'000'000 - 28 * 1'500'000);

    must(cli, {"order", "add", "R-1043", "--customer", "SHOP2", "BAR=5@4"});
    CHECK(must(cli, {"order", "list", "--open"}).find("R-1043  SHOP2  no due date  open") != std::string::npos);
    must(cli, {"order", "amend", "R-1042", "BAR=28@4.25", "OIL=0@12"});
    CHECK(must(cli, {"order", "show", "R-1042"}).find("Order R-1042: 28 of 28 shipped (complete)") != std::string::npos);
    const auto cancelled = must(cli, {"order", "cancel", "R-1043", "--reason", "customer changed mind"});
    CHECK(cancelled.find("(cancelled)") != std::string::npos);
    CHECK(refused(cli, {"ship", bars, "1", "--order", "R-1043"}).find("is cancelled") != std::string::npos);
    CHECK(must(cli, {"order", "list", "--open"}) == "no orders\n");
    CHECK(must(cli, {"order", "list"}).find("R-1042  SHOP1  due 2026-12-20  complete") != std::string::npos);
    CHECK(cli.run({"verify"}).exitCode == 0);
}

TEST_CASE("cli: import orders from a file: rows of one reference make one order, all or none, dry run first") {
    CliFixture cli;
    for (const auto& step : std::vector<std::vector<std::string>>{
             {"init", "--station", "Bench", "--short-code", "C"},
             {"location", "add", "FG", "--name", "Finished", "--kind", "finished"},
             {"customer", "add", "SHOP1", "--name", "Corner shop"},
             {"customer", "add", "SHOP2", "--name", "Market stall"},
             {"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--kind", "finished", "--location", "FG"},
             {"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "FG"}})
        must(cli, step);
    const auto write = [&](const std::string& name, const std::string& text) {
        const auto path = cli.dir().file(name);
        std::ofstream(path) << text;
        return path.string();
    };
    // Headers as people write them; a unit column beside bare numbers; the due date on the first row only.
    const auto good = write("orders.csv", "Order number,Customer,SKU,Qty,Unit,Unit price,Due date\n"
                                          "R-1,SHOP1,BAR,48,pc,4.25,2026-12-20\n"
                                          "R-1,SHOP1,OIL,2.5,kg,12,\n"
                                          "R-2,SHOP2,BAR,12,,4.40/pc,\n");
    CHECK(must(cli, {"import", "orders", good, "--dry-run"}) ==
          "would import 2 orders (3 lines) from " + good + "\n(dry run: nothing was written)\n");
    CHECK(must(cli, {"order", "list"}) == "no orders\n");
    CHECK(must(cli, {"import", "orders", good}) == "imported 2 orders (3 lines) from " + good + "\n");
    const auto shown = must(cli, {"order", "show", "R-1"});
    CHECK(shown.find("Order R-1 for SHOP1, due 2026-12-20 (open)") != std::string::npos);
    CHECK(shown.find("OIL  2.5 kg at USD 12.00/kg, shipped 0 g") != std::string::npos);

    // Every bad row is named; nothing of the good rows beside them is written.
    const auto bad = write("bad.csv", "order,customer,sku,quantity,price\n"
                                      "R-3,SHOP1,BAR,5,1\n"
                                      "R-3,SHOP2,BAR,5,1\n"
                                      "R-4,SHOP1,NOPE,1,1\n"
                                      "R-5,NOBODY,BAR,1,1\n");
    const auto why = refused(cli, {"import", "orders", bad});
    CHECK(why.find("line 3, column 'customer': order R-3 is for SHOP1 (line 2), not SHOP2") != std::string::npos);
    CHECK(why.find("line 4: ") != std::string::npos);
    CHECK(why.find("line 5, column 'customer': no customer 'NOBODY'") != std::string::npos);
    // A reference already on record refuses the whole file.
    CHECK(refused(cli, {"import", "orders", good}).find("order R-1 (line 2): ") != std::string::npos);
    const auto listed = must(cli, {"order", "list"});
    CHECK(listed.find("R-3") == std::string::npos);
    CHECK(listed.find("R-2") != std::string::npos);
}
