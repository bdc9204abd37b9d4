// Several servers, one database: two real lotstation-server processes on the same PostgreSQL store, behind
// no load balancer at all — each station picks one of them at random for every sync, and one of them is
// SIGKILLed in the middle of pushes again and again. Nothing may be lost or duplicated, and every station
// must receive the others' movements in the one order the store assigns, and every quality record (here a
// document on a lot, each round's file new, then the same file again) exactly once.
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/quality_sync.hpp"

#include <chrono>
#include <random>
#include <set>
#include <thread>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

constexpr int kRounds = 8;

// The ids of the movements of other stations than `self`, in `order`.
std::vector<std::string> othersIn(const std::vector<storage::Movement>& order, const std::string& self) {
    std::vector<std::string> out;
    for (const auto& m : order)
        if (m.stationId != self) out.push_back(m.id);
    return out;
}

} // namespace

TEST_CASE("two servers on one PostgreSQL store: stations alternate at random and one server is SIGKILLed "
          "mid-push - every station pulls every movement exactly once in one order") {
    using TestType = PostgresStore;
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server"); // seeds master data and registers stations, then stops
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"), makeStation(dir, central, "line", "L"),
                                  makeStation(dir, central, "office", "O")};
    central.stop();
    const std::vector<std::string> args{"--store", central.store};
    std::array<std::unique_ptr<ServerProcess>, 2> servers{std::make_unique<ServerProcess>(dir / "a", args),
                                                           std::make_unique<ServerProcess>(dir / "b", args)};
    syncAll(servers[1]->url(), stations, 1); // master data first
    const auto seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    int kills = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (const auto& station : stations) {
            auto ledger = station.open();
            const auto lots = doWork(ledger, 1, station.name + "-" + std::to_string(round));
            std::string png("\x89PNG\r\n\x1a\n", 8);
            png += station.name + std::to_string(round % 4); // files repeat: some travel as a hash only
            REQUIRE(storage::attach(ledger, {.subject = lots.at(0), .fileName = "photo.png", .content = png,
                                             .user = "ann"}));
        }
        for (const auto& station : stations) {
            const auto pick = random() % 2;
            ClientOptions small;
            small.pushBatch = 1; // many pushes per sync: more moments to be killed in
            auto client = station.client(servers[pick]->url(), small);
            std::thread killer;
            if (pick == 0 && random() % 2 == 0) {
                // Where the kill lands does not matter to the checks; it only makes the moments vary.
                const auto delay = std::chrono::microseconds(random() % 20'000);
                killer = std::thread([&, delay] {
                    std::this_thread::sleep_for(delay);
                    servers[0]->kill();
                });
            }
            (void)client.syncOnce(); // fails when its server was killed under it: the next sync sends it again
            if (killer.joinable()) {
                killer.join();
                servers[0] = std::make_unique<ServerProcess>(dir / "a", args);
                ++kills;
            }
        }
    }
    CHECK(kills > 0);
    // Settle: every station syncs through each server in turn until all have everything.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& server : servers)
            syncAll(server->url(), stations, 1);

    checkConverged(central, stations, kRounds * 3 * 2);
    std::set<std::string> recordIds;
    for (const auto& station : stations) {
        auto ledger = station.open();
        const auto records = storage::qualityRecordsAfter(ledger, 0, 1000).value();
        CHECK(records.size() == kRounds * 3);
        for (const auto& record : records) {
            recordIds.insert(storage::recordIdOf(record));
            const auto& document = std::get<storage::DocumentRecord>(record.value);
            CHECK(storage::documentContent(ledger, document.attachment.sha256).has_value());
        }
    }
    CHECK(recordIds.size() == kRounds * 3);
    const auto order = central.open().contents().value().movements;
    for (const auto& station : stations) {
        auto ledger = station.open();
        auto all = ledger.movementsSince(0, 1u << 20).value();
        std::vector<storage::Movement> arrived;
        for (auto& a : all)
            arrived.push_back(std::move(a.movement));
        const auto self = ledger.station().stationId;
        CHECK_MESSAGE(othersIn(arrived, self) == othersIn(order, self),
                      "station " << station.name << " received the others' movements in another order");
    }
}
