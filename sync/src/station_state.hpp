#pragma once
// What the station remembers about sync, in a table of its own in the station's database: where the server
// is, the server's epoch and acked high-water mark as last seen, the pull cursor, and why pushing stopped.
#include "db.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace lotstation::sync {

struct StationSyncState {
    std::string serverUrl;
    std::string token;
    std::string epoch;
    std::int64_t acked = 0;
    std::string cursor;
    std::optional<std::string> pushStopped;
    std::optional<std::string> lastContact; // ISO timestamp
    std::optional<std::string> lastError;
    std::int64_t conflictsOpen = 0;
};

class StationStateStore {
  public:
    // Opens the station database (the ledger must have created it) and makes the table when missing.
    static StationStateStore open(const std::filesystem::path& ledgerPath);

    [[nodiscard]] StationSyncState load();
    void save(const StationSyncState& state);
    // This station's movements after `acked` that are waiting in the outbox.
    [[nodiscard]] std::int64_t pendingAfter(std::int64_t acked);

  private:
    explicit StationStateStore(db::Database db) : m_db(std::move(db)) {}
    db::Database m_db;
};

} // namespace lotstation::sync
