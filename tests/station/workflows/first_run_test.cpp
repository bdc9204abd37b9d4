// The first run of a station: the setup screen holds the station until the business is set up, then the
// ways to start (spreadsheets, by hand, the demo); and a new user choosing a PIN at the first log-in.
#include "lotstation/station/station.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::TempDir;
using namespace std::chrono_literals;

namespace {

const TimePoint t0 = TimePoint{} + 1000s;

struct NewStation {
    TempDir dir;
    storage::Ledger ledger = *storage::Ledger::open(dir.file("station.db"));
    Station station;

    NewStation() : station(AppConfig{.firstRun = true}, t0, &ledger, files()) {}
    StationFiles files() const {
        StationFiles out;
        out.importFolder = dir.path() / "import";
        return out;
    }
    const SetupState& setup() const { return *station.stateOf<SetupFlow>(); }
    void type(SetupField field, std::string text) { station.apply(setup::SetText{field, std::move(text)}, t0); }
    void fillIn(std::string pinAgain = "2468") {
        type(SetupField::Business, "Rose & Co Soaps");
        type(SetupField::Currency, "eur");
        type(SetupField::Station, "Dock tablet");
        type(SetupField::ShortCode, "d1");
        type(SetupField::Admin, "rosa");
        type(SetupField::Pin, "2468");
        type(SetupField::PinAgain, std::move(pinAgain));
    }
    void write(const std::string& name, const std::string& text) {
        std::filesystem::create_directories(dir.path() / "import");
        std::ofstream(dir.path() / "import" / name) << text;
    }
};

} // namespace

TEST_CASE("first run: the station opens on the setup and stays there until it is set up") {
    NewStation s;
    CHECK((s.station.state().screen() == Screen::Setup));
    s.station.apply(intent::GoHome{}, t0);
    s.station.apply(intent::Back{}, t0);
    s.station.apply(intent::Navigate{Screen::Login}, t0);
    CHECK((s.station.state().screen() == Screen::Setup));
    // Missing answers and a second PIN that differs are refused; nothing is written.
    CHECK(s.station.apply(setup::Finish{}, t0).tone == FeedbackKind::Refused);
    CHECK(s.setup().problem == "Name the business first");
    s.fillIn("2469");
    s.station.apply(setup::Finish{}, t0);
    CHECK(s.setup().problem == "The two PINs differ: type the PIN again");
    CHECK(s.setup().pinAgainDigits == 0);
    CHECK(s.ledger.users()->empty());
    s.type(SetupField::Pin, "12");
    CHECK(s.setup().problem == "a PIN is 4 to 12 digits");

    s.type(SetupField::PinAgain, "2468");
    s.station.apply(setup::Finish{}, t0);
    CHECK((s.setup().step == SetupStep::Start));
    CHECK(s.station.state().feedback->headline == "Rose & Co Soaps is set up: log in as rosa");
    CHECK(*storage::businessName(s.ledger) == "Rose & Co Soaps");
    CHECK(storage::ledgerCurrency(s.ledger) == "EUR");
    CHECK(s.ledger.station().shortCode == "D1");
    CHECK(s.station.state().stationName == "Dock tablet");
    REQUIRE(s.station.state().catalog.users.size() == 1); // the login list knows rosa at once
    CHECK(s.station.state().catalog.users[0].id == "rosa");
    CHECK(s.ledger.recordPinAttempt("rosa", "2468"));
    // Set up: the station is free to leave.
    s.station.apply(intent::GoHome{}, t0);
    CHECK((s.station.state().screen() == Screen::Home));
}

TEST_CASE("first run: start from the spreadsheets in the import folder, all files or none") {
    NewStation s;
    s.fillIn();
    s.station.apply(setup::Finish{}, t0);
    CHECK(s.station.apply(setup::ImportFiles{}, t0).tone == FeedbackKind::Refused); // none there yet
    s.write("locations.csv", "code,name,kind\nSHELF-A,Oils shelf,store\n");
    s.write("suppliers.csv", "code,name\nOILCO,Oil Company\n");
    s.write("items.csv", "sku,name,uom\nOLIVE,Olive oil,g\nBAR,Soap bar,pc\n");
    s.write("recipes.csv", "sku,output_quantity,component_sku,component_quantity\nBAR,1,OLIVE,90g\nBAR,1,NOPE,1g\n");
    s.station.apply(setup::LookForFiles{}, t0);
    CHECK(s.setup().importFiles == std::vector<std::string>{"locations.csv", "suppliers.csv", "items.csv", "recipes.csv"});
    CHECK(s.station.apply(setup::ImportFiles{}, t0).tone == FeedbackKind::Refused);
    CHECK(s.setup().problem->find("recipes.csv: ") == 0);
    CHECK_FALSE(s.ledger.item("OLIVE")); // the good files were not imported either
    s.write("recipes.csv", "sku,output_quantity,component_sku,component_quantity\nBAR,1,OLIVE,90g\n");
    CHECK(s.station.apply(setup::ImportFiles{}, t0).tone == FeedbackKind::Accepted);
    CHECK(s.setup().imported.size() == 4);
    CHECK(s.ledger.recipe("BAR")->components.size() == 1);
    CHECK(s.station.state().catalog.items.size() == 2); // the pickers know the imported items
}

