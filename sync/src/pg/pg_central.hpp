#pragma once
// The PostgreSQL central store: the same records as the SQLite store, in tables several server processes
// share, the quality record log included (record_log.hpp, pg_records.cpp). Pushes of one station are serialised by its chain row (SELECT ... FOR UPDATE); the pull order is
// the order log (order_log.hpp); balances are kept per lot + location for the conflict rule; master data is
// one document with revisions, edited through a scratch ledger so that every rule of master data stays the
// ledger's own.
#include "../central_backend.hpp"
#include "pg_connection.hpp"

namespace lotstation::sync::pg {

// The schema version this server writes; a store with a higher one was made by a newer server.
// 2: the quality record log (record_log.hpp).
inline constexpr int kSchemaVersion = 2;

class PgCentral final : public CentralBackend {
  public:
    explicit PgCentral(Connection connection, std::string url)
        : m_db(std::move(connection)), m_url(std::move(url)) {}

    Result<std::vector<StationRow>> stationRows() override;
    Result<std::optional<std::string>> stationWithId(const std::string& stationId) override;
    std::string ownStationId() override { return {}; }
    Result<PushApplied> applyPush(const Caller& caller, const std::string& stationId,
                                  const std::vector<storage::RemoteMovement>& batch) override;
    Result<std::int64_t> openConflictCount() override;
    Result<bool> holds(std::int64_t position, std::string_view id) override;
    Result<std::vector<OrderedMovement>> orderAfter(std::int64_t position, std::size_t limit) override;
    Result<LotDefinitions> definitions(const std::set<std::string>& lots) override;
    Result<storage::MasterData> masterData() override;
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

    [[nodiscard]] Connection& db() { return m_db; }
    // A quantity of `lot` in its item's unit ("-4 kg"); base units when the lot is unknown.
    [[nodiscard]] Result<std::string> inItemUnit(const std::string& lot, std::int64_t quantity);

  private:
    Connection m_db;
    std::string m_url;
};

// Connects, creates or migrates the schema, reads the epoch. A store written by a newer server is refused.
[[nodiscard]] Result<std::unique_ptr<PgCentral>> openPgCentral(const std::string& url);

} // namespace lotstation::sync::pg
