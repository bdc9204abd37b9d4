// Faults on the way: a server killed mid-batch, answers lost after commit, batches duplicated, reordered and
// with gaps, a station offline for 10,000 movements, clocks that disagree. After each: heal, sync, and the
// one checker.
#include "lotstation/sync/protocol.hpp"
#include "pg/pg_connection.hpp"
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <future>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <thread>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;
using Json = nlohmann::json;

namespace {

// Syncs until it succeeds (a few tries): what a station's background loop does after a fault.
void syncUntilClean(const std::string& url, const Station& station, ClientOptions options = {}) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        auto client = station.client(url, options);
        if (client.syncOnce()) return;
    }
    FAIL("station " << station.name << " never synced cleanly");
}

// Counts the movements a server committed, through a connection of its own: a read-only one to the SQLite
// ledger file (WAL: it never blocks the server), or one to the PostgreSQL database.
class ServerMovements {
  public:
    explicit ServerMovements(const Central& central) {
        if (central.postgres()) {
            auto connection = pg::Connection::open(central.store);
            if (!connection) FAIL("cannot connect: " << connection.error().message);
            m_pg.emplace(std::move(*connection));
            return;
        }
        if (sqlite3_open_v2(central.ledgerPath().c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            FAIL("cannot open " << central.ledgerPath());
        sqlite3_busy_timeout(m_db, 1000);
    }
    ~ServerMovements() { sqlite3_close(m_db); }
    ServerMovements(const ServerMovements&) = delete;
    ServerMovements& operator=(const ServerMovements&) = delete;

    std::int64_t count() {
        if (m_pg) {
            auto rows = m_pg->exec("SELECT count(*) FROM sync_log");
            return rows ? rows->int64(0, 0) : -1;
        }
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(m_db, "SELECT count(*) FROM movements", -1, &s, nullptr) != SQLITE_OK)
            return -1;
        const auto n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return n;
    }

  private:
    sqlite3* m_db = nullptr;
    std::optional<pg::Connection> m_pg;
};

} // namespace

TEST_CASE_TEMPLATE("fault: the server is killed SIGKILL in the middle of a batch - after a restart nothing is lost "
                   "or doubled",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server"); // seeds master data, then stops: the real server takes over
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    central.stop();
    for (const auto& station : stations) {
        auto ledger = station.open();
        (void)doWork(ledger, 1500, station.name);
    }
    ClientOptions options;
    options.pushBatch = 500;
    std::vector<std::string> args;
    if (central.postgres()) args = {"--store", central.store};
    {
        ServerProcess server(dir / "server", args);
        auto pushing = std::async(std::launch::async, [&] {
            auto client = stations[0].client(server.url(), options);
            return client.syncOnce();
        });
        // The kill waits for an event, not for a time: the server has committed the first batch of 500 (so
        // the push is under way and the next batch is on its way).
        ServerMovements committed(central);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (committed.count() < 500 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        server.kill();
        const auto atKill = committed.count();
        auto cut = pushing.get();
        // Mid-batch for real: the push was cut (the station saw the server vanish), and the server holds
        // whole batches only, at least one and not all six.
        INFO("movements on the server at the kill: " << atKill);
        REQUIRE_FALSE(cut);
        CHECK((cut.error().kind == ErrorKind::Unavailable));
        CHECK(atKill >= 500);
        CHECK(atKill < 3000);
        CHECK(atKill % 500 == 0);
    }
    ServerProcess restarted(dir / "server", args);
    for (const auto& station : stations)
        syncUntilClean(restarted.url(), station, options);
    syncAll(restarted.url(), stations, 1);
    checkConverged(central, stations, 6000);
}

TEST_CASE_TEMPLATE("fault: the connection drops after the server committed before the station got the answer", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    ServerOptions faulty;
    faulty.dropAnswerEvery = 2;
    LOTSTATION_CENTRAL(central, dir / "server", faulty);
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"),
                                  makeStation(dir, central, "line", "L")};
    for (const auto& station : stations)
        syncUntilClean(central.url(), station);
    for (const auto& station : stations) {
        auto ledger = station.open();
        (void)doWork(ledger, 40, station.name);
    }
    ClientOptions small;
    small.pushBatch = 7;
    auto client = stations[0].client(central.url(), small);
    auto first = client.syncOnce();
    REQUIRE_FALSE(first); // the second batch's answer is lost
    CHECK((first.error().kind == ErrorKind::Unavailable));
    for (const auto& station : stations)
        syncUntilClean(central.url(), station, small);
    for (const auto& station : stations)
        syncUntilClean(central.url(), station, small);
    checkConverged(central, stations, 160);
}

