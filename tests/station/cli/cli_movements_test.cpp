#include "cli_test_support.hpp"

using lotstation::test::CliFixture;

TEST_CASE("cli: a command on a missing ledger says how to create one") {
    CliFixture cli;
    const auto outcome = cli.run({"stock"});
    CHECK(outcome.exitCode != 0);
    const auto verify = cli.run({"verify"});
    CHECK(verify.exitCode == 1);
    CHECK(verify.err.find("lotstation init") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 and name the problem") {
    CliFixture cli;
    const auto outcome = cli.run({"receive", "OLIVE-OIL"});
    CHECK(outcome.exitCode == 2);
    CHECK(outcome.err.find("required") != std::string::npos);
    CHECK(cli.run({"no-such-command"}).exitCode == 2);
}

TEST_CASE("cli: init, master data, receive, run, ship, verify") {
    CliFixture cli;
    REQUIRE(cli.run({"init", "--station", "Dock tablet", "--short-code", "A"}).exitCode == 0);
    REQUIRE(cli.run({"location", "add", "STORE", "--name", "Store"}).exitCode == 0);
    REQUIRE(cli.run({"location", "add", "FG", "--name", "Finished", "--kind", "finished"}).exitCode == 0);
    REQUIRE(cli.run({"supplier", "add", "OLIVA", "--name", "Oliva Mills"}).exitCode == 0);
    REQUIRE(cli.run({"customer", "add", "SHOP", "--name", "Corner shop"}).exitCode == 0);
    REQUIRE(cli.run({"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "STORE"})
                .exitCode == 0);
    REQUIRE(cli.run({"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--kind", "finished",
                     "--shelf-life-days", "365", "--location", "FG"})
                .exitCode == 0);
    REQUIRE(cli.run({"recipe", "set", "BAR", "--per", "10", "OIL=1kg"}).exitCode == 0);

    const auto received = cli.run({"receive", "OIL", "2.5kg", "--supplier", "OLIVA", "--supplier-lot", "OM-1",
                                   "--expires", "2030-01-31", "--unit-cost", "4.00/kg"});
    REQUIRE(received.exitCode == 0);
    const auto oilLot = received.firstLine();
    CHECK(oilLot.find("OIL-") == 0);

    // Receiving the same supplier lot again adds to it and names the same lot.
    const auto again =
        cli.run({"--json", "receive", "OIL", "500g", "--supplier", "OLIVA", "--supplier-lot", "OM-1"});
    REQUIRE(again.exitCode == 0);
    CHECK(again.json()["lot_code"] == oilLot);
    CHECK(again.json()["added_to_existing_lot"] == true);

    const auto run = cli.run({"run", "start", "BAR", "--planned", "20"});
    REQUIRE(run.exitCode == 0);
    const auto runCode = run.firstLine();
    REQUIRE(cli.run({"run", "consume", runCode, oilLot, "2kg"}).exitCode == 0);

    // More than on hand is refused, with the reason, and nothing is written.
    const auto tooMuch = cli.run({"run", "consume", runCode, oilLot, "5kg"});
    CHECK(tooMuch.exitCode == 1);
    CHECK_FALSE(tooMuch.err.empty());

    const auto finished = cli.run({"run", "finish", runCode, "19"});
    REQUIRE(finished.exitCode == 0);
    const auto barLot = finished.firstLine();
    CHECK(barLot.find("BAR-") == 0);

    CHECK(cli.run({"ship", barLot, "12", "--customer", "SHOP", "--ref", "SO-1"}).exitCode == 0);
    const auto overShip = cli.run({"ship", barLot, "8", "--customer", "SHOP"});
    CHECK(overShip.exitCode == 1);

    const auto verify = cli.run({"--json", "verify"});
    CHECK(verify.exitCode == 0);
    CHECK(verify.json()["ok"] == true);
    CHECK(verify.json()["movements"] == 5);
}

TEST_CASE("cli: quantities that do not fit the item are refused") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto volume =
        cli.run({"receive", "OLIVE-OIL", "750ml", "--supplier", "OLIVA", "--supplier-lot", "Z"});
    CHECK(volume.exitCode == 1);
    CHECK(volume.err.find("volume") != std::string::npos);
    const auto fraction =
        cli.run({"receive", "BOX-BAR", "2.5", "--supplier", "PACKIT", "--supplier-lot", "Z"});
    CHECK(fraction.exitCode == 1);
    const auto badDate = cli.run(
        {"receive", "LYE", "1kg", "--supplier", "LYECO", "--supplier-lot", "Z", "--expires", "2026-02-30"});
    CHECK(badDate.exitCode == 1);
    CHECK(badDate.err.find("not a date") != std::string::npos);
}

TEST_CASE("cli: consuming a held lot needs a supervisor's override") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto received =
        cli.run({"receive", "OLIVE-OIL", "5kg", "--supplier", "OLIVA", "--supplier-lot", "HOLD-ME"});
    REQUIRE(received.exitCode == 0);
    const auto lot = received.firstLine();
    REQUIRE(cli.run({"--user", "sam", "hold", lot, "--reason", "smells off"}).exitCode == 0);
    const auto run = cli.run({"--user", "ana", "run", "start", "SOAP-BASE", "--planned", "10kg"});
    REQUIRE(run.exitCode == 0);
    const auto refused = cli.run({"--user", "ana", "run", "consume", run.firstLine(), lot, "1kg"});
    CHECK(refused.exitCode == 1);
    const auto wrongPin =
        cli.run({"--user", "ana", "run", "consume", run.firstLine(), lot, "1kg", "--override-reason",
                 "lab cleared it", "--supervisor", "sam", "--supervisor-pin", "9999"});
    CHECK(wrongPin.exitCode == 1);
    const auto overridden =
        cli.run({"--user", "ana", "--json", "run", "consume", run.firstLine(), lot, "1kg",
                 "--override-reason", "lab cleared it", "--supervisor", "sam", "--supervisor-pin", "2222"});
    REQUIRE(overridden.exitCode == 0);
    CHECK(overridden.json()["approved_by"] == "sam");
}
