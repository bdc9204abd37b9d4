// The ledger's lot-code pattern: checked when set, followed by every generated lot code, append-only.
#include "ledger_fixture.hpp"
#include "lotstation/storage/lot_code_pattern.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("a lot-code pattern is refused with the reason when it cannot make unique, printable codes") {
    CHECK(checkLotCodePattern("{SKU}-{YYMMDD}-{ST}{NN}"));
    const auto why = [](std::string_view pattern) {
        auto checked = checkLotCodePattern(pattern);
        REQUIRE_FALSE(checked);
        return checked.error().message;
    };
    CHECK(why("{SKU}-{ST}").find("{NN}") != std::string::npos);
    CHECK(why("{SKU}-{NN}").find("{ST}") != std::string::npos);
    CHECK(why("{SKU}-{ST}{NN}{NN}").find("twice") != std::string::npos);
    CHECK(why("{SKU}-{WEEK}-{ST}{NN}").find("{WEEK} is not a lot-code token") != std::string::npos);
    CHECK(why("{SKU-{ST}{NN}").find("never closes") != std::string::npos);
    CHECK(why("{SKU} {ST}{NN}").find("' ' cannot be part of a lot code") != std::string::npos);
    CHECK(why("{SKU}^{ST}{NN}").find("'^'") != std::string::npos);
}

TEST_CASE("generated lot codes follow the pattern in force, counting per day and station") {
    Shop shop("A1");
    CHECK(lotCodePattern(shop.l()) == kDefaultLotCodePattern);
    CHECK(shop.receive("SOAP-OIL", 1'000, "OILCO", "X") == "SOAP-OIL-260310-A101");

    // 10 March 2026 is day 069 of the year; the counter sits inside the code, the SKU after it.
    CHECK(must(setLotCodePattern(shop.l(), " L{YY}{JJJ}-{ST}{NN}/{SKU} ", "sam")) == "L{YY}{JJJ}-{ST}{NN}/{SKU}");
    CHECK(shop.receive("SOAP-OIL", 1'000, "OILCO", "Y") == "L26069-A101/SOAP-OIL");
    CHECK(shop.receive("SOAP-OIL", 1'000, "OILCO", "Z") == "L26069-A102/SOAP-OIL");
    CHECK(shop.receive("LYE", 1'000, "CHEM", "C1", {}, "STORE") == "L26069-A101/LYE");
    shop.time.advance(std::chrono::hours(24 * 300)); // 2027-01-04: day 004 of a new year
    CHECK(shop.receive("SOAP-OIL", 1'000, "OILCO", "W") == "L27004-A101/SOAP-OIL");
    CHECK(exampleLotCode("{YYYY}{MM}{DD}{ST}{NN}", "X", day(2026, 12, 31), "B7") == "20261231B701");

    // Reopened, the pattern is still the one in force.
    shop.reopen();
    CHECK(lotCodePattern(shop.l()) == "L{YY}{JJJ}-{ST}{NN}/{SKU}");
}

TEST_CASE("setting the lot-code pattern needs a supervisor, writes nothing when refused, and keeps its history") {
    Shop shop("A1");
    auto byOperator = setLotCodePattern(shop.l(), "{SKU}{ST}{NN}", "ana");
    REQUIRE_FALSE(byOperator);
    CHECK((byOperator.error().kind == lotstation::ErrorKind::Refused));
    CHECK(byOperator.error().message.find("needs a supervisor") != std::string::npos);
    CHECK_FALSE(setLotCodePattern(shop.l(), "{SKU}", "sam"));
    CHECK(lotCodePattern(shop.l()) == kDefaultLotCodePattern);

    must(setLotCodePattern(shop.l(), "{SKU}{ST}{NN}", "sam"));
    must(setLotCodePattern(shop.l(), "{SKU}-{ST}{NN}", "sam"));
    shop.ledger.reset();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(shop.path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE lot_code_patterns SET pattern = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "DELETE FROM lot_code_patterns", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_stmt* count = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*), max(set_by) FROM lot_code_patterns", -1, &count, nullptr);
    REQUIRE(sqlite3_step(count) == SQLITE_ROW);
    CHECK(sqlite3_column_int(count, 0) == 2);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(count, 1))) == "sam");
    sqlite3_finalize(count);
    sqlite3_close(db);
}
