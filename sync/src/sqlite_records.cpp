// The SQLite central store's quality records (central_backend.hpp): the central ledger applies them as
// another station's records; its record log's order is the order stations pull in.
#include "central_core.hpp"

#include "lotstation/storage/quality_sync.hpp"

namespace lotstation::sync {

Result<RecordsApplied> CentralStore::Impl::applyRecords(const Caller& caller, const std::string& stationId,
                                                        const std::vector<storage::QualityRecord>& records) {
    RecordsApplied out;
    auto committed = ledger.atomically([&]() -> storage::Result<void> {
        return guardedDb([&]() -> Result<void> {
            if (!caller.stationId)
                db().prepare("UPDATE sync_stations SET station_id = ?2 WHERE name = ?1 AND station_id IS NULL")
                    .bindAll(caller.name, stationId)
                    .run();
            for (const auto& record : records) {
                auto outcome = storage::applyRemoteQualityRecord(ledger, record);
                if (!outcome) {
                    out.stopped = outcome.error();
                    break; // the good prefix commits
                }
                (*outcome == storage::ApplyOutcome::Applied ? out.applied : out.present) += 1;
            }
            return {};
        });
    });
    if (!committed) return std::unexpected(committed.error());
    auto head = storage::qualityRecordHead(ledger, stationId);
    if (!head) return std::unexpected(head.error());
    out.acked = *head;
    return out;
}

Result<std::vector<storage::QualityRecord>> CentralStore::Impl::recordsAfter(std::int64_t position,
                                                                            std::size_t limit) {
    return storage::qualityRecordsAfter(ledger, position, limit);
}

Result<std::int64_t> CentralStore::Impl::recordHead(const std::string& stationId) {
    return storage::qualityRecordHead(ledger, stationId);
}

} // namespace lotstation::sync
