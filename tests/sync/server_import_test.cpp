// lotstation-server's master data commands, run as the real executable: CSV import (all or nothing, problems
// by line and column, --update), add / update / list; what they write reaches a station with its next sync.
#include "sync_fixture.hpp"
#include "test_support.hpp"


using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

CommandRun server(const std::filesystem::path& dataDir, std::vector<std::string> args) {
    args.insert(args.begin(), {"--data", dataDir.string()});
    return runServer(args);
}

std::filesystem::path csvFile(const ScratchDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    lotstation::test::writeFile(path, text);
    return path;
}

} // namespace

TEST_CASE("server import: master data from CSV files reaches a station with its next sync") {
    ScratchDir dir;
    Central central(dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);
    const auto data = central.dataDir;

    const std::vector<std::pair<std::string, std::string>> files{
        {"locations", "code,name,kind\r\nCOLD,Cold room,store\r\nQ1,Quarantine shelf,quarantine\r\n"},
        {"suppliers", "code,name\nSODA,\"Soda Works, Inc.\"\n"},
        {"customers", "code,name\nMARKET,Saturday market\n"},
        {"items", "sku,name,uom,kind,default_location,shelf_life_days\nLYE,Sodium hydroxide,g,raw,COLD,730\n"
                  "BOX,Gift box,pc,packaging,,\n"},
        {"users", "name,role,badge,pin\ncarl,supervisor,B-CARL,2468\n"},
        {"recipes", "sku,output_quantity,component_sku,component_quantity\nSOAP,1,OIL,90g\nSOAP,1,LYE,12.5g\n"
                    "SOAP,1,BOX,1\n"},
    };
    for (const auto& [kind, text] : files) {
        // SOAP has a recipe already (seeded): replacing it needs --update.
        std::vector<std::string> args{"import", kind, csvFile(dir, kind + ".csv", text).string()};
        if (kind == "recipes") args.push_back("--update");
        auto run = server(data, args);
        INFO(kind << ": " << run.output);
        CHECK(run.exitCode == 0);
        CHECK(run.output.find("imported") != std::string::npos);
    }
    auto summary = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterAdded == 7);   // COLD, Q1, SODA, MARKET, LYE, BOX, carl
    CHECK(summary->masterUpdated == 1); // the SOAP recipe

    auto ledger = dock.open();
    CHECK(ledger.supplier("SODA")->name == "Soda Works, Inc.");
    CHECK(ledger.item("LYE")->defaultLocation.value_or("") == "COLD");
    CHECK(ledger.item("LYE")->shelfLifeDays.value_or(0) == 730);
    CHECK(ledger.recordPinAttempt("B-CARL", "2468").has_value());
    auto soap = ledger.recipe("SOAP");
    REQUIRE(soap);
    REQUIRE(soap->components.size() == 3);
    CHECK(soap->components[1].sku == "LYE");
    CHECK(soap->components[1].quantity == 12'500); // mg
}

TEST_CASE("server import: a bad file imports nothing and names every problem by line and column - --update "
          "changes existing records") {
    ScratchDir dir;
    Central central(dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);
    const auto data = central.dataDir;
    const auto itemsBefore = storage::Ledger::open(central.ledgerPath())->items().value().size();

    const auto bad = csvFile(dir, "bad.csv",
                             "sku,name,uom,default_location\nWAX,Bees wax,g,DOCK\nOIL,Olive oil,kgs,\n"
                             "TIN,Tin,pc,NOWHERE\n");
    auto refused = server(data, {"import", "items", bad.string()});
    INFO(refused.output);
    CHECK(refused.exitCode != 0);
    CHECK(refused.output.find("line 3, column 'sku': item OIL already exists") != std::string::npos);
    CHECK(refused.output.find("line 3, column 'uom'") != std::string::npos);
    CHECK(refused.output.find("line 4, column 'default_location': no location NOWHERE") != std::string::npos);
    CHECK(storage::Ledger::open(central.ledgerPath())->items().value().size() == itemsBefore); // not even WAX

    auto missing = server(data, {"import", "users", csvFile(dir, "u.csv", "role,badge\nadmin,X\n").string()});
    CHECK(missing.exitCode != 0);
    CHECK(missing.output.find("line 1: column 'name' is missing") != std::string::npos);

    auto renamed = server(data, {"import", "locations", "--update",
                                 csvFile(dir, "l.csv", "code,name,kind\nDOCK,Back door,dock\n").string()});
    INFO(renamed.output);
    CHECK(renamed.exitCode == 0);
    CHECK(server(data, {"item", "update", "OIL", "--name", "Pomace oil", "--shelf-life-days", "400"})
              .exitCode == 0);
    CHECK(server(data, {"user", "update", "ann", "--role", "admin", "--badge", "A-1"}).exitCode == 0);
    auto listed = server(data, {"location", "list"});
    CHECK(listed.output.find("DOCK,Back door,dock") != std::string::npos);
    CHECK(server(data, {"item", "update", "NOPE", "--name", "x"}).exitCode != 0);

    auto summary = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterUpdated == 3);
    auto ledger = dock.open();
    CHECK(ledger.location("DOCK")->name == "Back door");
    CHECK(ledger.item("OIL")->name == "Pomace oil");
    CHECK((ledger.user("ann")->role == storage::UserRole::Admin));
}
