#pragma once
// Sync in the background, for the station app: a thread of its own syncs the station database with the
// server remembered in it (`lotstation sync --server URL --token T` remembers them), again and again — every
// `interval` while the server answers, backing off (doubling up to `maxBackoff`) while it cannot be reached
// or refuses. nudge() syncs now; stop() ends the thread promptly (a sync under way finishes its current
// request first, bounded by the request timeout). status() is a snapshot, safe and cheap to call from any
// thread every frame: it never touches the database or the network.
//
// Without a remembered server the link is NotConfigured and the thread looks again every `interval` (and on
// nudge()), so a server configured from the command line is picked up without a restart.
#include "lotstation/storage/time.hpp"
#include "lotstation/sync/client.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace lotstation::sync {

enum class SyncLink {
    NotConfigured, // no server URL and token remembered in the station database
    Offline,       // the server cannot be reached (backing off)
    Online,        // the last sync went through
    Failing,       // the server answered but refused (token, sequence conflict, ...) or the database failed
};

[[nodiscard]] const char* toString(SyncLink link);

struct BackgroundSyncOptions {
    std::filesystem::path ledgerPath;
    BackgroundOptions timing{};
    std::optional<std::filesystem::path> caCert; // trust this certificate (self-signed servers)
    std::chrono::seconds timeout{30};            // one HTTP request
    // How often the pending count is re-read between syncs (operators record movements meanwhile).
    std::chrono::milliseconds statusRefresh{500};
};

struct BackgroundStatus {
    SyncLink link = SyncLink::NotConfigured;
    std::string why;          // for Offline and Failing: the reason in words
    std::string serverUrl;    // as remembered; empty when not configured
    std::int64_t pending = 0; // this station's movements the server has not acknowledged
    std::optional<storage::Timestamp> lastContact;
    std::int64_t conflicts = 0; // open conflicts the server lists for a supervisor
    std::optional<std::string> lastError;
    std::optional<std::string> pushStopped; // a sequence conflict: pushing waits for a person
    std::int64_t attempts = 0;              // syncs tried since start (tests and diagnostics)
    bool syncing = false;                   // a sync is under way right now
    std::optional<CatchUp> catchingUp;      // a pull of many pages under way: how far it is
    bool running = false;
};

// Whether a server URL and token are remembered in the station database at `ledgerPath`.
[[nodiscard]] bool serverRemembered(const std::filesystem::path& ledgerPath);

class BackgroundSync {
  public:
    // Starts the thread. Fails only when the station database cannot be opened.
    [[nodiscard]] static Result<BackgroundSync> start(BackgroundSyncOptions options);

    BackgroundSync(BackgroundSync&&) noexcept;
    BackgroundSync& operator=(BackgroundSync&&) noexcept;
    ~BackgroundSync(); // stops

    void nudge(); // sync now (ends a wait or a back-off)
    void stop();
    [[nodiscard]] BackgroundStatus status() const;

  private:
    struct Impl;
    explicit BackgroundSync(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace lotstation::sync
