// The PostgreSQL store's schema, created (or migrated) by the server when it opens the store.
#include "../conflict_rule.hpp"
#include "../token.hpp"
#include "order_log.hpp"
#include "pg_central.hpp"
#include "record_log.hpp"

namespace lotstation::sync::pg {
namespace {

// Any constant, the same in every process: the key under which one process at a time creates the schema.
constexpr const char* kSchemaLockKey = "7426015002";

// The server's tables, as in the SQLite store (prefixed sync_), plus what the central ledger gives the
// SQLite store for free: each station's chain head, lot and item definitions, balances per lot + location,
// and master data (one document: every record with its revision).
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sync_server (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    epoch          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    schema_version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_stations (
    name         TEXT PRIMARY KEY CHECK (length(name) > 0),
    token_hash   TEXT NOT NULL CHECK (length(token_hash) = 64),
    station_id   TEXT UNIQUE,
    acked_seq    BIGINT NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    last_contact TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS sync_stations_name ON sync_stations (lower(name));
CREATE TABLE IF NOT EXISTS sync_chains (
    station_id TEXT PRIMARY KEY,
    last_seq   BIGINT NOT NULL,
    last_hash  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_lots (
    code TEXT PRIMARY KEY,
    sku  TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_items (
    sku  TEXT PRIMARY KEY,
    uom  TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_balances (
    lot      TEXT NOT NULL,
    location TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (lot, location)
);
CREATE TABLE IF NOT EXISTS sync_debits (
    lot         TEXT NOT NULL,
    location    TEXT NOT NULL,
    movement_id TEXT NOT NULL,
    PRIMARY KEY (lot, location, movement_id)
);
CREATE TABLE IF NOT EXISTS sync_conflicts (
    id          BIGSERIAL PRIMARY KEY,
    lot         TEXT NOT NULL,
    location    TEXT NOT NULL,
    balance     BIGINT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT,
    note        TEXT,
    cleared_by  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS sync_conflicts_open ON sync_conflicts (lot, location)
    WHERE resolved_at IS NULL;
CREATE TABLE IF NOT EXISTS sync_master (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    body      TEXT NOT NULL
);
)sql";

} // namespace

Result<std::unique_ptr<PgCentral>> openPgCentral(const std::string& url) {
    auto connection = Connection::open(url);
    if (!connection) return std::unexpected(connection.error());
    auto& db = *connection;
    auto made = db.transaction([&]() -> Result<void> {
        if (auto locked = db.exec(std::string("SELECT pg_advisory_xact_lock(") + kSchemaLockKey + ")"); !locked)
            return std::unexpected(locked.error());
        auto exists = db.exec("SELECT to_regclass('sync_server') IS NOT NULL");
        if (!exists) return std::unexpected(exists.error());
        if (exists->text(0, 0) == "t") {
            auto version = db.exec("SELECT schema_version FROM sync_server");
            if (!version) return std::unexpected(version.error());
            if (version->size() > 0 && version->int64(0, 0) > kSchemaVersion)
                return fail(ErrorKind::Refused,
                            "the PostgreSQL store has schema version " + version->text(0, 0) +
                                ", newer than this server's (" + std::to_string(kSchemaVersion) +
                                "): use the lotstation-server that wrote it, or a newer one");
        }
        if (auto schema = db.script(kSchema); !schema) return schema;
        if (auto log = createOrderLog(db); !log) return log;
        if (auto records = createRecordLog(db); !records) return records;
        auto epoch = db.exec("INSERT INTO sync_server (singleton, epoch, created_at, schema_version) "
                             "VALUES (1, $1, $2, $3) ON CONFLICT (singleton) DO NOTHING",
                             {newEpoch(), nowText(), std::to_string(kSchemaVersion)});
        if (!epoch) return std::unexpected(epoch.error());
        // An older store has just gained what this version adds.
        auto version = db.exec("UPDATE sync_server SET schema_version = $1 WHERE schema_version < $1",
                               {std::to_string(kSchemaVersion)});
        if (!version) return std::unexpected(version.error());
        return {};
    });
    if (!made) return std::unexpected(made.error());
    auto epoch = db.exec("SELECT epoch FROM sync_server");
    if (!epoch) return std::unexpected(epoch.error());
    auto store = std::make_unique<PgCentral>(std::move(*connection), url);
    store->epoch = epoch->text(0, 0);
    return store;
}

} // namespace lotstation::sync::pg
