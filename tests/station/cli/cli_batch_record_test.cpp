// The electronic batch record through the real command line: the soap maker's known-answer batch, its PDF read
// back with pdftotext, its JSON re-read and matched to the ledger.
#include "cli_test_support.hpp"

#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/ledger.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>

using lotstation::test::CliFixture;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string pdfText(const std::filesystem::path& pdf) {
    std::string out;
    FILE* pipe = popen(("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (auto n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
    pclose(pipe);
    return out;
}

std::string procedureFile() {
    return std::string(LOTSTATION_SOURCE_DIR) + "/tests/storage/batch/soap_procedure.json";
}

// The soap maker of the storage tests, set up by command.
void setUpSoapMaker(const CliFixture& cli) {
    auto ok = [&](std::vector<std::string> args) {
        const auto outcome = cli.run(args);
        INFO(outcome.err);
        REQUIRE(outcome.exitCode == 0);
    };
    ok({"init", "--station", "Soap room", "--short-code", "A", "--admin", "admin", "--pin", "0000"});
    ok({"user", "add", "pat", "--pin", "1111", "--user", "admin"});
    ok({"user", "add", "vic", "--role", "supervisor", "--pin", "9999", "--user", "admin"});
    ok({"user", "add", "quinn", "--role", "qa", "--pin", "4321", "--user", "admin"});
    ok({"location", "add", "STORE", "--name", "Store"});
    ok({"location", "add", "MIX", "--name", "Mixing bench", "--kind", "workstation"});
    ok({"location", "add", "FG", "--name", "Finished goods", "--kind", "finished"});
    ok({"supplier", "add", "OILCO", "--name", "Oil Co"});
    for (const auto& [sku, name, uom] : {std::tuple{"SOAP-OIL", "Olive oil", "g"}, std::tuple{"COCONUT", "Coconut oil", "g"},
                                         std::tuple{"SHEA", "Shea butter", "g"}, std::tuple{"LYE", "Sodium hydroxide", "g"},
                                         std::tuple{"WATER", "Distilled water", "g"}, std::tuple{"LAV", "Lavender oil", "ml"}}) {
        ok({"item", "add", sku, "--name", name, "--uom", uom, "--location", "STORE"});
        ok({"receive", sku, std::string(uom) == "ml" ? "1l" : "20kg", "--supplier", "OILCO", "--supplier-lot",
            std::string(sku) + "-S1", "--expires", "2027-12-31", "--lot", std::string(sku) + "-L1"});
    }
    ok({"item", "add", "BAR", "--name", "Lavender soap bar", "--uom", "pc", "--kind", "finished", "--location", "FG",
        "--shelf-life-days", "365"});
    ok({"item", "qc", "BAR", "--on", "release"});
    ok({"recipe", "set", "BAR", "--per", "100", "SOAP-OIL=6kg", "COCONUT=2.5kg", "SHEA=1.5kg", "LYE=1.4kg",
        "WATER=3.3kg", "LAV=50ml"});
}

} // namespace

TEST_CASE("cli batch record: the soap batch step by step, its PDF and JSON") {
    CliFixture cli;
    setUpSoapMaker(cli);
    CHECK(cli.run({"recipe", "procedure", "BAR", procedureFile()}).out == "BAR: procedure version 1, 10 steps\n");
    const auto shown = cli.run({"recipe", "procedure", "BAR", "--show", "--version", "1"});
    CHECK(contains(shown.out, "5. weigh: Weigh Sodium hydroxide (verified by a second person)"));
    CHECK(cli.run({"run", "start", "BAR", "--planned", "100", "--workstation", "MIX", "--run", "RUN-1", "--user", "pat"})
              .out == "RUN-1\n");
    auto step = [&](std::vector<std::string> extra, const std::string& by = "pat", const std::string& pin = "1111") {
        std::vector<std::string> args{"run", "step", "RUN-1"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), {"--by", by, "--pin", pin});
        return cli.run(args);
    };
    CHECK(step({}).out == "I performed step 1 (Line clearance) of run RUN-1 (signed pat, performed)\n");
    CHECK(step({"--lot", "SOAP-OIL-L1", "--quantity", "6.01kg"}).exitCode == 0);
    const auto outside = step({"--lot", "COCONUT-L1", "--quantity", "2.6kg"});
    CHECK(outside.exitCode == 1);
    CHECK(outside.err == "lotstation: step 3 (Weigh Coconut oil): 2.6 kg is outside 2.475 kg–2.525 kg (target 2.5 kg "
                         "± 1%). A supervisor records a deviation on this step first (a reason and a signature)\n");
    CHECK(cli.run({"run", "deviation", "RUN-1", "3", "--reason", "over-poured; superfat 6 %", "--by", "vic", "--pin",
                   "9999"}).out ==
          "I approve a deviation on step 3 (Weigh Coconut oil) of run RUN-1 (signed vic, approved-deviation)\n");
    CHECK(contains(step({"--lot", "COCONUT-L1", "--quantity", "2.6kg"}).out, "under the approved deviation"));
    CHECK(step({"--lot", "SHEA-L1", "--quantity", "1.5kg"}).exitCode == 0);
    CHECK(step({"5", "--lot", "LYE-L1", "--quantity", "1402g"}).exitCode == 0);
    CHECK(cli.run({"run", "verify", "RUN-1", "5", "--by", "pat", "--pin", "1111"}).err ==
          "lotstation: pat performed step 5 (Weigh Sodium hydroxide): a second, different person verifies it\n");
    CHECK(cli.run({"run", "verify", "RUN-1", "5", "--by", "vic", "--pin", "9999"}).exitCode == 0);

    const auto progress = cli.dir().file("progress.pdf");
    CHECK(contains(cli.run({"run", "record", "RUN-1", "--out", progress.string()}).out, "(IN PROGRESS)"));
    const auto progressText = pdfText(progress);
    std::size_t inProgress = 0;
    for (auto at = progressText.find("· IN PROGRESS"); at != std::string::npos; at = progressText.find("· IN PROGRESS", at + 1))
        ++inProgress;
    CHECK(inProgress == static_cast<std::size_t>(std::ranges::count(progressText, '\f')));
    CHECK(contains(progressText, "Batch RUN-1 · lot (not yet made) · IN PROGRESS"));

    CHECK(step({"--lot", "WATER-L1", "--quantity", "3.3kg"}).exitCode == 0);
    CHECK(step({"--lot", "LAV-L1", "--quantity", "50ml"}).exitCode == 0);
    CHECK(step({"--value", "50"}).exitCode == 1);
    CHECK(step({"--value", "38.5"}).exitCode == 0);
    CHECK(step({"--value", "28"}).exitCode == 0);
    CHECK(cli.run({"run", "finish", "RUN-1", "98", "--by", "pat", "--pin", "1111"}).err ==
          "lotstation: run RUN-1 cannot finish: step 10 (Pack and label) is open\n");
    CHECK(step({}).exitCode == 0);
    const auto finished = cli.run({"--json", "run", "finish", "RUN-1", "98", "--labels-printed", "100",
                                   "--labels-destroyed", "2", "--by", "pat", "--pin", "1111"});
    REQUIRE(finished.exitCode == 0);
    const std::string lot = finished.json()["lot_code"];
    CHECK(finished.json()["yield_percent"] == "98.00");
    REQUIRE(cli.run({"qc", "release", lot, "--by", "quinn", "--pin", "4321"}).exitCode == 0);

    const auto pdf = cli.dir().file("record.pdf");
    const auto json = cli.dir().file("record.json");
    REQUIRE(cli.run({"run", "record", "RUN-1", "--out", pdf.string()}).exitCode == 0);
    REQUIRE(cli.run({"run", "record", "RUN-1", "--out", json.string()}).exitCode == 0);
    const auto record = nlohmann::json::parse(readFile(json));
    const std::string hash = record["record_hash"];
    const auto text = pdfText(pdf);
    // Every field DOMAIN.md §3 lists, and every signature.
    for (const std::string& field : std::vector<std::string>{"Batch production record: RUN-1", "Lavender soap bar (BAR)", "finished lot " + lot,
          "procedure of BAR version 1", "Line / workstation MIX", "Stick blender SB-2", "Started ", "by pat",
          "Line clearance and start-up checks", "bench and moulds clean", "SOAP-OIL-L1", "SOAP-OIL-S1", "2027-12-31",
          "6.01 kg", "1.402 kg", "Verified by", "38.5 °C", "temperature 35–45 °C", "cure time ≥ 28 d",
          "yield 98.00 % of theoretical (limits 95–102 %)", "100 issued (printed), 98 used, 2 destroyed",
          "over-poured; superfat 6 %", "weighed 2.6 kg of COCONUT-L1, outside tolerance",
          "QA released by quinn", "I release lot " + lot + " for use", "Genealogy: inputs → batch → outputs",
          "Batch RUN-1 · lot " + lot, "Record sha256:" + hash})
        CHECK_MESSAGE(contains(text, field), field);
    // The batch, the hash and "page x of y" on every page (pdftotext ends each page with a form feed).
    const auto pages = static_cast<int>(std::ranges::count(text, '\f'));
    CHECK(pages >= 2);
    for (int page = 1; page <= pages; ++page)
        CHECK(contains(text, "page " + std::to_string(page) + " of " + std::to_string(pages)));
    std::size_t marks = 0;
    for (auto at = text.find("Record sha256:" + hash); at != std::string::npos; at = text.find("Record sha256:" + hash, at + 1))
        ++marks;
    CHECK(marks == static_cast<std::size_t>(pages));
    CHECK_FALSE(contains(text, "IN PROGRESS"));
    CHECK(text.find("Deviations (review by exception)") < text.find("Steps (10)"));
    for (const auto& signature : record["signatures"]) {
        const std::string statement = signature["statement"];
        CHECK_MESSAGE(contains(text, statement), statement);
    }

    // The JSON re-read and matched to the ledger.
    auto ledger = lotstation::storage::Ledger::open(cli.dir().file("station.db"));
    REQUIRE(ledger);
    const auto entries = lotstation::storage::batchEntries(*ledger, "RUN-1");
    REQUIRE(entries);
    std::vector<std::string> fromJson;
    for (const auto& s : record["steps"]) {
        for (const auto& e : s["performed"]) fromJson.push_back(e["hash"]);
        for (const auto& e : s["verifications"]) fromJson.push_back(e["hash"]);
    }
    for (const auto& d : record["deviations"]) CHECK(d["signature"]["meaning"] == "approved-deviation");
    CHECK(record["finish"]["labels_destroyed"] == 2);
    CHECK(record["run"]["output_lot"] == lot);
    std::size_t matched = 0;
    for (const auto& e : *entries)
        if (std::ranges::find(fromJson, e.hash) != fromJson.end()) ++matched;
    CHECK(matched == fromJson.size());
    CHECK(fromJson.size() == 11); // 10 steps and the verification
    CHECK(record["signatures"].size() == 13); // 10 steps, a verification, a deviation, the finish
    CHECK(record["qa"].size() == 1);
    const auto fresh = lotstation::storage::batchRecord(*ledger, "RUN-1");
    REQUIRE(fresh);
    CHECK(fresh->hash == hash);
}

