// The pull order in PostgreSQL under concurrent commits: a page must never be overtaken by a row committed
// later with a smaller number (sync/src/pg/order_log.hpp). Real PostgreSQL, real concurrent transactions.
#include "pg/order_log.hpp"
#include "pg/record_log.hpp"
#include "pg_fixture.hpp"
#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace lotstation;
using namespace lotstation::sync;

namespace {

pg::Connection connect(const std::string& url) {
    auto connection = pg::Connection::open(url);
    REQUIRE_MESSAGE(connection, connection.error().message);
    return std::move(*connection);
}

std::vector<pg::LogEntry> batch(const std::string& station, std::int64_t firstSeq, int count) {
    std::vector<pg::LogEntry> out;
    for (int i = 0; i < count; ++i) {
        const auto seq = firstSeq + i;
        out.push_back(pg::LogEntry{0, station, seq, station + "-" + std::to_string(seq),
                                   R"({"note":"a \"quoted\" body \\ with a backslash"})"});
    }
    return out;
}

// Quality records of `station` numbered firstSeq.. (spec versions: the simplest record there is).
std::vector<pg::RecordEntry> records(const std::string& station, std::int64_t firstSeq, int count) {
    std::vector<pg::RecordEntry> out;
    for (int i = 0; i < count; ++i) {
        const auto seq = firstSeq + i;
        storage::SpecRecord spec;
        spec.recordId = station + ":" + std::to_string(seq);
        spec.sku = "OIL";
        spec.version = static_cast<int>(seq);
        spec.createdBy = "quinn";
        out.push_back(pg::recordEntry(storage::QualityRecord{0, station, seq, spec}));
    }
    return out;
}

// Waits (polling the server, no fixed sleep) until some session waits for an advisory lock.
bool someoneWaitsForTheOrderLock(pg::Connection& observer) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        auto rows =
            observer.exec("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        REQUIRE(rows);
        if (rows->int64(0, 0) > 0) return true;
        std::this_thread::yield();
    }
    return false;
}

} // namespace

TEST_CASE(
    "PostgreSQL order: a naive BIGSERIAL cursor does skip a row committed later with a smaller number") {
    LOTSTATION_PG_DATABASE(db);
    auto slow = connect(db.url());
    auto fast = connect(db.url());
    auto reader = connect(db.url());
    REQUIRE(reader.script("CREATE TABLE naive (position BIGSERIAL PRIMARY KEY, what TEXT)"));
    REQUIRE(slow.script("BEGIN; INSERT INTO naive (what) VALUES ('slow')")); // takes 1, not committed
    REQUIRE(fast.script("INSERT INTO naive (what) VALUES ('fast')"));        // takes 2, committed
    auto first = reader.exec("SELECT position FROM naive WHERE position > 0 ORDER BY position");
    REQUIRE(first);
    REQUIRE(first->size() == 1);
    const auto cursor = first->int64(0, 0);
    CHECK(cursor == 2);
    REQUIRE(slow.script("COMMIT"));
    auto second = reader.exec("SELECT position FROM naive WHERE position > $1", {std::to_string(cursor)});
    REQUIRE(second);
    CHECK(second->size() == 0); // 'slow' (position 1) is never handed out: the hazard the order log closes
}

TEST_CASE("PostgreSQL order: the same interleaving through the order log loses nothing") {
    LOTSTATION_PG_DATABASE(db);
    auto slow = connect(db.url());
    auto reader = connect(db.url());
    REQUIRE(pg::createOrderLog(reader));

    REQUIRE(slow.script("BEGIN"));
    auto slowBatch = batch("A", 1, 3);
    REQUIRE(pg::appendInOrder(slow, slowBatch)); // numbered, not committed: holds the order lock

    std::vector<pg::LogEntry> fastBatch = batch("B", 1, 2);
    std::atomic<bool> fastCommitted = false;
    auto fast = connect(db.url());
    std::thread fastWriter([&] {
        auto done = fast.transaction([&]() -> Result<void> { return pg::appendInOrder(fast, fastBatch); });
        fastCommitted = done.has_value();
    });
    REQUIRE(someoneWaitsForTheOrderLock(reader)); // the later writer is stuck behind the earlier one
    auto early = pg::pageAfter(reader, 0, 100);
    REQUIRE(early);
    CHECK(early->empty()); // nothing visible yet, so no cursor can move past the slow batch
    REQUIRE(slow.script("COMMIT"));
    fastWriter.join();
    REQUIRE(fastCommitted);

    auto all = pg::pageAfter(reader, 0, 100);
    REQUIRE(all);
    REQUIRE(all->size() == 5);
    CHECK(all->front().movementId == "A-1");
    CHECK(all->back().movementId == "B-2");
    CHECK(all->front().body == slowBatch.front().body); // quotes and backslashes survive the array literal
    for (std::size_t i = 1; i < all->size(); ++i)
        CHECK((*all)[i - 1].position < (*all)[i].position);
    CHECK(slowBatch.back().position < fastBatch.front().position);
}

