// Master data flows from the server: changes reach stations, in one transaction (a bad record and nothing
// changes), newer only (a server restored from an older backup does not undo what stations already have).
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/sync/master_edit.hpp"
#include "sync_fixture.hpp"
#include "test_support.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;
using namespace lotstation::storage;

namespace {

// Changes every kind of master record on the server, as an administrator would while it serves.
void changeOnServer(Central& central, const std::string& oilName) {
    central.editMaster([&](Ledger& ledger) {
    auto oil = ledger.item("OIL");
    REQUIRE(oil);
    auto changed = asNewItem(*oil);
    changed.name = oilName;
    changed.shelfLifeDays = 540;
    changed.defaultLocation = "STORE";
    REQUIRE(updateItem(ledger, changed));
    REQUIRE(updateLocation(ledger, {"DOCK", "North dock", LocationKind::Dock}));
    REQUIRE(updateSupplier(ledger, {"ACME", "Acme Oils Ltd"}));
    REQUIRE(updateCustomer(ledger, {"SHOP", "Corner shop & cafe"}));
    NewUser ann;
    ann.name = "ann";
    ann.role = UserRole::Supervisor;
    ann.badge = "B-ANN";
    ann.pin = "4711";
    REQUIRE(updateUser(ledger, ann));
    REQUIRE(ledger.setRecipe(Recipe{"SOAP", 2, {{"OIL", 150'000}}}));
    NewItem lye;
    lye.sku = "LYE";
    lye.name = "Sodium hydroxide";
    REQUIRE(ledger.addItem(lye));
    });
}

} // namespace

TEST_CASE_TEMPLATE("master data: a change on the server reaches the station item location supplier customer user "
                   "recipe",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);

    changeOnServer(central, "Extra virgin olive oil");
    auto summary = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterAdded == 1);   // LYE
    CHECK(summary->masterUpdated == 6); // OIL, DOCK, ACME, SHOP, ann, the SOAP recipe

    auto ledger = dock.open();
    auto oil = ledger.item("OIL");
    REQUIRE(oil);
    CHECK(oil->name == "Extra virgin olive oil");
    CHECK(oil->shelfLifeDays.value_or(0) == 540);
    CHECK(oil->defaultLocation.value_or("") == "STORE");
    CHECK(ledger.location("DOCK")->name == "North dock");
    CHECK(ledger.supplier("ACME")->name == "Acme Oils Ltd");
    CHECK(ledger.customer("SHOP")->name == "Corner shop & cafe");
    auto ann = ledger.user("ann");
    REQUIRE(ann);
    CHECK((ann->role == UserRole::Supervisor));
    CHECK(ann->badge.value_or("") == "B-ANN");
    CHECK(ledger.recordPinAttempt("B-ANN", "4711").has_value()); // the PIN hash came along; the PIN itself never travelled
    CHECK(ledger.recipe("SOAP")->outputQuantity == 2);
    CHECK(ledger.recipe("SOAP")->components.at(0).quantity == 150'000);
    CHECK(ledger.item("LYE").has_value());

    auto again = dock.client(central.url()).syncOnce();
    REQUIRE(again);
    CHECK(again->masterAdded == 0);
    CHECK(again->masterUpdated == 0);
}

TEST_CASE_TEMPLATE("master data: one bad record in the batch leaves the station's master data untouched", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);
    {
        // Made on the station itself: badge B7 belongs to bob here.
        auto ledger = dock.open();
        NewUser bob;
        bob.name = "bob";
        bob.badge = "B7";
        REQUIRE(ledger.addUser(bob));
    }
    changeOnServer(central, "Renamed oil");
    central.editMaster([](Ledger& ledger) {
        NewUser carl;
        carl.name = "carl";
        carl.badge = "B7"; // fine on the server, but bob has it on the station
        REQUIRE(ledger.addUser(carl));
    });
    auto refused = dock.client(central.url()).syncOnce();
    REQUIRE_FALSE(refused);
    CHECK((refused.error().kind == ErrorKind::Io));
    CHECK(refused.error().message.find("badge B7") != std::string::npos);
    CHECK(refused.error().message.find("carl") != std::string::npos);

    auto ledger = dock.open();
    CHECK(ledger.item("OIL")->name == "Olive oil"); // applied before the bad user: undone with it
    CHECK(ledger.location("DOCK")->name == "Receiving dock");
    CHECK_FALSE(ledger.item("LYE").has_value());
    CHECK_FALSE(ledger.user("carl").has_value());
    CHECK((ledger.user("ann")->role == UserRole::Operator));
    CHECK(ledger.recipe("SOAP")->outputQuantity == 1);

    // Fixed on the server: everything arrives at once.
    central.editMaster([](Ledger& server) {
        NewUser carl;
        carl.name = "carl";
        carl.badge = "C1";
        REQUIRE(updateUser(server, carl));
    });
    auto fixed = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(fixed, (fixed ? "" : fixed.error().message));
    CHECK(dock.open().item("OIL")->name == "Renamed oil");
    CHECK(dock.open().user("carl")->badge.value_or("") == "C1");
}

TEST_CASE_TEMPLATE("master data: a server restored from an older backup does not undo newer master data on stations", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);
    REQUIRE(central.open().backup(dir / "backup"));
    changeOnServer(central, "Newer name");
    REQUIRE(dock.client(central.url()).syncOnce());
    REQUIRE(dock.open().item("OIL")->name == "Newer name");

    central.restore(dir / "backup");
    auto summary = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterUpdated == 0);
    CHECK(dock.open().item("OIL")->name == "Newer name"); // the backup's older record is stale here

    // A change made on the restored server after the restore is newer than anything before: it arrives.
    central.editMaster([](Ledger& ledger) {
        auto oil = ledger.item("OIL");
        REQUIRE(oil);
        auto changed = asNewItem(*oil);
        changed.name = "Name after the restore";
        REQUIRE(updateItem(ledger, changed));
    });
    REQUIRE(dock.client(central.url()).syncOnce());
    CHECK(dock.open().item("OIL")->name == "Name after the restore");
}

TEST_CASE_TEMPLATE("master data: an item's unit cannot change on the server once lots of it exist", TestType,
                   LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 1, "unit");
    }
    syncAll(central.url(), {dock}, 1);
    auto store = central.open();
    auto changed = store.editMaster([](Ledger& server) -> Result<void> {
        auto oil = asNewItem(server.item("OIL").value());
        oil.uom = Uom::Piece;
        auto updated = updateItem(server, oil);
        if (!updated) return std::unexpected(updated.error());
        return {};
    });
    REQUIRE_FALSE(changed);
    CHECK((changed.error().kind == ErrorKind::Conflict));
    CHECK(changed.error().message.find("the unit of OIL cannot change from g to pc") != std::string::npos);
    const auto master = store.masterData().value();
    for (const auto& item : master.items)
        if (item.value.sku == "OIL") CHECK((item.value.uom == Uom::Gram)); // nothing kept
}

