// Quality control through the real command line: the whole story, with the words a person reads.
#include "cli_test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using lotstation::test::CliFixture;

namespace {

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("cli quality: quarantine, inspect, refuse, re-test, signed release, consume, documents, verify") {
    CliFixture cli;
    REQUIRE(cli.run({"init", "--station", "Dock", "--short-code", "A"}).exitCode == 0);
    REQUIRE(cli.run({"user", "add", "quinn", "--role", "qa", "--pin", "4321"}).exitCode == 0);
    REQUIRE(cli.run({"user", "add", "vic", "--role", "supervisor", "--pin", "9999"}).exitCode == 0);
    REQUIRE(cli.run({"location", "add", "STORE", "--name", "Store"}).exitCode == 0);
    REQUIRE(cli.run({"location", "add", "MIX", "--name", "Mixing", "--kind", "workstation"}).exitCode == 0);
    REQUIRE(cli.run({"supplier", "add", "OLIVA", "--name", "Oliva Mills"}).exitCode == 0);
    REQUIRE(cli.run({"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "STORE"}).exitCode == 0);
    REQUIRE(cli.run({"item", "add", "BAR", "--name", "Soap bar", "--uom", "pc", "--kind", "finished"}).exitCode == 0);
    REQUIRE(cli.run({"recipe", "set", "BAR", "--per", "10", "OIL=1kg"}).exitCode == 0);

    CHECK(cli.run({"item", "qc", "OIL", "--on", "receipt"}).out == "OIL: QC on receipt\n");
    REQUIRE(cli.run({"spec", "set", "OIL", "acid", "--min", "0", "--max", "0.8", "--unit", "%", "--method",
                     "ISO 660"}).exitCode == 0);
    REQUIRE(cli.run({"spec", "set", "OIL", "seal", "--pass-fail"}).exitCode == 0);
    const auto spec = cli.run({"spec", "show", "OIL"});
    CHECK(contains(spec.out, "OIL specification version 2"));
    CHECK(contains(spec.out, "acid 0–0.8 %  [method: ISO 660]"));
    CHECK(contains(spec.out, "seal pass/fail"));
    // a spec without its kind is a sentence
    CHECK(cli.run({"spec", "set", "OIL", "colour"}).err ==
          "lotstation: say what kind of test colour is: --pass-fail, --min/--max with --unit, or --text\n");

    const auto received = cli.run({"receive", "OIL", "5kg", "--supplier", "OLIVA", "--supplier-lot", "OM-9"});
    REQUIRE(received.exitCode == 0);
    const auto lot = received.firstLine();
    CHECK(contains(cli.run({"qc", "pending"}).out, lot + "  OIL  5 kg  waiting 0 h  not inspected"));

    const auto run = cli.run({"run", "start", "BAR", "--planned", "10", "--workstation", "MIX"}).firstLine();
    const auto consumeWithSupervisor = cli.run({"run", "consume", run, lot, "1kg", "--override-reason", "urgent",
                                                "--supervisor", "vic", "--supervisor-pin", "9999"});
    CHECK(consumeWithSupervisor.exitCode == 1);
    CHECK(contains(consumeWithSupervisor.err, "is in quarantine: only a QC release ends it: no supervisor can override this"));

    const auto coa = cli.dir().file("coa.pdf");
    writeFile(coa, "%PDF-1.4\n% certificate of analysis OM-9\n");
    const auto failing = cli.run({"inspect", lot, "acid=0.95", "seal=pass", "--sample", "2", "--note", "drum 1",
                                  "--attach", coa.string(), "--by", "quinn", "--pin", "4321"});
    REQUIRE(failing.exitCode == 0);
    CHECK(contains(failing.out, ": FAIL"));
    CHECK(contains(failing.out, "acid = 0.95  FAIL"));

    const auto refused = cli.run({"qc", "release", lot, "--by", "quinn", "--pin", "4321"});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err == "lotstation: lot " + lot +
                             " cannot be released: test acid failed (0.95; acid 0–0.8 %). Re-test, or release "
                             "with a signed deviation and its reason\n");
    CHECK(cli.run({"inspect", lot, "acid=abc", "--by", "quinn", "--pin", "4321"}).err ==
          "lotstation: acid: 'abc' is not a number (digits, one optional '.'; in %)\n");
    REQUIRE(cli.run({"inspect", lot, "acid=0.5", "--by", "quinn", "--pin", "4321"}).exitCode == 0);
    CHECK(cli.run({"qc", "release", lot, "--by", "vic", "--pin", "9999"}).err ==
          "lotstation: vic is a supervisor: a QC release or rejection needs the qa role (quality is independent "
          "of production)\n");
    CHECK(cli.run({"qc", "release", lot, "--by", "quinn", "--pin", "1111"}).err == "lotstation: wrong user or PIN\n");
    const auto released = cli.run({"qc", "release", lot, "--by", "quinn", "--pin", "4321"});
    REQUIRE(released.exitCode == 0);
    CHECK(contains(released.out, "released  by quinn: \"I release lot " + lot + " for use\""));
    CHECK(cli.run({"run", "consume", run, lot, "1kg"}).exitCode == 0);

    const auto signatures = cli.run({"--json", "signatures", lot}).json();
    REQUIRE(signatures.size() == 3);
    CHECK(signatures[0]["meaning"] == "performed");
    CHECK(signatures[2]["meaning"] == "released");
    CHECK(signatures[2]["printed_name"] == "quinn");

    // documents: listed, written out byte for byte; a PNG named .pdf is refused
    const auto out = cli.dir().file("exported");
    const auto listed = cli.run({"--json", "attachments", lot, "--out", out.string()}).json();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["type"] == "pdf");
    CHECK(readFile(listed[0]["written_to"].get<std::string>()) == readFile(coa));
    const auto fake = cli.dir().file("fake.pdf");
    writeFile(fake, std::string("\x89PNG\r\n\x1a\n", 8) + "pixels");
    CHECK(cli.run({"attach", lot, fake.string(), "--kind", "coa"}).err ==
          "lotstation: fake.pdf is not a PDF: its content is a png file\n");
    CHECK(cli.run({"--json", "attachments", lot}).json().size() == 1);
    CHECK(cli.run({"qc", "release", lot, "--by", "quinn", "--pin", "4321"}).err ==
          "lotstation: lot " + lot + " is available, not in quarantine: there is no QC decision to make\n");
    CHECK(cli.run({"verify"}).exitCode == 0);
}

TEST_CASE("cli quality: partial acceptance and return of the rejected part") {
    CliFixture cli;
    REQUIRE(cli.run({"init", "--station", "Dock", "--short-code", "A"}).exitCode == 0);
    REQUIRE(cli.run({"user", "add", "quinn", "--role", "qa", "--pin", "4321"}).exitCode == 0);
    REQUIRE(cli.run({"location", "add", "STORE", "--name", "Store"}).exitCode == 0);
    REQUIRE(cli.run({"supplier", "add", "OLIVA", "--name", "Oliva Mills"}).exitCode == 0);
    REQUIRE(cli.run({"item", "add", "OIL", "--name", "Olive oil", "--uom", "g", "--location", "STORE"}).exitCode == 0);
    REQUIRE(cli.run({"item", "qc", "OIL", "--on", "both"}).exitCode == 0);
    const auto lot = cli.run({"receive", "OIL", "10kg", "--supplier", "OLIVA", "--supplier-lot", "OM-1"}).firstLine();
    const auto split = cli.run({"--json", "qc", "reject", lot, "--reason", "drum 3 dented", "--accept", "6kg",
                                "--by", "quinn", "--pin", "4321"});
    REQUIRE(split.exitCode == 0);
    const auto rejected = split.json()["rejected_lot"].get<std::string>();
    CHECK(rejected == lot + "-R");
    CHECK(cli.run({"--json", "lot", "show", rejected}).exitCode == 0);
    // the recall report tells the quality story of the affected lots, by reference
    const auto recall = cli.run({"recall", lot});
    REQUIRE(recall.exitCode == 0);
    CHECK(contains(recall.out, "quality records:"));
    CHECK(contains(recall.out, rejected + "  rejected by quinn: I reject lot " + rejected + ": drum 3 dented"));
    CHECK(contains(recall.out, lot + "  released by quinn: I release lot " + lot + " for use"));
    const auto returned = cli.run({"qc", "return", rejected, "--reason", "dented drum"});
    REQUIRE(returned.exitCode == 0);
    CHECK(contains(returned.out, "OLIVA"));
    CHECK(cli.run({"qc", "return", lot, "--reason", "x"}).err ==
          "lotstation: lot " + lot + " is available, not rejected: only a rejected lot goes back to its supplier\n");
    CHECK(cli.run({"verify"}).exitCode == 0);
}
