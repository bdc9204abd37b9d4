#include "ledger_fixture.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("opening a ledger migrates and sets WAL and records the station") {
    Shop shop("A1", false);
    CHECK(shop.l().schemaVersion() >= 4); // 1: data model, 2: query indexes, 3: PIN failures, 4: revisions, ...
    CHECK(shop.l().station().stationId == "station-a");
    CHECK(shop.l().station().shortCode == "A1");
    RawConnection raw(shop.path);
    CHECK(std::filesystem::exists(shop.path.string() + "-wal"));
}

TEST_CASE("a database belongs to one station") {
    Shop shop("A1", false);
    shop.ledger.reset();
    const auto other =
        Ledger::open(shop.path, OpenOptions{StationIdentity{"station-b", "x", ""}, shop.time.clock()});
    REQUIRE_FALSE(other.has_value());
    CHECK((other.error().kind == ErrorKind::Conflict));
    CHECK(other.error().message.find("belongs to station station-a") != std::string::npos);
}

TEST_CASE("an in-memory ledger generates a station id when none is given") {
    auto ledger = must(Ledger::open(":memory:"));
    CHECK(ledger.station().stationId.size() == 36);
    CHECK(ledger.movementCount() == 0);
}

TEST_CASE("a bad station short code is refused") {
    const auto ledger = Ledger::open(":memory:", OpenOptions{StationIdentity{"s", "n", "TOO-LONG"}});
    REQUIRE_FALSE(ledger.has_value());
    CHECK(ledger.error().message.find("longer than 4") != std::string::npos);
}

TEST_CASE("items are added and read with GTIN checked and duplicates refused") {
    Shop shop;
    const auto bar = must(shop.l().item("bar")); // codes are case-insensitive
    CHECK(bar.sku == "BAR");
    CHECK(bar.gtin == "04006381333931");
    CHECK(bar.shelfLifeDays == 365);
    CHECK(bar.defaultLocation == "FG");
    CHECK(must(shop.l().itemByGtin("4006381333931")).sku == "BAR");
    CHECK(must(shop.l().itemByGtin("04006381333931")).sku == "BAR");

    auto dup = shop.l().addItem({.sku = "BAR", .name = "again"});
    CHECK((dup.error().kind == ErrorKind::Conflict));
    auto badGtin = shop.l().addItem({.sku = "X", .gtin = "4006381333932"});
    CHECK(badGtin.error().message.find("check digit wrong") != std::string::npos);
    auto sameGtin = shop.l().addItem({.sku = "Y", .gtin = "04006381333931"});
    CHECK(sameGtin.error().message.find("already belongs to BAR") != std::string::npos);
    auto badSku = shop.l().addItem({.sku = "HAS SPACE"});
    CHECK((badSku.error().kind == ErrorKind::Invalid));
    auto badLocation = shop.l().addItem({.sku = "Z", .defaultLocation = "NOWHERE"});
    CHECK((badLocation.error().kind == ErrorKind::NotFound));
    CHECK(shop.l().items().size() == 5);
}

TEST_CASE("suppliers customers and locations are added and read with duplicates refused") {
    Shop shop;
    CHECK(must(shop.l().supplier("oilco")).name == "Oil Company");
    CHECK((shop.l().addSupplier({"OILCO", "x"}).error().kind == ErrorKind::Conflict));
    CHECK((shop.l().supplier("NOPE").error().kind == ErrorKind::NotFound));
    CHECK(must(shop.l().customer("SHOP1")).name == "Corner shop");
    CHECK((shop.l().addCustomer({"SHOP1", "x"}).error().kind == ErrorKind::Conflict));
    CHECK(shop.l().customers().size() == 2);
    CHECK((must(shop.l().location("MIX")).kind == LocationKind::Workstation));
    CHECK((shop.l().addLocation({"DOCK", "x", LocationKind::Dock}).error().kind == ErrorKind::Conflict));
    CHECK(shop.l().locations().size() == 4);
    CHECK(shop.l().suppliers().size() == 2);
}

TEST_CASE("users have unique badges and Argon2id PIN hashes") {
    Shop shop;
    must(shop.l().addUser({.name = "olga", .role = UserRole::Admin, .badge = "B-300", .pin = "4711"}));
    CHECK(must(shop.l().userByBadge("B-300")).name == "olga");
    CHECK((must(shop.l().verifyPin("olga", "4711")).role == UserRole::Admin));
    CHECK(must(shop.l().verifyPin("B-300", "4711")).name == "olga");
    CHECK(shop.l().verifyPin("olga", "1234").error().message == "wrong user or PIN");
    CHECK(shop.l().verifyPin("nobody", "4711").error().message == "wrong user or PIN");
    CHECK(shop.l().verifyPin("ana", "4711").error().message == "wrong user or PIN"); // ana has no PIN
    CHECK(shop.l()
              .addUser({.name = "x", .badge = "B-300", .by = "olga"})
              .error()
              .message.find("already belongs to olga") != std::string::npos);
    CHECK((shop.l().addUser({.name = "y", .pin = "12", .by = "olga"}).error().kind == ErrorKind::Invalid));

    RawConnection raw(shop.path);
    shop.ledger.reset();
    sqlite3* db = nullptr;
    sqlite3_open(shop.path.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT pin_hash FROM users WHERE name = 'olga'", -1, &s, nullptr);
    REQUIRE(sqlite3_step(s) == SQLITE_ROW);
    const std::string hash = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("4711") == std::string::npos);
}

TEST_CASE("recipes are set and replaced and bad components refused") {
    Shop shop;
    const auto recipe = must(shop.l().recipe("BAR"));
    CHECK(recipe.outputQuantity == 100);
    REQUIRE(recipe.components.size() == 3);
    CHECK(recipe.components[0].sku == "LAV");
    CHECK(recipe.components[0].quantity == 50'000);
    must(shop.l().setRecipe({"BAR", 10, {{"SOAP-OIL", 1'000'000}, {"WRAP", 10}}}));
    CHECK(must(shop.l().recipe("BAR")).components.size() == 2);
    CHECK(shop.l().setRecipe({"BAR", 10, {{"BAR", 1}}}).error().message.find("component of itself") !=
          std::string::npos);
    CHECK((shop.l().setRecipe({"BAR", 10, {{"NOPE", 1}}}).error().kind == ErrorKind::NotFound));
    CHECK((shop.l().setRecipe({"BAR", 0, {{"LYE", 1}}}).error().kind == ErrorKind::Invalid));
    CHECK(shop.l().setRecipe({"BAR", 10, {{"LYE", 1}, {"LYE", 2}}}).error().message.find("twice") !=
          std::string::npos);
    CHECK((shop.l().setRecipe({"BAR", 10, {}}).error().kind == ErrorKind::Invalid));
    CHECK(must(shop.l().recipe("BAR")).components.size() == 2); // failures changed nothing
    CHECK((shop.l().recipe("LYE").error().kind == ErrorKind::NotFound));
}

TEST_CASE("opening creates the folder and refuses a path that cannot be a database") {
    lotstation::test::TempDir dir;
    const auto nested = dir.file("a") / "b" / "ledger.db";
    CHECK(Ledger::open(nested).has_value());
    CHECK(std::filesystem::exists(nested));
    lotstation::test::writeFile(dir.file("not-a-db"),
                                "this is not an SQLite file, just some text that is long enough");
    const auto bad = Ledger::open(dir.file("not-a-db"));
    REQUIRE_FALSE(bad.has_value());
    CHECK((bad.error().kind == ErrorKind::Io));
}
