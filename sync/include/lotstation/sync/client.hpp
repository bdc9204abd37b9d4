#pragma once
// The station side of sync: pushes this station's outbox in order, pulls other stations' movements by cursor,
// applies master data, and keeps its own state (server epoch, acked sequence, cursor, why pushing stopped) in
// the station's database, in tables of its own beside the ledger's.
//
// One-shot: SyncClient::syncOnce() (the command line `lotstation sync`). Background: start() runs the same
// on a thread of its own, again and again, backing off while the server cannot be reached; status() is safe
// to call from any thread (the app's sync indicator).
#include "lotstation/storage/progress.hpp"
#include "lotstation/storage/time.hpp"
#include "lotstation/sync/error.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::sync {

struct ClientOptions {
    std::string serverUrl; // "http://host:port" or "https://host:port"
    std::string token;
    std::filesystem::path ledgerPath; // the station's database
    // Movements per push (capped by the server's max_push): each push costs a dozen statements and round
    // trips to the store whatever its size, so a station back from a day offline sends few large ones.
    std::size_t pushBatch = 5000;
    std::size_t pullBatch = 5000; // the most a server hands out in one page
    std::chrono::seconds timeout{30};
    std::optional<std::filesystem::path> caCert; // trust this certificate (self-signed servers)
    bool verifyTls = true;
    bool pull = true; // false: push only (a station that only records; benchmarks)
    // Called after each pulled page: movements pulled so far of all there are (-1 from an older server).
    // Returning false stops pulling after that page: what was applied stays, and the next sync goes on
    // from there.
    storage::Progress pullProgress{};
};

struct BackgroundOptions {
    std::chrono::milliseconds interval{5000};   // between syncs while all is well
    std::chrono::milliseconds minBackoff{1000}; // first wait after a failure, doubled up to maxBackoff
    std::chrono::milliseconds maxBackoff{60000};
};

// What one sync did, for the command line and the log.
struct SyncSummary {
    std::int64_t pushed = 0;        // movements the server newly committed
    std::int64_t pulled = 0;        // other stations' movements newly applied here
    std::int64_t pulledPresent = 0; // pulled but already here (redelivery, restart after a reset)
    std::int64_t masterAdded = 0;   // master data records added here
    std::int64_t masterUpdated = 0; // master data records updated here (newer on the server)
    std::int64_t recordsPushed = 0; // quality records (specs, inspections, signatures, documents) committed
    std::int64_t recordsPulled = 0; // other stations' quality records newly applied here
    std::int64_t acked = 0;         // the server's acknowledged high-water mark for this station
    std::int64_t pending = 0;       // this station's movements the server has not acknowledged
    std::int64_t conflictsOpen = 0; // conflicts the server lists for a supervisor
    std::string serverEpoch;
    std::vector<std::string> notes; // "the server was restored: re-pushing from 81", ...
};

// A pull of more than one page (a new station, or one back after days offline): movements pulled so far of
// all there are (total -1 when an older server does not say).
struct CatchUp {
    std::int64_t done = 0;
    std::int64_t total = -1;
};

// The state the app shows: pending count, last contact, last error, conflicts.
struct SyncStatus {
    std::int64_t pending = 0;
    std::int64_t acked = 0;
    std::optional<storage::Timestamp> lastContact;
    std::optional<std::string> lastError;
    std::int64_t conflictsOpen = 0;
    std::optional<std::string> pushStopped; // why pushing stopped (a sequence conflict); empty while fine
    bool running = false;                   // the background thread is on
    std::optional<CatchUp> catchingUp;      // while a pull has more than a page to go
};

class SyncClient {
  public:
    [[nodiscard]] static Result<SyncClient> open(ClientOptions options);

    SyncClient(SyncClient&&) noexcept;
    SyncClient& operator=(SyncClient&&) noexcept;
    ~SyncClient(); // stops the background thread

    // Push, pull, master data. A push refused with a sequence conflict stops pushing for good (pulling goes
    // on) until clearPushStop(); the error says why.
    [[nodiscard]] Result<SyncSummary> syncOnce();

    void start(BackgroundOptions options = {});
    void stop();
    [[nodiscard]] SyncStatus status() const;

    // After a person has dealt with a sequence conflict (e.g. restored the right database): push again.
    [[nodiscard]] Result<void> clearPushStop();

  private:
    struct Impl;
    explicit SyncClient(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// `lotstation sync [--server URL --token T]`: one sync of the station database at `ledgerPath`, using the
// server URL and token given, else those saved by an earlier call (saved when given). Returns the summary
// as lines of text for the terminal.
[[nodiscard]] Result<std::string> runSyncCommand(const std::filesystem::path& ledgerPath,
                                                 const std::optional<std::string>& serverUrl,
                                                 const std::optional<std::string>& token,
                                                 const storage::Progress& pullProgress = {});

// A new station's Link (the setup screen): one sync with the server given, with a short timeout (a person
// waits); the server and token are remembered for every later sync only when it went through.
[[nodiscard]] Result<SyncSummary> linkStation(const std::filesystem::path& ledgerPath, const std::string& serverUrl,
                                              const std::string& token);

} // namespace lotstation::sync