TEST_CASE("cli batch record: a bad procedure file and a finish without a signature are sentences") {
    CliFixture cli;
    setUpSoapMaker(cli);
    const auto bad = cli.dir().file("bad.json");
    std::ofstream(bad) << "{\n  \"per\": \"100\",\n  \"yield\": {\"min\": \"95\" \"max\": \"102\"}\n}\n";
    CHECK(cli.run({"recipe", "procedure", "BAR", bad.string()}).err ==
          "lotstation: the procedure file is not JSON at line 3, column 29\n");
    CHECK(cli.run({"recipe", "procedure", "BAR", "--show"}).err ==
          "lotstation: BAR has no procedure (master batch record)\n");
    REQUIRE(cli.run({"recipe", "procedure", "BAR", procedureFile()}).exitCode == 0);
    REQUIRE(cli.run({"run", "start", "BAR", "--planned", "100", "--run", "RUN-2", "--user", "pat"}).exitCode == 0);
    CHECK(contains(cli.run({"run", "finish", "RUN-2", "98"}).err, "a signature needs a name or badge"));
    // Its inputs go in through its signed weigh steps only: a plain consume is refused, nothing written.
    const auto consumed = cli.run({"run", "consume", "RUN-2", "NO-SUCH-LOT", "1kg"});
    CHECK(consumed.err == "lotstation: run RUN-2 follows its batch record: weigh its inputs with `lotstation run step "
                          "RUN-2 --lot LOT --quantity Q --by NAME --pin PIN`\n");
    CHECK(consumed.exitCode != 0);
    CHECK(cli.run({"run", "deviation", "RUN-2", "two", "--reason", "x", "--by", "vic", "--pin", "9999"}).err ==
          "lotstation: 'two' is not a step number (1, 2, ...) or 'finish'\n");
    CHECK(cli.run({"run", "record", "RUN-2", "--out", cli.dir().file("r.txt").string()}).err ==
          "lotstation: " + cli.dir().file("r.txt").string() + ": the record is written as FILE.pdf or FILE.json\n");
}
