// The first hour of a new business in the real binary under Xvfb, with no command line at all
// (scripts/first_hour.events): setup, records, an operator's first PIN, receipts, a batch. Then the database:
// what was set up, what each record holds, the audit of every change, and the labels that were printed.
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

TEST_CASE("app: the first hour of a new business at the station, no command line, under Xvfb") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("first_hour.events");
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir() / "first-hour";
    const auto expected = prepareScreenshots(*events, shots);
    REQUIRE(expected.size() >= 15);
    TempDir work;
    const auto run = runScript(script, work.path(), shots, "");
    checkRun(run, *events, expected, shots);
    INFO("station output:\n" << run.output);

    auto ledger = storage::Ledger::open(work.file("station.db"));
    REQUIRE(ledger);
    CHECK(ledger->verify().value().empty());
    CHECK(storage::businessName(*ledger).value() == "Rose Soaps");
    CHECK(storage::ledgerCurrency(*ledger) == "EUR");
    CHECK(ledger->station().name == "Dock tablet");
    CHECK(ledger->station().shortCode == "D1");
    CHECK((ledger->user("rosa")->role == storage::UserRole::Admin));
    const auto olga = ledger->user("olga");
    REQUIRE(olga);
    CHECK((olga->role == storage::UserRole::Operator));
    CHECK(olga->badge == "B-OLGA");
    CHECK(ledger->recordPinAttempt("olga", "5151")); // the PIN she chose herself
    CHECK(ledger->suppliers()->size() == 2);
    CHECK(ledger->location("SHELF-A")->name == "Oils shelf");
    CHECK(ledger->items()->size() == 5);
    CHECK(ledger->item("OLIVE-OIL")->reorderPoint == 5'000'000);
    CHECK(ledger->item("BAR")->shelfLifeDays == 365);
    CHECK((ledger->item("BAR")->uom == storage::Uom::Piece));
    CHECK(ledger->itemByGtin("09501101530003")->sku == "SHEA");
    const auto recipe = ledger->recipe("BAR");
    REQUIRE(recipe);
    CHECK(recipe->outputQuantity == 10);
    REQUIRE(recipe->components.size() == 2);

    // Every change is audited, by who made it.
    const auto changes = storage::masterChanges(*ledger).value();
    CHECK(changes.size() >= 12); // admin, 2 suppliers, location, 5 items, recipe, olga, her PIN
    CHECK(changes.front().change == "PIN set");
    CHECK(changes.front().user == "olga");
    for (const auto& change : changes)
        CHECK((change.user == "rosa" || change.user == "olga"));

    // Two receipts by olga, a batch of ten bars from them, and labels for the shelf, the badge and the batch.
    const auto outbox = ledger->outbox(0, 1000).value();
    int receipts = 0, produced = 0;
    std::string batch;
    for (const auto& entry : outbox) {
        if (entry.movement.kind == storage::MovementKind::Receive) ++receipts;
        if (entry.movement.kind == storage::MovementKind::Produce) {
            ++produced;
            batch = entry.movement.lot;
            CHECK(entry.movement.user == "olga");
        }
    }
    CHECK(receipts == 2);
    REQUIRE(produced == 1);
    CHECK(batch.find("BAR-") == 0);
    CHECK(batch.find("-D1") != std::string::npos); // the short code chosen at setup
    const auto labels = work.path() / "data" / "lotstation" / "labels";
    CHECK(std::filesystem::exists(labels / (batch + ".png")));
    CHECK(std::filesystem::exists(labels / "location-SHELF-A.png"));
    CHECK(std::filesystem::exists(labels / "badge-olga.png"));
}
