#pragma once
// The central store behind the protocol: one interface, two implementations (SQLite in a data folder:
// central_core.hpp; PostgreSQL: pg/pg_central.hpp). The protocol's rules — parsing and checking a push,
// the answer and its status codes, the pull cursor, when a conflict opens or closes — are written once
// (central_protocol.cpp, conflict_rule.cpp) over the primitives each store provides here.
//
// Not thread-safe: a server keeps one backend for writes (pushes) and one for reads, each behind a mutex.
// Several processes may share one store (SQLite WAL; PostgreSQL row locks and the order lock).
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/quality_sync.hpp"
#include "lotstation/sync/central_store.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::sync {

// What an HTTP handler sends back: a status and a JSON body.
struct Reply {
    int status = 200;
    std::string body;
    bool committed = false; // a push that wrote something (the fault switch drops only those answers)
};

// The answer to a store that failed: 503 while it is unreachable (the station retries), else 500.
[[nodiscard]] Reply storageError(const Error& e);

// The station a valid token belongs to.
struct Caller {
    std::string name;
    std::optional<std::string> stationId;
    std::int64_t acked = 0;
};

// A whole decimal number and nothing else ("12", not "12a" or " 12"), as query parameters carry them.
[[nodiscard]] inline std::optional<std::int64_t> toInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

struct PullLimits {
    std::size_t defaultLimit = 1000;
    std::size_t maxLimit = 5000;
    std::size_t maxPushMovements = 10000;

    // A pull's page size: the default when none is asked, capped at the maximum; empty when malformed.
    [[nodiscard]] std::optional<std::size_t> pick(std::string_view text) const {
        if (text.empty()) return defaultLimit;
        const auto value = toInteger(text);
        if (!value || *value < 1) return std::nullopt;
        return std::min(static_cast<std::size_t>(*value), maxLimit);
    }
};

// A registered station as the store holds it (the token only as its SHA-256).
struct StationRow {
    std::string name;
    std::string tokenHash;
    std::optional<std::string> stationId;
    std::int64_t acked = 0;
};

// What a push committed.
struct PushApplied {
    storage::ApplyBatchResult result; // outcomes of the committed prefix, and why the rest was not applied
    std::int64_t acked = 0;
};

// One movement of the pull order, already written as the protocol's JSON.
struct OrderedMovement {
    std::int64_t position = 0;
    std::string id;
    std::string stationId;
    std::string lot;
    std::string json;
};

// The lots a pull page names and their items, as the protocol's JSON objects.
struct LotDefinitions {
    std::vector<std::string> lots;
    std::vector<std::string> items;
};

// What a push of quality records committed (record_protocol.cpp).
struct RecordsApplied {
    std::int64_t applied = 0;
    std::int64_t present = 0;
    std::optional<Error> stopped; // why the record after the committed prefix was not applied
    std::int64_t acked = 0;       // the highest contiguous sequence of the station's records held
};

class CentralBackend {
  public:
    virtual ~CentralBackend() = default;
    std::string epoch;

    // --- the protocol (central_protocol.cpp): the same for every store ----------------------------------
    [[nodiscard]] std::optional<Caller> authenticate(std::string_view token);
    [[nodiscard]] Reply status(const Caller& caller, const PullLimits& limits);
    [[nodiscard]] Reply push(const Caller& caller, std::string_view body, const PullLimits& limits);
    [[nodiscard]] Reply pull(const Caller& caller, std::string_view cursor, std::string_view limit,
                             const PullLimits& limits);
    [[nodiscard]] Reply master();
    // Quality records (record_protocol.cpp): a station's own in, other stations' out by cursor.
    [[nodiscard]] Reply pushRecords(const Caller& caller, std::string_view body, const PullLimits& limits);
    [[nodiscard]] Reply pullRecords(const Caller& caller, std::string_view cursor, std::string_view limit,
                                    const PullLimits& limits);

    // --- primitives each store implements ----------------------------------------------------------------
    [[nodiscard]] virtual Result<std::vector<StationRow>> stationRows() = 0;
    // The registered station that already pushed as `stationId`, if any.
    [[nodiscard]] virtual Result<std::optional<std::string>> stationWithId(const std::string& stationId) = 0;
    // The server's own station id (its ledger never records; no station may claim it). Empty: none.
    [[nodiscard]] virtual std::string ownStationId() = 0;
    // In one transaction: binds the caller's station id (first push), applies the movements (in sequence
    // order; verified by hash and chain; a prefix may commit), raises the caller's acked mark and records the
    // effects (conflict_rule.hpp).
    [[nodiscard]] virtual Result<PushApplied> applyPush(const Caller& caller, const std::string& stationId,
                                                        const std::vector<storage::RemoteMovement>& batch) = 0;
    [[nodiscard]] virtual Result<std::int64_t> openConflictCount() = 0;
    // Whether `position` of the order holds movement `id` (a cursor this store handed out).
    [[nodiscard]] virtual Result<bool> holds(std::int64_t position, std::string_view id) = 0;
    [[nodiscard]] virtual Result<std::vector<OrderedMovement>> orderAfter(std::int64_t position,
                                                                        std::size_t limit) = 0;
    [[nodiscard]] virtual Result<LotDefinitions> definitions(const std::set<std::string>& lots) = 0;
    [[nodiscard]] virtual Result<storage::MasterData> masterData() = 0;

    // Quality records (storage/quality_sync.hpp). In one transaction: binds the caller's station id (a
    // station that never pushed a movement), applies the records in sequence order, each exactly once (a
    // prefix may commit).
    [[nodiscard]] virtual Result<RecordsApplied> applyRecords(const Caller& caller, const std::string& stationId,
                                                              const std::vector<storage::QualityRecord>& records) = 0;
    [[nodiscard]] virtual Result<std::vector<storage::QualityRecord>> recordsAfter(std::int64_t position,
                                                                                   std::size_t limit) = 0;
    [[nodiscard]] virtual Result<std::int64_t> recordHead(const std::string& stationId) = 0;

    // --- administration ------------------------------------------------------------------------------------
    [[nodiscard]] virtual Result<std::string> addStation(std::string_view name) = 0;
    [[nodiscard]] virtual Result<std::string> rotateToken(std::string_view name) = 0;
    [[nodiscard]] virtual Result<std::vector<StationRecord>> stations() = 0;
    [[nodiscard]] virtual Result<std::vector<Conflict>> conflicts(bool includeResolved) = 0;
    [[nodiscard]] virtual Result<Conflict> resolveConflict(std::int64_t id, std::string_view by,
                                                           std::string_view note) = 0;
    [[nodiscard]] virtual Result<std::filesystem::path> backup(const std::filesystem::path& dir) = 0;
    [[nodiscard]] virtual Result<void> editMaster(const MasterEdit& edit) = 0;
    [[nodiscard]] virtual Result<StoreContents> contents() = 0;
};

// Opens the store `location` names: a postgresql:// URL, else an SQLite data folder.
[[nodiscard]] Result<std::unique_ptr<CentralBackend>> openBackend(const std::string& location);

} // namespace lotstation::sync