TEST_CASE("PostgreSQL order: quality records numbered while movements hold the order lock lose nothing") {
    // Records are pulled by their own cursor, numbered under the same lock as the movements: a push of
    // records waits for a push of movements still open, and a record page shows nothing it could skip.
    LOTSTATION_PG_DATABASE(db);
    auto slow = connect(db.url());
    auto reader = connect(db.url());
    REQUIRE(pg::createOrderLog(reader));
    REQUIRE(pg::createRecordLog(reader));

    REQUIRE(slow.script("BEGIN"));
    auto slowMovements = batch("A", 1, 2);
    auto slowRecords = records("A", 1, 3);
    REQUIRE(pg::appendInOrder(slow, slowMovements));
    REQUIRE(pg::appendRecordsInOrder(slow, slowRecords)); // numbered, not committed

    auto fastRecords = records("B", 1, 2);
    std::atomic<bool> fastCommitted = false;
    auto fast = connect(db.url());
    std::thread fastWriter([&] {
        auto done = fast.transaction([&]() -> Result<void> { return pg::appendRecordsInOrder(fast, fastRecords); });
        fastCommitted = done.has_value();
    });
    REQUIRE(someoneWaitsForTheOrderLock(reader));
    auto early = pg::recordPageAfter(reader, 0, 100);
    REQUIRE(early);
    CHECK(early->empty());
    REQUIRE(slow.script("COMMIT"));
    fastWriter.join();
    REQUIRE(fastCommitted);

    auto all = pg::recordPageAfter(reader, 0, 100);
    REQUIRE(all);
    REQUIRE(all->size() == 5);
    std::vector<std::string> ids;
    for (const auto& r : *all)
        ids.push_back(storage::recordIdOf(r));
    CHECK(ids == std::vector<std::string>{"A:1", "A:2", "A:3", "B:1", "B:2"});
    for (std::size_t i = 1; i < all->size(); ++i)
        CHECK((*all)[i - 1].position < (*all)[i].position);
    CHECK(slowRecords.back().position < fastRecords.front().position);
}

TEST_CASE("PostgreSQL order: a reader paging while four writers commit sees every row exactly once") {
    LOTSTATION_PG_DATABASE(db);
    auto reader = connect(db.url());
    REQUIRE(pg::createOrderLog(reader));
    constexpr int kWriters = 4;
    constexpr int kTransactions = 40;
    constexpr int kPerTransaction = 5;
    std::vector<pg::Connection> connections;
    for (int w = 0; w < kWriters; ++w)
        connections.push_back(connect(db.url()));
    std::atomic<int> failures = 0;
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            auto& writer = connections[static_cast<std::size_t>(w)];
            const auto station = "S" + std::to_string(w);
            for (int t = 0; t < kTransactions; ++t) {
                auto entries = batch(station, 1 + t * kPerTransaction, kPerTransaction);
                auto done = writer.transaction([&]() -> Result<void> {
                    // Work before numbering, as a push validates and updates balances first.
                    if (auto work = writer.exec("SELECT pg_sleep(0.001)"); !work)
                        return std::unexpected(work.error());
                    return pg::appendInOrder(writer, entries);
                });
                if (!done) ++failures; // asserted on the test's thread
            }
        });
    }
    std::set<std::string> seen;
    std::int64_t cursor = 0;
    constexpr std::size_t kTotal = kWriters * kTransactions * kPerTransaction;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (seen.size() < kTotal && failures == 0 && std::chrono::steady_clock::now() < deadline) {
        auto page = pg::pageAfter(reader, cursor, 7);
        REQUIRE(page);
        for (const auto& e : *page) {
            CHECK(e.position > cursor);
            cursor = e.position;
            CHECK_MESSAGE(seen.insert(e.movementId).second, e.movementId << " handed out twice");
        }
    }
    for (auto& writer : writers)
        writer.join();
    CHECK(failures == 0);
    CHECK(seen.size() == kTotal);
    auto rest = pg::pageAfter(reader, cursor, 1000);
    REQUIRE(rest);
    CHECK(rest->empty());
}
