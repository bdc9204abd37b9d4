#pragma once
// The central server's store, in one of two places:
// - SQLite (the default): a ledger in the server's data folder (ledger.sqlite, the same model as a
//   station's) in which the server's own station never records, every station's movements applied as
//   remote ones, plus the server's tables;
// - PostgreSQL (a postgresql:// URL): the same records in a database several server processes share.
// Either holds the registered stations and their token hashes, the server epoch (a random id made when the
// store is created, kept by backups), the movements in the order stations pull them, master data with
// revisions, and conflicts (a lot + location that went negative).
//
// This is the administration face (lotstation-server's subcommands); the HTTP side is SyncServer. Several
// processes may open the same store at once (SQLite WAL and busy timeouts; PostgreSQL transactions).
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/master_data.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::sync {

struct StationRecord {
    std::string name;
    std::optional<std::string> stationId; // bound at the station's first request
    std::int64_t acked = 0;               // highest contiguous sequence committed
    std::optional<std::string> lastContact;
};

struct ConflictMovement {
    std::string id;
    std::string stationId;
    std::int64_t seq = 0;
    std::string kind;
    std::int64_t quantity = 0;
    std::string quantityText; // in the item's unit: "7 kg"
    std::string at;
};

// Stock of a lot at a location went below zero: movements from stations that did not know of each other
// took more than there was. Both are kept; a supervisor resolves (e.g. records a count) and closes it.
// Judged on the settled ledger: when a movement that arrives late (a receipt re-pushed after a restore)
// brings the balance back to zero or more, the dip was arrival order, not a double use, and the conflict
// closes by itself, naming that movement (clearedBy).
struct Conflict {
    std::int64_t id = 0;
    std::string lot;
    std::string location;
    std::int64_t balance = 0; // on hand at the location now, in base units
    std::string balanceText;  // the same in the item's unit: "-4 kg"
    std::string detectedAt;
    std::vector<ConflictMovement> movements; // every movement that took from the lot at that location
    std::optional<std::string> resolvedBy;
    std::optional<std::string> resolvedAt;
    std::optional<std::string> note;
    std::optional<std::string> clearedBy; // the movement whose arrival settled the balance again
};

// A change of master data: runs on a ledger that holds the store's master data; what it changed is kept
// when it succeeds, nothing when it fails.
using MasterEdit = std::function<storage::Result<void>(storage::Ledger&)>;

// Everything a store holds that stations must agree with: for checks and for moving a store.
struct StoreContents {
    std::vector<storage::Movement> movements;                                // in the pull order
    std::map<std::pair<std::string, std::string>, std::int64_t> balances; // (lot, location), non-zero
};

class CentralBackend;

// True for a store location that names PostgreSQL (postgresql:// or postgres://).
[[nodiscard]] bool isPostgresUrl(std::string_view location);

class CentralStore {
  public:
    // Opens (creating it when missing) the store `location` names: a postgresql:// URL, or else the
    // SQLite store in that data folder. A PostgreSQL store's schema is created or migrated here.
    [[nodiscard]] static storage::Result<CentralStore> open(const std::string& location);

    CentralStore(CentralStore&&) noexcept;
    CentralStore& operator=(CentralStore&&) noexcept;
    ~CentralStore();

    [[nodiscard]] std::string epoch() const;

    // Registers a station and returns its token, the only time it is ever shown.
    [[nodiscard]] storage::Result<std::string> addStation(std::string_view name);
    // A new token for a station (the old one stops working).
    [[nodiscard]] storage::Result<std::string> rotateToken(std::string_view name);
    [[nodiscard]] storage::Result<std::vector<StationRecord>> stations() const;

    // Master data is administered through a ledger's own calls (addItem, addLocation, updateItem, ...) in
    // `edit`; stations receive it with GET /v1/master.
    [[nodiscard]] storage::Result<void> editMaster(const MasterEdit& edit);
    [[nodiscard]] storage::Result<storage::MasterData> masterData() const;

    [[nodiscard]] storage::Result<std::vector<Conflict>> conflicts(bool includeResolved = false) const;
    [[nodiscard]] storage::Result<Conflict> resolveConflict(std::int64_t id, std::string_view by,
                                                            std::string_view note);

    // A consistent copy of the store in `dir`, safe while the server runs: SQLite VACUUM INTO
    // (dir/ledger.sqlite); PostgreSQL through pg_dump (dir/central.dump, restored with pg_restore).
    [[nodiscard]] storage::Result<std::filesystem::path> backup(const std::filesystem::path& dir) const;

    [[nodiscard]] storage::Result<StoreContents> contents() const;

    struct Impl; // the SQLite store (central_core.hpp)

  private:
    explicit CentralStore(std::unique_ptr<CentralBackend> backend);
    std::unique_ptr<CentralBackend> m_backend;
};

} // namespace lotstation::sync
