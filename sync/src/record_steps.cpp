// The station's quality records in a sync (sync_steps.hpp): pull other stations' records by cursor (each page
// and the cursor after it in one transaction), then push this station's record outbox after the mark the
// server acknowledges. After movements and master data, so the lots and items records name are here.
#include "sync_steps.hpp"

#include "lotstation/storage/quality_sync.hpp"

namespace lotstation::sync {
namespace {

using wire::Json;

// The records cursor, valid for the server epoch it came from (a new store starts over).
constexpr const char* kRecordsTable = "CREATE TABLE IF NOT EXISTS sync_record_cursor (singleton INTEGER PRIMARY "
                                      "KEY CHECK (singleton = 1), epoch TEXT NOT NULL, cursor TEXT NOT NULL)";

std::string loadCursor(sql::Database& db, const std::string& epoch) {
    db.exec(kRecordsTable);
    auto s = db.prepare("SELECT epoch, cursor FROM sync_record_cursor");
    if (!s.step() || s.text(0) != epoch) return {};
    return s.text(1);
}

void saveCursor(sql::Database& db, const std::string& epoch, const std::string& cursor) {
    db.prepare("INSERT INTO sync_record_cursor (singleton, epoch, cursor) VALUES (1, ?1, ?2) ON CONFLICT "
               "(singleton) DO UPDATE SET epoch = ?1, cursor = ?2")
        .bindAll(epoch, cursor)
        .run();
}

std::string encodeRecords(const std::string& station, const std::vector<storage::QualityRecord>& batch) {
    Json records = Json::array();
    for (const auto& record : batch)
        records.push_back(wire::toJson(record));
    return Json{{"protocol", wire::kProtocolVersion}, {"station", station}, {"records", std::move(records)}}.dump();
}

// Pulls pages until the server has no more; returns the server's acked mark for this station's records.
Result<std::int64_t> pullRecords(SyncSession& s) {
    auto& db = storage::internal::connection(s.ledger);
    std::string cursor = loadCursor(db, s.state.epoch);
    std::int64_t acked = 0;
    while (true) {
        auto answer = s.http.get("/v1/records?limit=" + std::to_string(s.options.pullBatch) +
                                 (cursor.empty() ? std::string() : "&cursor=" + cursor));
        if (!answer) return std::unexpected(answer.error());
        std::vector<storage::QualityRecord> page;
        bool more = false;
        std::string next;
        try {
            acked = wire::integerAt(answer->body, "acked", "answer");
            next = wire::stringAt(answer->body, "cursor", "answer");
            more = answer->body.value("more", false);
            const auto& list = wire::arrayAt(answer->body, "records", "answer");
            for (std::size_t i = 0; i < list.size(); ++i)
                page.push_back(wire::qualityRecordFrom(list[i], "records[" + std::to_string(i) + "]"));
        } catch (const wire::WireError& e) {
            return fail(ErrorKind::Invalid, std::string("the server's records answer: ") + e.what());
        }
        std::optional<storage::Error> stopped;
        auto committed = s.ledger.atomically([&]() -> Result<void> {
            for (const auto& record : page) {
                auto outcome = storage::applyRemoteQualityRecord(s.ledger, record);
                if (!outcome) {
                    stopped = outcome.error();
                    return {}; // the good prefix stays; the cursor does not move past what is missing
                }
                if (*outcome == storage::ApplyOutcome::Applied) ++s.summary.recordsPulled;
            }
            saveCursor(db, s.state.epoch, next);
            return {};
        });
        if (!committed) return std::unexpected(committed.error());
        if (stopped) {
            if (stopped->kind == ErrorKind::Conflict || stopped->kind == ErrorKind::Invalid)
                return fail(stopped->kind, "a quality record from the server: " + stopped->message);
            s.summary.notes.push_back("quality records wait: " + stopped->message);
            return acked;
        }
        cursor = next;
        if (!more) return acked;
    }
}

// How far the server has this station's records, without pulling (a push-only sync).
Result<std::int64_t> serverMark(SyncSession& s) {
    auto answer = s.http.get("/v1/records?limit=1");
    if (!answer) return std::unexpected(answer.error());
    return answer->body.value("acked", std::int64_t{0});
}

} // namespace

Result<void> syncQualityRecords(SyncSession& s) {
    auto acked = s.options.pull ? pullRecords(s) : serverMark(s);
    if (!acked && acked.error().kind == ErrorKind::Refused) {
        // A server older than the record log (404 not-supported): they stay here, and the
        // operator is told so only when this station has some to send.
        auto waiting = storage::qualityOutbox(s.ledger, 0, 1);
        if (!waiting) return std::unexpected(waiting.error());
        if (!waiting->empty()) s.summary.notes.push_back("quality records not synced: " + acked.error().message);
        return {};
    }
    if (!acked) return std::unexpected(acked.error());
    std::int64_t mark = *acked;
    constexpr std::size_t kBatchBytes = 8u * 1024u * 1024u; // a few documents at most per request
    while (true) {
        auto outbox = storage::qualityOutbox(s.ledger, mark, s.pushBatch);
        if (!outbox) return std::unexpected(outbox.error());
        if (outbox->empty()) return {};
        std::vector<storage::QualityRecord> batch;
        std::size_t bytes = 0;
        for (auto& record : *outbox) {
            if (const auto* d = std::get_if<storage::DocumentRecord>(&record.value); d && d->content)
                bytes += d->content->size();
            batch.push_back(std::move(record));
            if (bytes > kBatchBytes) break;
        }
        auto answer = s.http.post("/v1/records", encodeRecords(s.ledger.station().stationId, batch));
        if (!answer) return std::unexpected(answer.error());
        const auto serverAcked = answer->body.value("acked", std::int64_t{0});
        s.summary.recordsPushed += answer->body.value("applied", std::int64_t{0});
        if (serverAcked <= mark)
            return fail(ErrorKind::Invalid, "the server does not accept quality record " + std::to_string(mark + 1) +
                                                ": " + answer->body.value("stopped", std::string("no reason given")));
        mark = serverAcked;
    }
}

} // namespace lotstation::sync
