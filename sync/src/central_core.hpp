#pragma once
// Inside a CentralStore: the central ledger (whose connection also carries the server's own tables, so that
// they are written in the ledger's transactions) and the protocol operations the HTTP layer calls. Not
// thread-safe: the server keeps one for writes (pushes) and one for reads (pulls, master data, status),
// each behind its own mutex.
#include "lotstation/storage/internal/ledger_connection.hpp"
#include "lotstation/sync/central_store.hpp"

#include <string>
#include <string_view>

namespace lotstation::sync {

namespace sql = storage::sql;

// What an HTTP handler sends back: a status and a JSON body.
struct Reply {
    int status = 200;
    std::string body;
    bool committed = false; // a push that wrote something (the fault switch drops only those answers)
};

// The station a valid token belongs to.
struct Caller {
    std::string name;
    std::optional<std::string> stationId;
    std::int64_t acked = 0;
};

struct PullLimits {
    std::size_t defaultLimit = 1000;
    std::size_t maxLimit = 5000;
    std::size_t maxPushMovements = 10000;
};

struct CentralStore::Impl {
    std::filesystem::path dataDir;
    storage::Ledger ledger;
    std::string epoch;

    // The server's tables are written on the ledger's own connection, in the ledger's transactions: a push's
    // movements, the station's acked mark and the conflict bookkeeping about them commit together.
    [[nodiscard]] sql::Database& db() { return storage::internal::connection(ledger); }

    // The station whose token this is, or empty when no station has it.
    [[nodiscard]] std::optional<Caller> authenticate(std::string_view token);

    [[nodiscard]] Reply status(const Caller& caller, const PullLimits& limits);
    [[nodiscard]] Reply push(const Caller& caller, std::string_view body, const PullLimits& limits);
    [[nodiscard]] Reply pull(const Caller& caller, std::string_view cursor, std::string_view limit,
                             const PullLimits& limits);
    [[nodiscard]] Reply master();
    // Quality records (record_protocol.cpp): a station's own, and other stations' by cursor.
    [[nodiscard]] Reply pushRecords(const Caller& caller, std::string_view body, const PullLimits& limits);
    [[nodiscard]] Reply pullRecords(const Caller& caller, std::string_view cursor, std::string_view limit,
                                    const PullLimits& limits);

    [[nodiscard]] std::int64_t openConflicts();
    // After movements were applied: remembers what they took from where and flags negative stock.
    [[nodiscard]] storage::Result<void> recordEffects(const std::vector<storage::Movement>& applied);
};

[[nodiscard]] storage::Result<std::unique_ptr<CentralStore::Impl>>
openCentral(const std::filesystem::path& dir);

// After movements were applied (in the push's transaction): flags a QC release and a QC rejection of one lot
// by two stations that did not know of each other (disposition_conflicts.cpp).
inline constexpr std::string_view kDispositionClashPlace = "QC release vs rejection";
[[nodiscard]] storage::Result<void> flagDispositionClashes(CentralStore::Impl& impl,
                                                           const std::vector<storage::Movement>& applied);

// A quantity of `lot` in its item's unit ("-4 kg"); base units when the lot is unknown.
[[nodiscard]] std::string inItemUnit(const storage::Ledger& ledger, const std::string& lot,
                                     std::int64_t quantity);

inline constexpr std::string_view kLedgerFile = "ledger.sqlite";

} // namespace lotstation::sync