TEST_CASE("first run: start from Excel: a workbook's sheets named after kinds, and a KIND.xlsx, beside CSV") {
    NewStation s;
    s.fillIn();
    s.station.apply(setup::Finish{}, t0);
    s.write("locations.csv", "code,name,kind\nSHELF-A,Oils shelf,store\n");
    // The office's workbook, written by another program (openpyxl): a sheet per kind, Excel's own headers,
    // quantities in kg for a gram item; and Excel's lock file, which is not a workbook.
    s.write("make.py", R"py(
import sys
from openpyxl import Workbook
book = Workbook()
items = book.active
items.title = "Items"
items.append(["Product code", "Name", "UoM", "Shelf life days"])
items.append(["OLIVE", "Olive oil", "g", 540])
items.append(["BAR", "Soap bar", "pc", 365])
suppliers = book.create_sheet("Suppliers")
suppliers.append(["Code", "Name"])
suppliers.append(["OILCO", "Oil Company"])
book.save(sys.argv[1] + "/Rose office.xlsx")
recipes = Workbook()
sheet = recipes.active
sheet.append(["sku", "output_quantity", "component_sku", "component_quantity"])
sheet.append(["BAR", 1, "OLIVE", "0.09kg"])
recipes.save(sys.argv[1] + "/recipes.xlsx")
)py");
    s.write("~$Rose office.xlsx", "not a workbook");
    const auto folder = s.dir.path() / "import";
    REQUIRE_MESSAGE(std::system(("/usr/bin/python3 '" + (folder / "make.py").string() + "' '" + folder.string() + "'").c_str()) == 0,
                    "python3-openpyxl is needed (scripts/install-deps.sh)");
    s.station.apply(setup::LookForFiles{}, t0);
    CHECK(s.setup().importFiles == std::vector<std::string>{"locations.csv", "Rose office.xlsx › Suppliers",
                                                            "Rose office.xlsx › Items", "recipes.xlsx"});
    CHECK(s.station.apply(setup::ImportFiles{}, t0).tone == FeedbackKind::Accepted);
    CHECK(s.ledger.item("OLIVE")->shelfLifeDays == 540);
    CHECK(s.ledger.supplier("OILCO")->name == "Oil Company");
    REQUIRE(s.ledger.recipe("BAR"));
    CHECK(s.ledger.recipe("BAR")->components.at(0).quantity == 90'000); // 0.09 kg in mg

    // A bad row in a sheet is named by file, sheet, row and column, and nothing is imported.
    NewStation bad;
    bad.fillIn();
    bad.station.apply(setup::Finish{}, t0);
    bad.write("make.py", R"py(
import sys
from openpyxl import Workbook
book = Workbook()
items = book.active
items.title = "Items"
items.append(["sku", "name", "uom"])
items.append(["OLIVE", "Olive oil", "kgs"])
book.save(sys.argv[1] + "/office.xlsx")
)py");
    const auto badFolder = bad.dir.path() / "import";
    REQUIRE(std::system(("/usr/bin/python3 '" + (badFolder / "make.py").string() + "' '" + badFolder.string() + "'").c_str()) == 0);
    bad.write("suppliers.csv", "code,name\nOILCO,Oil Company\n");
    bad.station.apply(setup::LookForFiles{}, t0);
    CHECK(bad.station.apply(setup::ImportFiles{}, t0).tone == FeedbackKind::Refused);
    REQUIRE(bad.setup().problem);
    CHECK(bad.setup().problem->rfind("office.xlsx › Items: ", 0) == 0);
    CHECK(bad.setup().problem->find("kgs") != std::string::npos);
    CHECK_FALSE(bad.ledger.supplier("OILCO")); // the good file was not imported either
}

TEST_CASE("first run: try the demo asks the host to open the demo ledger") {
    NewStation s;
    s.fillIn();
    s.station.apply(setup::Finish{}, t0);
    CHECK(s.station.apply(setup::TryDemo{}, t0).openDemo);
}

TEST_CASE("first log-in: a user without a PIN chooses one, typed twice, then is logged in") {
    NewStation s;
    s.fillIn();
    s.station.apply(setup::Finish{}, t0);
    REQUIRE(storage::saveUser(s.ledger, {.name = "olga", .role = storage::UserRole::Operator}, "rosa"));
    s.station.apply(intent::GoHome{}, t0);
    s.station.apply(intent::Navigate{Screen::Login}, t0);
    auto typePin = [&](std::string_view digits) {
        for (const char c : digits)
            s.station.apply(login::PinKey{static_cast<KeypadKey>(c - '0')}, t0);
        s.station.apply(login::SubmitPin{}, t0);
    };
    s.station.apply(login::ChooseUser{"olga"}, t0);
    const auto* login = s.station.stateOf<LoginFlow>();
    CHECK((login->step == LoginStep::ChoosePin));
    typePin("12");
    CHECK(login->problem == "a PIN is 4 to 12 digits");
    typePin("5151");
    CHECK((login->step == LoginStep::RepeatPin));
    typePin("5152");
    CHECK((login->step == LoginStep::ChoosePin));
    CHECK(login->problem == "The two PINs differ: choose it again");
    CHECK_FALSE(s.station.state().userName);
    typePin("5151");
    typePin("5151");
    CHECK(s.station.state().userName == "olga");
    CHECK(s.ledger.user("olga")->hasPin);
    CHECK(s.ledger.recordPinAttempt("olga", "5151"));
}
