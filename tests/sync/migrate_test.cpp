// lotstation-server migrate, run as the real executable: an SQLite store in use (stations, movements, a
// conflict, master data, quality records with a document's bytes) moves into an empty PostgreSQL database, and its stations notice nothing — the
// same epoch, nothing to push or pull again, the same conflicts. A target that is not empty, and a folder
// with no store, are refused with a sentence, and nothing is written.
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/quality_sync.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Two offline stations each move 9 kg of the same 10 kg at the dock: a real double use, a conflict.
void doubleUse(const std::vector<Station>& stations, const std::string& url) {
    std::string lot;
    {
        auto dock = stations[0].open();
        lot = doWork(dock, 1, "double").front(); // 10 kg at DOCK, 2 kg of it moved to STORE
    }
    syncAll(url, stations, 2);
    for (const auto& station : stations) {
        auto ledger = station.open();
        auto moved = ledger.move({.lot = lot, .quantity = 7'000'000, .to = "LINE", .from = "DOCK", .user = "ann"});
        REQUIRE_MESSAGE(moved, (moved ? "" : moved.error().message));
    }
}

// A small PNG file attached to `lot` at the station: a document record (its bytes travel once per SHA-256).
void attachPhoto(const Station& station, const std::string& lot) {
    auto ledger = station.open();
    std::string png("\x89PNG\r\n\x1a\n", 8);
    png.resize(600, 'p');
    auto attached = storage::attach(ledger, {.subject = lot, .fileName = "photo.png", .content = png, .user = "ann"});
    REQUIRE_MESSAGE(attached, (attached ? "" : attached.error().message));
}

std::size_t recordsAt(const Station& station) {
    auto ledger = station.open();
    return storage::qualityRecordsAfter(ledger, 0, 1000).value().size();
}

} // namespace

TEST_CASE("migrate: an SQLite store in use moves into PostgreSQL and its stations notice nothing - a target "
          "that is not empty is refused") {
    auto target = StoreUnderTest::make(StoreKind::Postgres);
    if (!target) {
        if (pgRequired()) FAIL(std::string(kNoPg));
        LOTSTATION_SKIP(std::string(kNoPg));
    }
    ScratchDir dir;
    Central central(dir / "server"); // SQLite
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    std::string photographed;
    for (const auto& station : stations) {
        auto ledger = station.open();
        photographed = doWork(ledger, 3, station.name).front();
    }
    attachPhoto(stations[1], photographed);
    attachPhoto(stations[1], photographed); // the same file again: a record naming its hash only
    doubleUse(stations, central.url());
    syncAll(central.url(), stations, 2);
    const auto epoch = central.server->epoch();
    const auto before = central.open().contents().value();
    central.stop();

    const auto url = target->database->url();
    auto missing = runServer({"migrate", "--from", (dir / "nothing").string(), "--to", url});
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.output, "no SQLite store in"));

    auto moved = runServer({"migrate", "--from", central.dataDir.string(), "--to", url});
    INFO(moved.output);
    REQUIRE(moved.exitCode == 0);
    CHECK(contains(moved.output, "migrated 2 stations, " + std::to_string(before.movements.size()) + " movements"));
    CHECK(contains(moved.output, "1 conflicts, 2 quality records"));
    CHECK(contains(moved.output, "the same quality records in the same order"));

    Central pg(*target, dir / "unused");
    CHECK(pg.server->epoch() == epoch);
    for (const auto& station : stations) {
        auto summary = station.client(pg.url()).syncOnce();
        REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
        CHECK(summary->pushed == 0);
        CHECK(summary->pulled == 0);
        CHECK(summary->masterAdded == 0);
        CHECK(summary->masterUpdated == 0);
        CHECK(summary->recordsPushed == 0);
        CHECK(summary->recordsPulled == 0);
        CHECK(summary->notes.empty());
    }
    CHECK(recordsAt(stations[0]) == 2);
    // A station new to the store gets the record log, the document's bytes once.
    auto office = makeStation(dir, pg, "office", "O");
    syncAll(pg.url(), {office}, 1);
    CHECK(recordsAt(office) == 2);
    {
        auto ledger = office.open();
        const auto documents = storage::attachmentsOf(ledger, photographed);
        REQUIRE(documents.size() == 2);
        CHECK(storage::documentContent(ledger, documents[0].sha256).value().size() == 600);
    }
    checkConverged(pg, stations, static_cast<std::int64_t>(before.movements.size()));
    const auto conflicts = pg.open().conflicts().value();
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts.front().balanceText == "-6 kg");
    CHECK(conflicts.front().movements.size() == 3); // the first move to STORE and both moves to LINE

    // Into a store that is not empty: refused, and nothing changes.
    auto again = runServer({"migrate", "--from", central.dataDir.string(), "--to", url});
    CHECK(again.exitCode == 1);
    CHECK(contains(again.output, "is not empty"));
    CHECK(pg.open().contents().value().movements.size() == before.movements.size());

    // Work goes on against the PostgreSQL store.
    for (const auto& station : stations) {
        auto ledger = station.open();
        (void)doWork(ledger, 1, station.name + "-after");
    }
    attachPhoto(stations[1], photographed); // its hash only: the bytes are in the copy
    syncAll(pg.url(), stations, 2);
    checkConverged(pg, stations, static_cast<std::int64_t>(before.movements.size()) + 4);
    CHECK(recordsAt(stations[0]) == 3);
}
