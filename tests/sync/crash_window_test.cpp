// No crash window between data and bookkeeping: a process killed (SIGKILL) at any moment leaves the
// movements it committed and the sync bookkeeping about them consistent — on the server the station's acked
// mark and the debits of a push, on a station the pulled movements and the pull cursor.
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <csignal>
#include <future>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

// One integer out of a query on the file at `path` (a connection of its own, read-only).
std::int64_t queryInteger(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::int64_t value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

std::string queryText(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        if (const auto* text = sqlite3_column_text(statement, 0)) value = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

} // namespace

TEST_CASE("crash window: a server killed at any moment of a push keeps acked mark debits and movements "
          "together") {
    ScratchDir dir;
    Station dock;
    {
        Central setup(dir / "server");
        dock = makeStation(dir, setup, "dock", "D");
        syncAll(setup.url(), {dock}, 1);
    }
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 1500, "dock"); // 3000 movements, half of them moves (debits)
    }
    const auto serverFile = dir / "server" / "ledger.sqlite";
    ClientOptions options;
    options.pushBatch = 100; // many commits: many moments to be killed in
    int rounds = 0;
    int midway = 0; // rounds killed with part of the outbox on the server: the moments that matter
    for (int delayMs = 40; rounds < 12; delayMs += 37, ++rounds) {
        {
            ServerProcess server(dir / "server");
            auto pushing = std::async(std::launch::async, [&] {
                auto client = dock.client(server.url(), options);
                return client.syncOnce();
            });
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            server.kill();
            (void)pushing.get();
        }
        const auto acked =
            queryInteger(serverFile, "SELECT acked_seq FROM sync_stations WHERE name = 'dock'");
        const auto stored = queryInteger(
            serverFile, "SELECT count(*) FROM movements WHERE station_id = (SELECT station_id FROM "
                        "sync_stations WHERE name = 'dock')");
        const auto withFrom = queryInteger(
            serverFile, "SELECT count(*) FROM movements WHERE from_location_id IS NOT NULL AND station_id = "
                        "(SELECT station_id FROM sync_stations WHERE name = 'dock')");
        const auto debits = queryInteger(serverFile, "SELECT count(*) FROM sync_debits");
        INFO("round " << rounds << " killed after " << delayMs << " ms");
        CHECK(acked == stored); // every committed movement is acknowledged, and nothing more
        CHECK(debits == withFrom);
        if (stored > 0 && stored < 3000) ++midway;
        if (stored == 3000) break;
    }
    CHECK(midway > 0);
    ServerProcess server(dir / "server");
    auto client = dock.client(server.url(), options);
    auto done = client.syncOnce();
    REQUIRE_MESSAGE(done, (done ? "" : done.error().message));
    CHECK(queryInteger(serverFile, "SELECT acked_seq FROM sync_stations WHERE name = 'dock'") == 3000);
    checkConverged(serverFile, {dock}, 3000);
}

TEST_CASE("crash window: a station killed at any moment of a pull keeps its cursor and the pulled movements "
          "together") {
    ScratchDir dir;
    Station dock;
    Station line;
    {
        Central setup(dir / "server");
        dock = makeStation(dir, setup, "dock", "D");
        line = makeStation(dir, setup, "line", "L");
        syncAll(setup.url(), {dock, line}, 1);
        auto ledger = dock.open();
        (void)doWork(ledger, 1500, "dock");
        auto pushed = dock.client(setup.url()).syncOnce();
        REQUIRE(pushed);
    }
    const auto serverFile = dir / "server" / "ledger.sqlite";
    ServerProcess server(dir / "server");
    const auto dockId = dock.open().station().stationId;
    int rounds = 0;
    int midway = 0;
    std::int64_t pulled = 0;
    for (int delayMs = 30; rounds < 12 && pulled < 3000; delayMs += 41, ++rounds) {
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // The station process: pulls in small pages (many commits) until it is killed.
            ClientOptions options;
            options.pullBatch = 50;
            auto client = line.client(server.url(), options);
            (void)client.syncOnce();
            _exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        ::kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);

        // The cursor names a position in the server's order: exactly the dock movements up to it are here.
        const auto cursor = queryText(line.path, "SELECT cursor FROM sync_state");
        const auto position = cursor.empty() ? 0 : std::stoll(cursor.substr(0, cursor.find('.')));
        const auto expected =
            queryInteger(serverFile, "SELECT count(*) FROM movements WHERE station_id = '" + dockId +
                                         "' AND pos <= " + std::to_string(position));
        pulled =
            queryInteger(line.path, "SELECT count(*) FROM movements WHERE station_id = '" + dockId + "'");
        INFO("round " << rounds << " killed after " << delayMs << " ms; cursor " << cursor);
        CHECK(pulled == expected);
        if (pulled > 0 && pulled < 3000) ++midway;
    }
    CHECK(midway > 0);
    auto client = line.client(server.url());
    auto done = client.syncOnce();
    REQUIRE_MESSAGE(done, (done ? "" : done.error().message));
    checkConverged(serverFile, {dock, line}, 3000);
}
