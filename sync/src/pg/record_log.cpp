// The quality record log's writer and reader (record_log.hpp).
#include "record_log.hpp"

#include "../wire.hpp"
#include "columns.hpp"
#include "order_log.hpp"

#include <map>

namespace lotstation::sync::pg {
namespace {

constexpr const char* kSchema = R"sql(
CREATE SEQUENCE IF NOT EXISTS sync_record_position;
CREATE TABLE IF NOT EXISTS sync_records (
    position   BIGINT PRIMARY KEY,
    station_id TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    claim      TEXT UNIQUE,
    UNIQUE (station_id, seq),
    UNIQUE (kind, record_id)
);
CREATE INDEX IF NOT EXISTS sync_records_id ON sync_records (record_id);
CREATE TABLE IF NOT EXISTS sync_record_heads (
    station_id     TEXT PRIMARY KEY,
    last_seq       BIGINT NOT NULL,
    signature_seq  BIGINT NOT NULL,
    signature_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_blobs (
    sha256       TEXT PRIMARY KEY,
    first_record TEXT NOT NULL UNIQUE,
    content      TEXT NOT NULL
);
)sql";

constexpr const char* kInsert =
    "INSERT INTO sync_records (position, station_id, seq, kind, record_id, body, claim) ";

} // namespace

std::string tagClaim(const std::string& gtin, const std::string& serial) {
    return "tag " + gtin + " " + serial;
}

RecordEntry recordEntry(const storage::QualityRecord& record, std::optional<BlobEntry>* blob) {
    auto json = wire::toJson(record);
    auto& body = json["record"];
    if (body.contains("content")) {
        const auto& document = std::get<storage::DocumentRecord>(record.value);
        if (blob)
            *blob = BlobEntry{document.attachment.sha256, document.attachment.id, body["content"].get<std::string>()};
        body.erase("content");
    }
    RecordEntry out{record.position, record.stationId, record.seq, storage::recordKindOf(record),
                    storage::recordIdOf(record), json.dump(), {}};
    if (const auto* tag = std::get_if<storage::LotTag>(&record.value)) out.claim = tagClaim(tag->gtin, tag->serial);
    return out;
}

Result<void> createRecordLog(Connection& db) {
    return db.script(kSchema);
}

Result<void> appendRecordsInOrder(Connection& db, std::vector<RecordEntry>& entries) {
    if (entries.empty()) return {};
    std::vector<std::string> stations, seqs, kinds, ids, bodies, claims;
    for (const auto& e : entries) {
        stations.push_back(e.stationId);
        seqs.push_back(std::to_string(e.seq));
        kinds.push_back(e.kind);
        ids.push_back(e.recordId);
        bodies.push_back(e.body);
        claims.push_back(e.claim);
    }
    if (auto locked = lockOrder(db); !locked) return locked;
    // nextval in the select list is evaluated after ORDER BY: positions follow the batch's order.
    auto numbered = db.exec(std::string(kInsert) +
                                "SELECT nextval('sync_record_position'), s, q, k, i, b, nullif(c, '') FROM "
                                "unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) "
                                "WITH ORDINALITY AS t(s, q, k, i, b, c, n) ORDER BY n RETURNING position, seq",
                            {textArray(stations), textArray(seqs), textArray(kinds), textArray(ids),
                             textArray(bodies), textArray(claims)});
    if (!numbered) return std::unexpected(numbered.error());
    std::map<std::int64_t, std::int64_t> positions; // one station's records: seq → position
    for (int i = 0; i < numbered->size(); ++i)
        positions.emplace(numbered->int64(i, 1), numbered->int64(i, 0));
    for (auto& e : entries)
        e.position = positions[e.seq];
    return {};
}

Result<void> copyRecordsAt(Connection& db, const std::vector<RecordEntry>& entries) {
    if (entries.empty()) return {};
    Columns rows(7);
    std::int64_t last = 0;
    for (const auto& e : entries) {
        rows.add({std::to_string(e.position), e.stationId, std::to_string(e.seq), e.kind, e.recordId, e.body,
                  e.claim});
        last = std::max(last, e.position);
    }
    if (auto copied = rows.insert(db, std::string(kInsert) +
                                          "SELECT p, s, q, k, i, b, nullif(c, '') FROM unnest($1::bigint[], "
                                          "$2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], "
                                          "$7::text[]) AS t(p, s, q, k, i, b, c)");
        !copied)
        return copied;
    auto moved = db.exec("SELECT setval('sync_record_position', $1)", {std::to_string(last)});
    if (!moved) return std::unexpected(moved.error());
    return {};
}

Result<void> insertBlobs(Connection& db, const std::vector<BlobEntry>& blobs) {
    Columns rows(3);
    for (const auto& b : blobs)
        rows.add({b.sha256, b.firstRecord, b.content});
    return rows.insert(db, "INSERT INTO sync_blobs SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) "
                           "ON CONFLICT (sha256) DO NOTHING");
}

Result<std::vector<storage::QualityRecord>> recordPageAfter(Connection& db, std::int64_t after, std::size_t limit) {
    auto rows = db.exec("SELECT r.position, r.body, b.content FROM sync_records r LEFT JOIN sync_blobs b ON "
                        "r.kind = 'document' AND b.first_record = r.record_id WHERE r.position > $1 "
                        "ORDER BY r.position LIMIT $2",
                        {std::to_string(after), std::to_string(limit)});
    if (!rows) return std::unexpected(rows.error());
    std::vector<storage::QualityRecord> out;
    out.reserve(static_cast<std::size_t>(rows->size()));
    try {
        for (int i = 0; i < rows->size(); ++i) {
            auto json = wire::Json::parse(rows->text(i, 1));
            if (!rows->null(i, 2)) json["record"]["content"] = rows->text(i, 2);
            out.push_back(wire::qualityRecordFrom(json, "the record log"));
            out.back().position = rows->int64(i, 0);
        }
    } catch (const std::exception& e) {
        return fail(ErrorKind::Io, std::string("the PostgreSQL store's record log is unreadable: ") + e.what());
    }
    return out;
}

} // namespace lotstation::sync::pg
