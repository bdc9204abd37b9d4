// Master data changed at a station: roles, audit records with revisions and what changed, append-only, and
// the first run's business setup.
#include "ledger_fixture.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/master_edits.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("master edits: a supervisor adds and changes an item; each change is audited with its revision") {
    Shop shop;
    const auto added = must(saveItem(shop.l(), {.sku = "SHEA", .name = "Shea", .uom = Uom::Gram}, "sam"));
    CHECK(added.name == "Shea");
    NewItem changed{.sku = "SHEA", .name = "Shea butter", .uom = Uom::Gram, .gtin = "09501101530003"};
    changed.shelfLifeDays = 365;
    must(saveItem(shop.l(), changed, "sam"));
    must(saveItem(shop.l(), changed, "sam")); // the same again: nothing to record
    const auto changes = must(masterChanges(shop.l(), MasterKind::Item, std::string("SHEA")));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].change == "changed");
    CHECK(changes[0].user == "sam");
    CHECK(changes[0].details == "name: Shea → Shea butter; GTIN: — → 09501101530003; shelf life: — → 365 days");
    CHECK(changes[1].change == "added");
    CHECK(changes[1].details.find("name: — → Shea") == 0);
    CHECK(changes[0].revision > changes[1].revision);
    CHECK(changes[0].revision == std::stoll(shop.scalar("SELECT revision FROM items WHERE sku = 'SHEA'")));
}

TEST_CASE("master edits: an operator is refused in the ledger's words and nothing is written") {
    Shop shop;
    const auto refused = saveSupplier(shop.l(), {"WAX", "Wax & Co"}, "ana");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "ana is an operator: changing master data needs a supervisor");
    CHECK_FALSE(shop.l().supplier("WAX"));
    CHECK(must(masterChanges(shop.l())).empty());
    CHECK_FALSE(saveLocation(shop.l(), {"SHELF", "Shelf", LocationKind::Store}, "nobody"));
    // A bad record is the ledger's own refusal, and nothing is audited either.
    const auto bad = saveItem(shop.l(), {.sku = "X", .name = "x", .uom = Uom::Gram, .gtin = "123"}, "sam");
    REQUIRE_FALSE(bad);
    CHECK(must(masterChanges(shop.l())).empty());
}

TEST_CASE("master edits: locations, customers and recipes are audited; audit records cannot be altered") {
    Shop shop;
    must(saveLocation(shop.l(), {"SHELF-A", "Shelf A", LocationKind::Store}, "sam"));
    must(saveCustomer(shop.l(), {"SPA", "City spa"}, "sam"));
    must(saveRecipe(shop.l(), {"BAR", 100, {{"SOAP-OIL", 9'000'000}, {"LYE", 1'400'000}}}, "sam"));
    const auto recipe = must(masterChanges(shop.l(), MasterKind::Recipe));
    REQUIRE(recipe.size() == 1);
    CHECK(recipe[0].change == "changed");
    CHECK(recipe[0].details.find("SOAP-OIL 9 kg") != std::string::npos);
    CHECK(must(masterChanges(shop.l())).size() == 3);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(shop.path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE master_changes SET user = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "DELETE FROM master_changes", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(db);
    CHECK(must(masterChanges(shop.l())).size() == 3);
}

TEST_CASE("master edits: only an admin adds users; a new user chooses a PIN once; an admin resets it") {
    Shop shop;
    must(shop.l().addUser({.name = "ada", .role = UserRole::Admin, .pin = "9999"})); // the first admin
    CHECK(saveUser(shop.l(), {.name = "olga", .role = UserRole::Operator}, "sam").error().message ==
          "sam is a supervisor: adding a user needs an admin");
    const auto olga = must(saveUser(shop.l(), {.name = "olga", .role = UserRole::Operator, .badge = "B-OLGA"}, "ada"));
    CHECK_FALSE(olga.hasPin);
    CHECK(setOwnPin(shop.l(), "olga", "12a4").error().message == "a PIN is digits only");
    CHECK(must(setOwnPin(shop.l(), "olga", "4321")).hasPin);
    CHECK(shop.l().recordPinAttempt("olga", "4321"));
    CHECK(setOwnPin(shop.l(), "olga", "1111").error().message == "olga already has a PIN: an admin resets it");
    CHECK_FALSE(resetPin(shop.l(), "olga", "sam"));
    CHECK_FALSE(must(resetPin(shop.l(), "olga", "ada")).hasPin);
    CHECK(must(setOwnPin(shop.l(), "olga", "5555")).hasPin);
    const auto changes = must(masterChanges(shop.l(), MasterKind::User, std::string("olga")));
    REQUIRE(changes.size() == 4);
    CHECK(changes[0].change == "PIN set");
    CHECK(changes[0].user == "olga");
    CHECK(changes[1].change == "PIN reset");
    CHECK(changes[1].user == "ada");
    CHECK(changes[3].details == "role: — → operator; badge: — → B-OLGA; chooses a PIN at first log-in");
    // The only admin keeps the role.
    CHECK(saveUser(shop.l(), {.name = "ada", .role = UserRole::Operator}, "ada").error().message ==
          "ada is the only admin: make another admin first");
}

TEST_CASE("business setup: names the station and business, makes the admin and the currency, once") {
    Shop shop("A1", false);
    const auto refused = setUpBusiness(shop.l(), {"Rose & Co", "EUR", "Dock", "TOOLONG", "rosa", "2468"});
    CHECK(refused.error().message == "the short code is 1 to 4 letters or digits");
    CHECK(setUpBusiness(shop.l(), {"Rose & Co", "EUR", "Dock", "R1", "rosa", "24"}).error().message ==
          "a PIN is 4 to 12 digits");
    CHECK(must(shop.l().users()).empty());
    const auto admin = must(setUpBusiness(shop.l(), {" Rose & Co ", "eur", "Dock tablet", "r1", "rosa", "2468"}));
    CHECK((admin.role == UserRole::Admin));
    CHECK(must(businessName(shop.l())) == "Rose & Co");
    CHECK(ledgerCurrency(shop.l()) == "EUR");
    CHECK(shop.l().station().shortCode == "R1");
    CHECK(shop.l().recordPinAttempt("rosa", "2468"));
    shop.reopen();
    CHECK(shop.l().station().name == "Dock tablet");
    CHECK(shop.l().station().shortCode == "R1");
    CHECK(setUpBusiness(shop.l(), {"Other", "USD", "X", "X", "x", "1234"}).error().message ==
          "this station is already set up");
}
