#pragma once
// What the station remembers about sync, in a table of its own in the station's database: where the server
// is, the server's epoch and acked high-water mark as last seen, the pull cursor, and why pushing stopped.
//
// The store works on the ledger's own connection (so that a pulled page and the cursor after it commit in
// one transaction of the ledger) or on a connection of its own (status reads from another thread, the
// command line remembering a server).
#include "lotstation/storage/internal/ledger_connection.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace lotstation::sync {

namespace sql = storage::sql;

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
    // On the ledger's connection; the ledger must outlive the store. Makes the table when missing.
    static StationStateStore on(storage::Ledger& ledger);
    // A connection of its own to the station database (the ledger must have created it).
    static StationStateStore open(const std::filesystem::path& ledgerPath);

    [[nodiscard]] StationSyncState load();
    void save(const StationSyncState& state);
    // This station's movements after `acked` that are waiting in the outbox.
    [[nodiscard]] std::int64_t pendingAfter(std::int64_t acked);

  private:
    StationStateStore(std::unique_ptr<sql::Database> owned, sql::Database& db);
    std::unique_ptr<sql::Database> m_owned;
    sql::Database* m_db;
};

} // namespace lotstation::sync
