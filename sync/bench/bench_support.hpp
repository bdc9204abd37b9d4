#pragma once
// What the sync benchmark's scenarios share: timing, station databases made by real ledger operations,
// clients, and the printed line.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/sync/client.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace lotstation::bench {

using Clock = std::chrono::steady_clock;

[[nodiscard]] double secondsSince(Clock::time_point start);
// CPU seconds of this process (server and stations run in it): on a shared, loaded machine wall time
// overstates the cost; both are printed.
[[nodiscard]] double cpuSeconds();
[[noreturn]] void die(const std::string& message);

template <typename T> T must(std::expected<T, storage::Error> result, const char* what) {
    if (!result) die(std::string(what) + ": " + result.error().message);
    return std::move(*result);
}

// A station database with `events` movements made by real ledger operations: a receipt, then moves of part
// of it between the dock and the store (five movements per lot).
storage::Ledger makeStation(const std::filesystem::path& path, const std::string& name, const std::string& code,
                            std::int64_t events);
sync::SyncClient clientFor(const std::string& url, const std::string& token, const std::filesystem::path& path,
                           bool pull = true);
sync::SyncSummary syncOrDie(sync::SyncClient& client);
// The peer: the station's movements applied straight into a ledger on the same disk, batch by batch.
double peerApplyRate(const storage::Ledger& station, const std::filesystem::path& path, std::size_t batch);
void line(const char* what, std::int64_t events, double seconds, double cpu, const std::string& peer = {});

} // namespace lotstation::bench
