// The PostgreSQL store going away: a connection cut in the middle of a push, a database that is not there
// at start, a wrong connection string, a schema written by a newer server. Each is a clear sentence and a
// non-zero exit (or a failed sync the station retries); nothing is half-written, and work resumes.
#include "pg/pg_connection.hpp"
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <chrono>
#include <future>
#include <thread>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

pg::Connection connect(const std::string& url) {
    auto connection = pg::Connection::open(url);
    REQUIRE_MESSAGE(connection, (connection ? "" : connection.error().message));
    return std::move(*connection);
}

// The process id of the server connection waiting for a lock in this database, once there is one.
std::string waitingBackend(pg::Connection& watcher) {
    for (int attempt = 0; attempt < 2000; ++attempt) {
        auto rows = watcher.exec("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
                                 "wait_event_type = 'Lock'");
        REQUIRE(rows);
        if (rows->size() > 0) return rows->text(0, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    FAIL("no push ever waited for the lock");
    return {};
}

} // namespace

TEST_CASE("PostgreSQL store: the connection is cut in the middle of a push - a clear error, nothing "
          "half-written, and the next sync resumes") {
    using TestType = PostgresStore;
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    {
        auto ledger = stations[0].open();
        (void)doWork(ledger, 5, "cut");
    }
    // Another session holds the balances: the push stops there, inside its transaction, and is cut.
    auto blocker = connect(central.store);
    auto watcher = connect(central.store);
    REQUIRE(blocker.script("BEGIN; LOCK TABLE sync_balances IN ACCESS EXCLUSIVE MODE"));
    auto pushing = std::async(std::launch::async, [&] { return stations[0].client(central.url()).syncOnce(); });
    const auto victim = waitingBackend(watcher);
    REQUIRE(watcher.exec("SELECT pg_terminate_backend($1)", {victim}));
    auto cut = pushing.get();
    REQUIRE_FALSE(cut);
    CHECK((cut.error().kind == ErrorKind::Unavailable));
    CHECK(contains(cut.error().message, "PostgreSQL store"));
    REQUIRE(blocker.script("ROLLBACK"));

    // Nothing of the cut push: no movement, no acked mark.
    auto store = central.open();
    CHECK(store.contents().value().movements.empty());
    const auto registered = store.stations().value();
    for (const auto& s : registered)
        CHECK(s.acked == 0);

    // The server opens its connection again by itself: the next syncs go through, exactly once.
    syncAll(central.url(), stations, 2);
    checkConverged(central, stations, 10);
}

TEST_CASE("PostgreSQL store: a database that is not there, a wrong connection string and a newer schema are "
          "refused with a sentence and a non-zero exit") {
    using TestType = PostgresStore;
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    central.stop();

    auto down = runServer({"--store", "postgresql:///lotstation?host=" + (dir / "no-cluster").string(), "serve",
                           "--listen", "127.0.0.1:0"});
    CHECK(down.exitCode == 1);
    CHECK(contains(down.output, "cannot connect to the PostgreSQL store"));

    auto wrong = runServer({"--store", "postgresql://db.example/lotstation?nosuchoption=1", "station", "list"});
    CHECK(wrong.exitCode == 1);
    CHECK(contains(wrong.output, "not a PostgreSQL connection string"));

    auto notUrl = runServer({"--store", "/var/lib/lotstation", "station", "list"});
    CHECK(notUrl.exitCode == 1);
    CHECK(contains(notUrl.output, "--store takes a PostgreSQL URL"));

    auto admin = connect(central.store);
    REQUIRE(admin.script("UPDATE sync_server SET schema_version = 99"));
    auto newer = runServer({"--store", central.store, "station", "add", "late"});
    CHECK(newer.exitCode == 1);
    CHECK(contains(newer.output, "schema version 99, newer than this server's"));
    auto stations = admin.exec("SELECT count(*) FROM sync_stations");
    REQUIRE(stations);
    CHECK(stations->int64(0, 0) == 0); // nothing written
}
