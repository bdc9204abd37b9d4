#pragma once
// The SQLite central store: the central ledger (whose connection also carries the server's own tables, so
// that they are written in the ledger's transactions) behind the CentralBackend primitives.
#include "central_backend.hpp"
#include "lotstation/storage/internal/ledger_connection.hpp"

#include <string>
#include <string_view>

namespace lotstation::sync {

namespace sql = storage::sql;

struct CentralStore::Impl final : CentralBackend {
    Impl(std::filesystem::path dir, storage::Ledger opened) : dataDir(std::move(dir)), ledger(std::move(opened)) {}

    std::filesystem::path dataDir;
    storage::Ledger ledger;

    // The server's tables are written on the ledger's own connection, in the ledger's transactions: a push's
    // movements, the station's acked mark and the conflict bookkeeping about them commit together.
    [[nodiscard]] sql::Database& db() { return storage::internal::connection(ledger); }

    [[nodiscard]] std::int64_t openConflicts() { return openConflictCount().value(); }

    Result<std::vector<StationRow>> stationRows() override;
    Result<std::optional<std::string>> stationWithId(const std::string& stationId) override;
    std::string ownStationId() override { return ledger.station().stationId; }
    Result<PushApplied> applyPush(const Caller& caller, const std::string& stationId,
                                  const std::vector<storage::RemoteMovement>& batch) override;
    Result<std::int64_t> openConflictCount() override;
    Result<bool> holds(std::int64_t position, std::string_view id) override;
    Result<std::int64_t> orderHead() override;
    Result<std::vector<OrderedMovement>> orderAfter(std::int64_t position, std::size_t limit) override;
    Result<LotDefinitions> definitions(const std::set<std::string>& lots) override;
    Result<storage::MasterData> masterData() override { return storage::readMasterData(ledger); }
    Result<RecordsApplied> applyRecords(const Caller& caller, const std::string& stationId,
                                        const std::vector<storage::QualityRecord>& records) override;
    Result<std::vector<storage::QualityRecord>> recordsAfter(std::int64_t position, std::size_t limit) override;
    Result<std::int64_t> recordHead(const std::string& stationId) override;

    Result<std::string> addStation(std::string_view name) override;
    Result<std::string> rotateToken(std::string_view name) override;
    Result<std::vector<StationRecord>> stations() override;
    Result<std::vector<Conflict>> conflicts(bool includeResolved) override;
    Result<Conflict> resolveConflict(std::int64_t id, std::string_view by, std::string_view note) override;
    Result<std::filesystem::path> backup(const std::filesystem::path& dir) override;
    Result<void> editMaster(const MasterEdit& edit) override;
    Result<StoreContents> contents() override;
};

// Runs `body`, turning an SQLite exception into an Io error.
template <typename Body> auto guardedDb(Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("server database error: ") + e.what());
    }
}

[[nodiscard]] storage::Result<std::unique_ptr<CentralStore::Impl>>
openCentral(const std::filesystem::path& dir);

// A quantity of `lot` in its item's unit ("-4 kg"); base units when the lot is unknown.
[[nodiscard]] std::string inItemUnit(const storage::Ledger& ledger, const std::string& lot,
                                     std::int64_t quantity);

inline constexpr std::string_view kLedgerFile = "ledger.sqlite";

} // namespace lotstation::sync
