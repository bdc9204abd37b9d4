// The pull order's writer and reader (see order_log.hpp for why positions are taken under a lock at commit).
#include "order_log.hpp"

#include <map>
#include <string_view>

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
    if (auto locked = lockOrder(db); !locked) return locked;
    // Under the lock nobody else takes positions: the batch's are reserved in one call, in the batch's order,
    // and the rows go in by COPY (an array parameter of thousands of bodies cost more to parse than to store).
    auto reserved = db.exec("SELECT setval('sync_log_position', nextval('sync_log_position') + $1 - 1)",
                            {std::to_string(entries.size())});
    if (!reserved) return std::unexpected(reserved.error());
    auto position = reserved->int64(0, 0) - static_cast<std::int64_t>(entries.size()) + 1;
    std::string rows;
    for (auto& e : entries) {
        e.position = position++;
        rows += std::to_string(e.position);
        const auto seq = std::to_string(e.seq);
        for (const auto& field : {std::string_view(e.stationId), std::string_view(seq),
                                  std::string_view(e.movementId), std::string_view(e.body), std::string_view(e.lot),
                                  std::string_view(e.hash)}) {
            rows += '\t';
            copyField(rows, field);
        }
        rows += '\n';
    }
    return db.copyIn("COPY sync_log (position, station_id, seq, movement_id, body, lot, hash) FROM STDIN", rows);
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
