// RFID-tagged lot labels printed the way the window prints them: labelJobs, then tagLabelJobs takes a serial
// per copy, the print worker's printer sends the ZPL to a real loopback 9100 listener (or to a port nothing
// listens on), and a failed print voids the serials it took.
#include "fake_printer.hpp"
#include "lotstation/station/label_printer.hpp"
#include "lotstation/station/paths.hpp"
#include "lotstation/station/tagged_labels.hpp"
#include "lotstation/storage/lot_tags.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using lotstation::test::closedPort;
using lotstation::test::FakePrinter;
using lotstation::test::TempDir;

namespace {

template <typename T> T must(storage::Result<T> result) {
    REQUIRE_MESSAGE(result, (result ? "" : result.error().message));
    return std::move(*result);
}

struct TaggingShop {
    TempDir dir;
    storage::Ledger ledger = must(storage::Ledger::open(
        dir.file("shop.db"), storage::OpenOptions{storage::StationIdentity{"station-a", "Pack bench", "A"},
                                                  storage::systemClock()}));
    std::string bar;
    std::string oil;
    LabelPrinter printer = [] {
        auto loaded = LabelPrinter::load({findAssetsDir() / "labels"});
        REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().message));
        return std::move(*loaded);
    }();

    TaggingShop() {
        must(ledger.addLocation({"FG", "Finished goods", storage::LocationKind::Finished}));
        must(ledger.addSupplier({"ACME", "Acme"}));
        must(ledger.addUser({.name = "ann", .role = storage::UserRole::Admin}));
        must(ledger.addItem({.sku = "BAR", .name = "Soap bar", .kind = storage::ItemKind::Finished,
                             .uom = storage::Uom::Piece, .gtin = "09506000134352", .defaultLocation = "FG"}));
        must(ledger.addItem({.sku = "OIL", .name = "Olive oil", .uom = storage::Uom::Gram, .defaultLocation = "FG"}));
        bar = must(ledger.receive({.sku = "BAR", .supplier = "ACME", .supplierLot = "B1", .quantity = 50, .user = "ann"}))
                  .lotCode;
        oil = must(ledger.receive({.sku = "OIL", .supplier = "ACME", .supplierLot = "O1", .quantity = 5'000'000,
                                   .user = "ann"}))
                  .lotCode;
    }

    PreparedJobs jobs(const std::vector<std::string>& lots, const std::string& printerName,
                      const std::optional<std::string>& user = std::string("ann")) {
        const PrinterSetup setup{printerName, "lot-100x50-rfid", dir.file("labels")};
        return tagLabelJobs(ledger, labelJobs(ledger, lots, setup), printer.templates(), user);
    }
};

} // namespace

TEST_CASE("tagged labels: a copy printed to a 9100 printer writes its own recorded tag") {
    TaggingShop shop;
    FakePrinter zebra;
    auto prepared = shop.jobs({shop.bar}, "127.0.0.1:" + std::to_string(zebra.port()));
    REQUIRE(prepared.failed.empty());
    REQUIRE(prepared.jobs.size() == 1);
    REQUIRE(prepared.jobs[0].tags.ids.size() == 1);
    const auto tags = storage::tagsOfLot(shop.ledger, shop.bar);
    REQUIRE(tags.size() == 1);
    CHECK(tags[0].serial == "100001"); // short code A's range
    const auto result = shop.printer.print(prepared.jobs[0]);
    INFO(result.message);
    REQUIRE(result.ok);
    const std::string zpl = zebra.received();
    CHECK(zpl.find("^RS8^RFW,H^FD" + tags[0].epcHex + "^FS") != std::string::npos);
    CHECK(storage::tagsOfLot(shop.ledger, shop.bar).size() == 1);
}

TEST_CASE("tagged labels: a print that fails voids its serials; never reused, never the lot's tag") {
    TaggingShop shop;
    auto prepared = shop.jobs({shop.bar, shop.bar}, "127.0.0.1:" + std::to_string(closedPort()));
    REQUIRE(prepared.jobs.size() == 2); // one label per copy, each with its serial
    std::vector<storage::LotTag> taken = storage::tagsOfLot(shop.ledger, shop.bar);
    REQUIRE(taken.size() == 2);
    for (const auto& job : prepared.jobs) {
        const auto result = shop.printer.print(job);
        REQUIRE_FALSE(result.ok);
        CHECK(result.tags.user == "ann");
        CHECK(voidTags(shop.ledger, result.tags, "label not printed: " + result.message).empty());
    }
    CHECK(storage::tagsOfLot(shop.ledger, shop.bar).empty());
    for (const auto& tag : taken) {
        const auto found = storage::lotTag(shop.ledger, tag.gtin, tag.serial);
        REQUIRE_FALSE(found);
        CHECK((found.error().kind == lotstation::ErrorKind::NotFound));
        CHECK(found.error().message.find("was voided (label not printed: Label " + shop.bar + " not printed") !=
              std::string::npos);
    }
    const auto next = must(storage::tagLot(shop.ledger, {.lot = shop.bar, .user = "ann"}));
    CHECK(next.serial == "100003");
    // Voiding again changes nothing (append-only, the first void stands).
    CHECK(voidTags(shop.ledger, TakenTags{{taken[0].id}, "ann"}, "again").empty());
    CHECK(storage::lotTag(shop.ledger, taken[0].gtin, taken[0].serial).error().message.find("again") ==
          std::string::npos);
}

TEST_CASE("tagged labels: nobody logged in, a lot without GTIN, or files: no serial is taken") {
    TaggingShop shop;
    const std::string zebra = "127.0.0.1:" + std::to_string(closedPort());
    auto nobody = shop.jobs({shop.bar}, zebra, std::nullopt);
    CHECK(nobody.jobs.empty());
    REQUIRE(nobody.failed.size() == 1);
    CHECK(nobody.failed[0].message ==
          "Label " + shop.bar + " not printed: log in first: each RFID tag is recorded for the person who prints it");
    auto noGtin = shop.jobs({shop.oil}, zebra);
    CHECK(noGtin.jobs.empty());
    REQUIRE(noGtin.failed.size() == 1);
    CHECK(noGtin.failed[0].message.find("has no GTIN") != std::string::npos);
    auto files = shop.jobs({shop.bar, shop.bar}, ""); // PNG / PDF in the labels folder: the label alone
    REQUIRE(files.jobs.size() == 1);
    CHECK(files.jobs[0].tags.empty());
    CHECK(storage::tagsOfLot(shop.ledger, shop.bar).empty());
    CHECK(storage::tagsOfLot(shop.ledger, shop.oil).empty());
}