TEST_CASE_TEMPLATE("master data: a linked station's change is made on the server, by its roles, and synced back",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    REQUIRE(runSyncCommand(dock.path, central.url(), dock.token)); // remembered, as the setup's Link does
    CHECK(linkedServer(dock.path) == central.url());

    NewItem lye{.sku = "LYE", .name = "Sodium hydroxide", .kind = ItemKind::Raw, .uom = Uom::Gram};
    lye.shelfLifeDays = 720;
    REQUIRE(saveOnServer(dock.path, {lye, "sue"}));
    auto onServer = central.open().masterData();
    REQUIRE(onServer);
    bool there = false;
    for (const auto& item : onServer->items)
        there = there || (item.value.sku == "LYE" && item.value.shelfLifeDays == 720);
    CHECK(there);
    CHECK(dock.open().item("LYE")->name == "Sodium hydroxide"); // synced back at once

    // The server's roles and rules decide, in the ledger's words; nothing is written.
    auto byOperator = saveOnServer(dock.path, {SupplierEdit{{"WAX", "Wax Co"}}, "ann"});
    REQUIRE_FALSE(byOperator);
    CHECK((byOperator.error().kind == ErrorKind::Refused));
    CHECK(byOperator.error().message == "ann is an operator: changing master data needs a supervisor");
    auto unknownComponent = saveOnServer(dock.path, {Recipe{"SOAP", 1, {{"NOPE", 5}}}, "sue"});
    REQUIRE_FALSE(unknownComponent);
    CHECK(unknownComponent.error().message.find("NOPE") != std::string::npos);
    CHECK_FALSE(dock.open().supplier("WAX"));

    // No server: Unavailable, and the sentence says nothing was changed.
    central.stop();
    auto offline = saveOnServer(dock.path, {SupplierEdit{{"WAX", "Wax Co"}}, "sue"});
    REQUIRE_FALSE(offline);
    CHECK((offline.error().kind == ErrorKind::Unavailable));
    CHECK(offline.error().message.find("nothing was changed") != std::string::npos);
}

TEST_CASE_TEMPLATE("master data: an item's QC policy set on the server reaches the stations - a receipt there is "
                   "born in quarantine",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    syncAll(central.url(), {dock}, 1);
    central.editMaster([](Ledger& ledger) { REQUIRE(setQcPolicy(ledger, "OIL", QcPolicy::Receipt)); });
    auto summary = dock.client(central.url()).syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->masterUpdated == 1);
    auto ledger = dock.open();
    CHECK((qcPolicy(ledger, "OIL").value() == QcPolicy::Receipt));
    auto received = ledger.receive({.sku = "OIL", .supplier = "ACME", .supplierLot = "Q-1", .quantity = 1'000'000,
                                    .location = "DOCK", .user = "ann"});
    REQUIRE_MESSAGE(received, (received ? "" : received.error().message));
    CHECK((ledger.lot(received->lotCode).value().status == LotStatus::Quarantine));
    // An edit of the item's other fields on the server keeps its policy.
    central.editMaster([](Ledger& server) {
        auto changed = asNewItem(server.item("OIL").value());
        changed.name = "Olive oil, QC on receipt";
        REQUIRE(updateItem(server, changed));
    });
    REQUIRE(dock.client(central.url()).syncOnce());
    CHECK((qcPolicy(dock.open(), "OIL").value() == QcPolicy::Receipt));
}

TEST_CASE("master data: POST /v1/master refuses a body that is not one record, naming what it carries") {
    ScratchDir dir;
    auto ledger = Ledger::open(dir / "central.db");
    REQUIRE(ledger);
    seedMasterData(*ledger);
    CHECK(applyMasterEdit(*ledger, "not json").error().message.find("not a JSON object") != std::string::npos);
    CHECK(applyMasterEdit(*ledger, R"({"by": "sue"})").error().message.find("one of item, supplier") !=
          std::string::npos);
    CHECK(applyMasterEdit(*ledger, R"({"by": "sue", "item": {"sku": "X"}})").error().message.find("item") !=
          std::string::npos);
    CHECK((applyMasterEdit(*ledger, R"({"item": {"sku": "X"}})").error().kind == ErrorKind::Invalid));
    CHECK(*applyMasterEdit(*ledger, R"({"by": "sue", "customer": {"code": "CAFE", "name": "Cafe"}})") == "Cafe");
}
