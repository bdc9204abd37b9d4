// The bad input table: every entry point that exists, fed what tired people, sloppy scanners and broken disks
// produce. Each row names the input, the message the person sees (asserted), and proves nothing was written:
// the ledger's snapshot (movements, balances, lot status, master data, verify) is the same before and after.
#include "ledger_fixture.hpp"
#include "lotstation/scan/interpreter.hpp"

#include <string>
#include <vector>

namespace {

using lotstation::test::HardeningLedger;

struct CliRow {
    const char* what;
    std::vector<std::string> args;
    int exitCode;        // 1 refused / failed, 2 usage error
    const char* message; // must appear in what the person sees (stderr)
};

void runTable(const std::vector<CliRow>& rows) {
    HardeningLedger ledger;
    const auto before = ledger.snapshot();
    for (const auto& row : rows) {
        const auto outcome = ledger.run(row.args);
        INFO(std::string(row.what) << " -> exit " << outcome.exitCode << ", says: " << outcome.err);
        CHECK(outcome.exitCode == row.exitCode);
        CHECK(outcome.err.find(row.message) != std::string::npos);
        CHECK(outcome.out.empty());
        CHECK(ledger.snapshot() == before);
    }
}

const std::vector<std::string> kReceiveOil{"receive", "OIL", "--supplier", "SUP", "--supplier-lot", "S-9"};

std::vector<std::string> receiveOil(const std::string& quantity, std::vector<std::string> extra = {}) {
    auto args = kReceiveOil;
    args.insert(args.begin() + 2, quantity);
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

} // namespace

// The keypad itself (on-screen and keyboard) is bad_keypad_test.cpp; these are the same quantities typed on
// the command line.
TEST_CASE("bad input: quantities typed on the command line") {
    runTable({
        {"decimal comma", receiveOil("2,5kg"), 1, "unit ',5kg' is not known"},
        {"volume for a mass item", receiveOil("750ml"), 1, "750ml is volume; OIL is measured in g"},
        {"finer than a milligram", receiveOil("0.0001g"), 1, "finer than 1 mg"},
        {"overflow", receiveOil("99999999999999999999kg"), 1, "too large a quantity"},
        {"empty", receiveOil(""), 1, "no quantity given"},
        {"letters", receiveOil("abc"), 1, "'abc' is not a quantity"},
        {"exponent", receiveOil("1e3g"), 1, "unit 'e3g' is not known"},
        {"unknown unit", receiveOil("5 stone"), 1, "unit 'stone' is not known"},
        {"negative receipt", receiveOil("-5kg"), 1, "must be more than zero"},
        {"zero receipt", receiveOil("0"), 1, "must be more than zero"},
        {"fraction of a piece",
         {"receive", "BAR", "1.5", "--supplier", "SUP", "--supplier-lot", "S-8"},
         1,
         "whole pieces"},
        {"ship more than on hand",
         {"ship", HardeningLedger::kBarLot, "11", "--customer", "SHOP"},
         1,
         "only 10 pc of lot BAR-LOT-1 is at STORE; 11 pc asked"},
        {"move more than on hand",
         {"move", HardeningLedger::kOilLot, "3kg", "--to", "DOCK"},
         1,
         "only 2 kg of lot OIL-LOT-1 is at STORE; 3 kg asked"},
        {"scrap more than on hand",
         {"scrap", HardeningLedger::kOilLot, "2.5kg", "--reason", "spill"},
         1,
         "only 2 kg of lot OIL-LOT-1 is at STORE; 2.5 kg asked"},
        {"negative count", {"count", HardeningLedger::kBarLot, "-5"}, 1, "negative"},
    });
}

TEST_CASE("bad input: money and unit costs") {
    runTable({
        {"bare amount for a g item", receiveOil("1kg", {"--unit-cost", "4.20"}), 1, "say per what"},
        {"decimal comma", receiveOil("1kg", {"--unit-cost", "4,20/kg"}), 1, "is not a unit cost"},
        {"cost per volume for a mass item", receiveOil("1kg", {"--unit-cost", "4.20/l"}), 1,
         "is a cost per l; the item is measured in g"},
        {"seven decimals", receiveOil("1kg", {"--unit-cost", "0.0000001/g"}), 1,
         "'0.0000001/g': the amount has more than six decimals"},
        {"per nothing", receiveOil("1kg", {"--unit-cost", "4.20/"}), 1, "per what?"},
        {"overflow", receiveOil("1kg", {"--unit-cost", "99999999999999/g"}), 1,
         "'99999999999999/g' is too large a unit cost"},
        {"overflow after conversion to mg", receiveOil("1kg", {"--unit-cost", "9000000000000/mg"}), 1,
         "'9000000000000/mg' is too large a unit cost"},
        {"unknown unit", receiveOil("1kg", {"--unit-cost", "4.20/lb"}), 1, "unit 'lb' is not known"},
    });
}

TEST_CASE("bad input: dates") {
    runTable({
        {"30 February", receiveOil("1kg", {"--expires", "2026-02-30"}), 1, "2026-02-30 is not a date"},
        {"day first", receiveOil("1kg", {"--expires", "24/11/2026"}), 1, "expected YYYY-MM-DD"},
        {"month 13", receiveOil("1kg", {"--expires", "2026-13-01"}), 1, "2026-13-01 is not a date"},
        {"no leading zeros", receiveOil("1kg", {"--best-before", "2026-1-5"}), 1, "expected YYYY-MM-DD"},
        {"GS1 style", receiveOil("1kg", {"--expires", "261231"}), 1, "expected YYYY-MM-DD"},
    });
}

TEST_CASE("bad input: command-line arguments and unknown names") {
    runTable({
        {"unknown command", {"frobnicate"}, 2, "frobnicate"},
        {"missing quantity", {"receive", "OIL", "--supplier", "SUP", "--supplier-lot", "X"}, 2, "required"},
        {"adjust without a reason", {"adjust", HardeningLedger::kOilLot, "-1g"}, 2, "--reason"},
        {"unknown item", {"receive", "NOPE", "1kg", "--supplier", "SUP", "--supplier-lot", "X"}, 1, "NOPE"},
        {"unknown supplier",
         {"receive", "OIL", "1kg", "--supplier", "NOBODY", "--supplier-lot", "X"},
         1,
         "NOBODY"},
        {"unknown location", receiveOil("1kg", {"--location", "MOON"}), 1, "MOON"},
        {"unknown user",
         {"--user", "ghost", "receive", "OIL", "1kg", "--supplier", "SUP", "--supplier-lot", "X"},
         1,
         "ghost"},
        {"unknown customer", {"ship", HardeningLedger::kBarLot, "1", "--customer", "NOBODY"}, 1, "NOBODY"},
        {"unknown lot", {"hold", "NO-SUCH-LOT", "--reason", "test"}, 1, "NO-SUCH-LOT"},
        {"unknown status",
         {"hold", HardeningLedger::kOilLot, "--reason", "x", "--status", "bogus"},
         1,
         "bogus"},
        {"unknown movement", {"reverse", "0190-not-an-id", "--reason", "oops"}, 1, "0190-not-an-id"},
        {"run without a recipe", {"run", "start", "OIL", "--planned", "1kg"}, 1, "recipe"},
        {"consume into no run",
         {"run", "consume", "RUN-NONE", HardeningLedger::kOilLot, "1g"},
         1,
         "RUN-NONE"},
        {"GTIN check digit",
         {"item", "add", "X1", "--name", "X", "--uom", "g", "--gtin", "09501101530004"},
         1,
         "check digit"},
        {"unit of measure kg", {"item", "add", "X2", "--name", "X", "--uom", "kg"}, 1, "is not g, ml or pc"},
        {"duplicate location", {"location", "add", "STORE", "--name", "Again"}, 1, "STORE"},
        {"release a lot that is not held", {"release", HardeningLedger::kOilLot, "--reason", "x"}, 1, "not"},
        {"lot code of another item", receiveOil("1kg", {"--lot", HardeningLedger::kBarLot}), 1,
         HardeningLedger::kBarLot},
    });
}

TEST_CASE("bad input: what a role may not do is refused by the ledger, whoever asks") {
    const auto lot = HardeningLedger::kOilLot;
    runTable({
        {"operator releases a hold",
         {"--user", "ana", "release", lot, "--reason", "looks fine"},
         1,
         "ana is an operator: releasing a hold needs a supervisor"},
        {"operator recalls a lot",
         {"--user", "ana", "hold", lot, "--status", "recalled", "--reason", "x"},
         1,
         "ana is an operator: recalling a lot needs a supervisor"},
        {"operator reverses a movement",
         {"--user", "ana", "reverse", "0190-not-an-id", "--reason", "oops"},
         1,
         "ana is an operator: reversing a movement needs a supervisor"},
        {"operator adds a user",
         {"--user", "ana", "user", "add", "eve"},
         1,
         "ana is an operator: adding a user needs an admin"},
        {"supervisor adds an admin",
         {"--user", "sam", "user", "add", "eve", "--role", "admin"},
         1,
         "sam is a supervisor: adding a user needs an admin"},
        {"hold with a blank reason",
         {"--user", "sam", "hold", lot, "--reason", "   "},
         1,
         "a hold needs a reason"},
        {"release with a blank reason",
         {"--user", "sam", "release", lot, "--reason", " "},
         1,
         "a release needs a reason"},
    });
}

TEST_CASE("bad input: a database path that is not a ledger") {
    HardeningLedger ledger;
    const auto before = ledger.snapshot();
    const auto missing = HardeningLedger::runRaw({"--db", ledger.dir().file("nope.db").string(), "verify"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("create one with `lotstation init`") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(ledger.dir().file("nope.db")));

    lotstation::test::writeFile(ledger.dir().file("notes.txt"), "this is not a database, just notes\n");
    const auto garbage = HardeningLedger::runRaw({"--db", ledger.dir().file("notes.txt").string(), "verify"});
    INFO("garbage file says: " << garbage.err);
    CHECK(garbage.exitCode == 1);
    CHECK(garbage.err.find("not a database") != std::string::npos);
    CHECK(lotstation::test::readFile(ledger.dir().file("notes.txt")) ==
          "this is not a database, just notes\n");
    CHECK(ledger.snapshot() == before);
}

TEST_CASE("bad input: scans the station cannot use are shown with the reason") {
    struct ScanRow {
        const char* what;
        std::string text;
        const char* symbologyId;
        const char* reason;
    };
    const std::vector<ScanRow> rows{
        {"GTIN check digit", "0109501101530004", "]C1", "GTIN check digit wrong (expected 3, got 4)"},
        {"expiry month 13", "010950110153000317261331", "]C1", "expiry 261331 is not a date"},
        {"bad escape in our label", "LS:LOT:%G1", "]Q1", "bad %-escape \"%G1\" in a lot label"},
        {"unknown command label", "LS:CMD:EXPLODE", "]Q1", "unknown command \"EXPLODE\" on a command label"},
        {"Digital Link without a key", "https://id.gs1.org/10/AB12", "]Q1", "so not a GS1 Digital Link"},
        {"control character", std::string("LOT\x07") + "7", "", "contains control characters"},
        {"invalid UTF-8", "\xff\xfe\xfd", "", "not text (invalid UTF-8 bytes)"},
        {"empty read", "", "", "nothing was read"},
        {"unknown AI then a broken byte", std::string("34\xC6") + "52", "]C1", "unknown AI (34)"},
        {"far too long", std::string(300, 'A'), "", "too long for a code (300 characters)"},
    };
    for (const auto& row : rows) {
        const auto meaning = lotstation::scan::interpret(row.text, row.symbologyId,
                                                         {.referenceYear = std::chrono::year{2026}});
        const auto described = lotstation::scan::describe(meaning);
        INFO(std::string(row.what) << " -> " << described);
        const auto* unreadable = std::get_if<lotstation::scan::Unreadable>(&meaning);
        REQUIRE(unreadable != nullptr);
        CHECK_FALSE(unreadable->reason.empty());
        CHECK(unreadable->reason.find(row.reason) != std::string::npos);
        CHECK(described.find("Not understood") != std::string::npos);
    }
}
