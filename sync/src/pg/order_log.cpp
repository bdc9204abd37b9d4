// The pull order's writer and reader (see order_log.hpp for why positions are taken under a lock at commit).
#include "order_log.hpp"

#include <map>

namespace lotstation::sync::pg {
namespace {

// Any constant, the same in every process on the database: the key of the order lock.
constexpr const char* kOrderLockKey = "7426015001";

constexpr const char* kSchema = R"sql(
CREATE SEQUENCE IF NOT EXISTS sync_log_position;
CREATE TABLE IF NOT EXISTS sync_log (
    position    BIGINT PRIMARY KEY,
    station_id  TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    movement_id TEXT NOT NULL UNIQUE,
    body        TEXT NOT NULL,
    lot         TEXT NOT NULL DEFAULT '',
    hash        TEXT NOT NULL DEFAULT '',
    UNIQUE (station_id, seq)
);
CREATE INDEX IF NOT EXISTS sync_log_lot ON sync_log (lot);
)sql";

} // namespace

std::string textArray(const std::vector<std::string>& values) {
    std::string out = "{";
    for (const auto& value : values) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (const char c : value) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

Result<void> createOrderLog(Connection& db) {
    return db.script(kSchema);
}

Result<void> lockOrder(Connection& db) {
    auto locked = db.exec(std::string("SELECT pg_advisory_xact_lock(") + kOrderLockKey + ")");
    if (!locked) return std::unexpected(locked.error());
    return {};
}

Result<void> appendInOrder(Connection& db, std::vector<LogEntry>& entries) {
    if (entries.empty()) return {};
    std::vector<std::string> stations, seqs, ids, bodies, lots, hashes;
    for (const auto& e : entries) {
        stations.push_back(e.stationId);
        seqs.push_back(std::to_string(e.seq));
        ids.push_back(e.movementId);
        bodies.push_back(e.body);
        lots.push_back(e.lot);
        hashes.push_back(e.hash);
    }
    if (auto locked = lockOrder(db); !locked) return locked;
    // nextval in the select list is evaluated after ORDER BY: positions follow the batch's order.
    auto numbered = db.exec(
        "INSERT INTO sync_log (position, station_id, seq, movement_id, body, lot, hash) "
        "SELECT nextval('sync_log_position'), s, q, m, b, l, h FROM unnest($1::text[], $2::bigint[], "
        "$3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(s, q, m, b, l, h, n) "
        "ORDER BY n RETURNING position, movement_id",
        {textArray(stations), textArray(seqs), textArray(ids), textArray(bodies), textArray(lots),
         textArray(hashes)});
    if (!numbered) return std::unexpected(numbered.error());
    std::map<std::string, std::int64_t, std::less<>> positions;
    for (int i = 0; i < numbered->size(); ++i)
        positions.emplace(numbered->text(i, 1), numbered->int64(i, 0));
    for (auto& e : entries)
        e.position = positions[e.movementId];
    return {};
}

Result<std::vector<LogEntry>> pageAfter(Connection& db, std::int64_t after, std::size_t limit) {
    auto rows =
        db.exec("SELECT position, station_id, seq, movement_id, body, lot, hash FROM sync_log "
                "WHERE position > $1 ORDER BY position LIMIT $2",
                {std::to_string(after), std::to_string(limit)});
    if (!rows) return std::unexpected(rows.error());
    std::vector<LogEntry> out;
    out.reserve(static_cast<std::size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(LogEntry{rows->int64(i, 0), rows->text(i, 1), rows->int64(i, 2), rows->text(i, 3),
                               rows->text(i, 4), rows->text(i, 5), rows->text(i, 6)});
    return out;
}

} // namespace lotstation::sync::pg
