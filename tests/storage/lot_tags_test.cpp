// RFID tags of lots in the ledger: serials from the station's short-code range, recorded append-only with
// who and when, found again by GTIN + serial; refusals write nothing.
#include "ledger_fixture.hpp"
#include "lotstation/storage/lot_tags.hpp"

#include <sqlite3.h>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

TEST_CASE("tag serial ranges: one per short code, all below 2^38") {
    CHECK(must(tagSerialBase("")) == 1);
    CHECK(must(tagSerialBase("A")) == 100001);
    CHECK(must(tagSerialBase("a1")) == 6400001);
    CHECK(must(tagSerialBase("0A")) == 97300001); // not "A": lengths differ, so do ranges
    CHECK(must(tagSerialBase("9999")) + 99998 < (std::int64_t{1} << 38));
    CHECK(tagSerialBase("A-1").error().message == "station short code may hold only letters and digits");
}

TEST_CASE("tagLot assigns this station's next serial, records who and when; lotTag finds the lot") {
    Shop shop("A1");
    const auto lot = shop.receive("BAR", 48, "OILCO", "B-1");
    const auto first = must(tagLot(shop.l(), {.lot = lot, .user = "ana"}));
    CHECK(first.serial == "6400001");
    CHECK(first.gtin == "04006381333931");
    CHECK(first.scheme == "sgtin-96");
    CHECK(first.user == "ana");
    CHECK(first.stationId == "station-a");
    CHECK(first.epcHex.size() == 24);
    CHECK(must(tagLot(shop.l(), {.lot = lot, .scheme = "sgtin+", .user = "sam"})).serial == "6400002");
    CHECK(must(lotTag(shop.l(), "4006381333931", "6400001")).lot == lot);
    CHECK(tagsOfLot(shop.l(), lot).size() == 2);
    CHECK((lotTag(shop.l(), "4006381333931", "6400003").error().kind == ErrorKind::NotFound));

    // Append-only in the database itself.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(shop.path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE lot_tags SET lot_code = 'X'", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "DELETE FROM lot_tags", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(db);
    CHECK(shop.count("lot_tags") == 2);
}

TEST_CASE("tagLot refusals are sentences and record nothing") {
    Shop shop("A1");
    const auto bar = shop.receive("BAR", 48, "OILCO", "B-1");
    const auto bar2 = shop.receive("BAR", 12, "OILCO", "B-2");
    const auto oil = shop.receive("SOAP-OIL", 1000, "OILCO", "O-1");
    const auto before = shop.count("lot_tags");
    auto refused = tagLot(shop.l(), {.lot = oil, .user = "ana"});
    CHECK(refused.error().message ==
          "lot " + oil + " has no GTIN (its item has none); an sgtin-96 tag needs one: item add --gtin");
    refused = tagLot(shop.l(), {.lot = bar, .scheme = "sscc-96", .user = "ana"});
    CHECK(refused.error().message == "a lot's tag is encoded as sgtin-96, sgtin+ or dsgtin+, not sscc-96");
    refused = tagLot(shop.l(), {.lot = bar, .serial = "274877906944", .user = "ana"});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message.starts_with("lot " + bar + ": "));
    refused = tagLot(shop.l(), {.lot = bar, .serial = "007", .user = "ana"});
    REQUIRE_FALSE(refused.has_value());
    refused = tagLot(shop.l(), {.lot = "NO-SUCH-LOT", .user = "ana"});
    CHECK((refused.error().kind == ErrorKind::NotFound));
    refused = tagLot(shop.l(), {.lot = bar, .user = "nobody"});
    REQUIRE_FALSE(refused.has_value());
    CHECK(shop.count("lot_tags") == before);

    // A serial given by hand: again for the same lot is the same record; for another lot a conflict.
    const auto given = must(tagLot(shop.l(), {.lot = bar, .serial = "42", .user = "ana"}));
    CHECK(must(tagLot(shop.l(), {.lot = bar, .serial = "42", .user = "sam"})).id == given.id);
    refused = tagLot(shop.l(), {.lot = bar2, .serial = "42", .user = "ana"});
    CHECK((refused.error().kind == ErrorKind::Conflict));
    CHECK(refused.error().message == "serial 42 of GTIN 04006381333931 is already the tag of lot " + bar +
                                         ": nothing was recorded");
    CHECK(shop.count("lot_tags") == before + 1);
}