TEST_CASE_TEMPLATE("fault: batches duplicated reordered shuffled and with gaps - the ack stays at the last "
                   "contiguous sequence",
                   TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    auto line = makeStation(dir, central, "line", "L");
    syncAll(central.url(), {dock, line}, 1);
    auto ledger = dock.open();
    (void)doWork(ledger, 15, "dock");
    const auto all = ledger.outbox(0, 100).value();
    REQUIRE(all.size() == 30);
    auto batch = [&](std::size_t from, std::size_t to) {
        return encodePush(ledger, std::span(all).subspan(from, to - from));
    };
    httplib::Client http(central.url());
    const httplib::Headers auth{{"Authorization", "Bearer " + dock.token}};
    auto push = [&](const std::string& body) {
        auto answer = http.Post("/v1/push", auth, body, "application/json");
        REQUIRE(answer);
        REQUIRE_MESSAGE(answer->status == 200, answer->body);
        return Json::parse(answer->body);
    };
    auto second = push(batch(10, 20)); // before the first: a gap
    CHECK(second["acked"] == 0);
    CHECK(second["applied"] == 0);
    CHECK(second.contains("stopped"));
    auto first = push(batch(0, 10));
    CHECK(first["acked"] == 10);
    CHECK(first["applied"] == 10);
    auto duplicate = push(batch(0, 10));
    CHECK(duplicate["acked"] == 10);
    CHECK(duplicate["applied"] == 0);
    CHECK(duplicate["already_present"] == 10);
    auto third = push(batch(20, 30)); // gap again: 11..20 still missing
    CHECK(third["acked"] == 10);
    auto shuffled = Json::parse(batch(5, 20)); // overlaps, in reverse order
    std::reverse(shuffled["movements"].begin(), shuffled["movements"].end());
    auto healed = push(shuffled.dump());
    CHECK(healed["acked"] == 20);
    CHECK(healed["applied"] == 10);
    CHECK(healed["already_present"] == 5);

    // The station heals the rest on its next sync.
    auto client = dock.client(central.url());
    auto summary = client.syncOnce();
    REQUIRE(summary);
    CHECK(summary->pushed == 10);
    CHECK(summary->acked == 30);
    syncAll(central.url(), {dock, line}, 1);
    checkConverged(central, {dock, line}, 30);
}

TEST_CASE_TEMPLATE("fault: a station offline for 10000 movements reconnects and catches up both ways", TestType,
                   LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"),
                                  makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);
    {
        auto offline = stations[0].open();
        (void)doWork(offline, 5000, "offline");
        auto online = stations[1].open();
        (void)doWork(online, 50, "online");
    }
    syncAll(central.url(), {stations[1]}, 1);
    auto client = stations[0].client(central.url());
    CHECK(client.status().pending == 10000);
    auto summary = client.syncOnce();
    REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
    CHECK(summary->pushed == 10000);
    CHECK(summary->pulled == 100);
    CHECK(summary->pending == 0);
    syncAll(central.url(), stations, 1);
    checkConverged(central, stations, 10100);
}

TEST_CASE_TEMPLATE("fault: clocks skewed between stations and server change nothing about order or content", TestType, LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    const auto now = storage::systemClock()();
    auto ahead = [now] { return now + std::chrono::days(3); };
    auto behind = [now] { return now - std::chrono::hours(26); };
    std::vector<Station> stations{makeStation(dir, central, "dock", "D", ahead),
                                  makeStation(dir, central, "line", "L", behind)};
    syncAll(central.url(), stations, 1);
    for (const auto& station : stations) {
        storage::OpenOptions options;
        options.clock = station.name == "dock" ? storage::Clock(ahead) : storage::Clock(behind);
        auto ledger = storage::Ledger::open(station.path, options);
        REQUIRE(ledger);
        (void)doWork(*ledger, 5, station.name);
    }
    // The station ahead (its movements stamped 3 days late) pushes first, the one behind second: the server
    // must hand out its movements in arrival order (all of dock's, then all of line's), which here is the
    // opposite of timestamp order, so ordering by the stations' clocks would fail.
    syncAll(central.url(), {stations[0], stations[1]}, 2);
    checkConverged(central, stations, 20);
    const auto dockId = stations[0].open().station().stationId;
    const auto order = central.open().contents().value().movements;
    REQUIRE(order.size() == 20);
    for (std::size_t i = 0; i < order.size(); ++i)
        CHECK_MESSAGE((order[i].stationId == dockId) == (i < 10), "position " << i);
    CHECK(order.front().at > order.back().at);
}
