// The SQLite central store: its own tables beside the ledger's, and its administration (stations,
// conflicts, backups).
#include "central_core.hpp"
#include "conflict_rule.hpp"
#include "lotstation/storage/quantity.hpp"
#include "token.hpp"

#include <system_error>

namespace lotstation::sync {
namespace {

using storage::ErrorKind;
using storage::fail;

// The server's tables live beside the ledger's in the same file, prefixed sync_ so they never meet the
// ledger's migrations. A backup of the file therefore carries the epoch and the acked marks with the
// movements they describe.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sync_server (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    epoch      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_stations (
    name         TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) > 0),
    token_hash   TEXT NOT NULL CHECK (length(token_hash) = 64),
    station_id   TEXT UNIQUE,
    acked_seq    INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    last_contact TEXT
);
-- Which movements took stock from a lot at a location: the movements a conflict involves.
CREATE TABLE IF NOT EXISTS sync_debits (
    lot         TEXT NOT NULL COLLATE NOCASE,
    location    TEXT NOT NULL COLLATE NOCASE,
    movement_id TEXT NOT NULL,
    PRIMARY KEY (lot, location, movement_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_conflicts (
    id          INTEGER PRIMARY KEY,
    lot         TEXT NOT NULL COLLATE NOCASE,
    location    TEXT NOT NULL COLLATE NOCASE,
    balance     INTEGER NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT,
    note        TEXT,
    cleared_by  TEXT -- the movement whose arrival brought the balance back (closed by the ledger itself)
);
CREATE UNIQUE INDEX IF NOT EXISTS sync_conflicts_open ON sync_conflicts (lot, location) WHERE resolved_at IS NULL;
)sql";

// Stores made before conflicts could close by themselves lack cleared_by.
void addClearedBy(sql::Database& database) {
    auto has =
        database.prepare("SELECT 1 FROM pragma_table_info('sync_conflicts') WHERE name = 'cleared_by'");
    if (!has.step()) database.exec("ALTER TABLE sync_conflicts ADD COLUMN cleared_by TEXT");
}

constexpr const char* kConflictColumns =
    "id, lot, location, detected_at, resolved_by, resolved_at, note, cleared_by FROM sync_conflicts";

Conflict readConflict(CentralStore::Impl& impl, sql::Statement& row) {
    Conflict c;
    c.id = row.int64(0);
    c.lot = row.text(1);
    c.location = row.text(2);
    c.detectedAt = row.text(3);
    c.resolvedBy = row.optText(4);
    c.resolvedAt = row.optText(5);
    c.note = row.optText(6);
    c.clearedBy = row.optText(7);
    c.balance = impl.ledger.onHand(c.lot, c.location).value(); // a failing disk throws, as the reads above
    const auto inUnit = [&](std::int64_t q) { return inItemUnit(impl.ledger, c.lot, q); };
    c.balanceText = inUnit(c.balance);
    auto debits = impl.db().prepare("SELECT movement_id FROM sync_debits WHERE lot = ?1 AND location = ?2");
    debits.bindAll(c.lot, c.location);
    while (debits.step()) {
        auto m = impl.ledger.movement(debits.text(0));
        if (!m) continue;
        c.movements.push_back(ConflictMovement{m->id, m->stationId, m->seq, storage::toString(m->kind),
                                               m->quantity, inUnit(m->quantity),
                                               storage::formatTimestamp(m->at)});
    }
    std::sort(c.movements.begin(), c.movements.end(),
              [](const auto& a, const auto& b) { return a.at < b.at || (a.at == b.at && a.id < b.id); });
    return c;
}

} // namespace

std::string inItemUnit(const storage::Ledger& ledger, const std::string& lot, std::int64_t quantity) {
    const auto found = ledger.lot(lot);
    if (!found) return std::to_string(quantity) + " (base units)";
    const auto item = ledger.item(found->sku);
    if (!item) return std::to_string(quantity) + " (base units)";
    return storage::formatQuantity(quantity, item->uom);
}

storage::Result<std::unique_ptr<CentralStore::Impl>> openCentral(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail(ErrorKind::Io, "cannot create data folder " + dir.string() + ": " + ec.message());
    const auto path = dir / kLedgerFile;
    auto ledger =
        storage::Ledger::open(path, {.identity = storage::StationIdentity{"", "central server", ""}});
    if (!ledger) return std::unexpected(ledger.error());
    return guardedDb([&]() -> storage::Result<std::unique_ptr<CentralStore::Impl>> {
        auto impl = std::make_unique<CentralStore::Impl>(dir, std::move(*ledger));
        auto& database = impl->db();
        {
            sql::Transaction transaction(database);
            database.exec(kSchema);
            addClearedBy(database);
            database
                .prepare("INSERT INTO sync_server (singleton, epoch, created_at) SELECT 1, ?1, ?2 "
                         "WHERE NOT EXISTS (SELECT 1 FROM sync_server)")
                .bindAll(newEpoch(), nowText())
                .run();
            transaction.commit();
        }
        auto read = database.prepare("SELECT epoch FROM sync_server");
        read.step();
        impl->epoch = read.text(0);
        return impl;
    });
}

Result<std::string> CentralStore::Impl::addStation(std::string_view name) {
    return guardedDb([&]() -> storage::Result<std::string> {
        auto token = newToken();
        sql::Transaction transaction(db());
        auto exists = db().prepare("SELECT 1 FROM sync_stations WHERE name = ?1");
        exists.bindAll(name);
        if (exists.step())
            return fail(ErrorKind::Conflict, "station " + std::string(name) + " exists already");
        db()
            .prepare("INSERT INTO sync_stations (name, token_hash, created_at) VALUES (?1, ?2, ?3)")
            .bindAll(name, storage::internal::sha256Hex(token), nowText())
            .run();
        transaction.commit();
        return token;
    });
}

Result<std::string> CentralStore::Impl::rotateToken(std::string_view name) {
    return guardedDb([&]() -> storage::Result<std::string> {
        auto token = newToken();
        sql::Transaction transaction(db());
        auto exists = db().prepare("SELECT 1 FROM sync_stations WHERE name = ?1");
        exists.bindAll(name);
        if (!exists.step()) return fail(ErrorKind::NotFound, "no station " + std::string(name));
        db()
            .prepare("UPDATE sync_stations SET token_hash = ?2 WHERE name = ?1")
            .bindAll(name, storage::internal::sha256Hex(token))
            .run();
        transaction.commit();
        return token;
    });
}

Result<std::vector<StationRecord>> CentralStore::Impl::stations() {
    return guardedDb([&]() -> Result<std::vector<StationRecord>> {
        std::vector<StationRecord> out;
        auto s = db().prepare("SELECT name, station_id, acked_seq, last_contact FROM sync_stations ORDER BY name");
        while (s.step())
            out.push_back(StationRecord{s.text(0), s.optText(1), s.int64(2), s.optText(3)});
        return out;
    });
}

Result<std::vector<Conflict>> CentralStore::Impl::conflicts(bool includeResolved) {
    return guardedDb([&]() -> Result<std::vector<Conflict>> {
        std::vector<Conflict> out;
        auto s = db().prepare(std::string("SELECT ") + kConflictColumns +
                              " WHERE ?1 OR resolved_at IS NULL ORDER BY id");
        s.bindAll(std::int64_t{includeResolved ? 1 : 0});
        while (s.step())
            out.push_back(readConflict(*this, s));
        return out;
    });
}

Result<Conflict> CentralStore::Impl::resolveConflict(std::int64_t id, std::string_view by,
                                                        std::string_view note) {
    return guardedDb([&]() -> storage::Result<Conflict> {
        sql::Transaction transaction(db());
        auto s =
            db().prepare("UPDATE sync_conflicts SET resolved_by = ?2, resolved_at = ?3, note = ?4 "
                                 "WHERE id = ?1 AND resolved_at IS NULL");
        s.bindAll(id, by, nowText(), note).run();
        auto read = db().prepare(std::string("SELECT ") + kConflictColumns + " WHERE id = ?1");
        read.bindAll(id);
        if (!read.step()) return fail(ErrorKind::NotFound, "no conflict " + std::to_string(id));
        auto conflict = readConflict(*this, read);
        transaction.commit();
        return conflict;
    });
}

Result<std::filesystem::path> CentralStore::Impl::backup(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto target = dir / kLedgerFile;
    if (std::filesystem::exists(target))
        return fail(ErrorKind::Conflict, target.string() + " exists already; back up into an empty folder");
    return guardedDb([&]() -> storage::Result<std::filesystem::path> {
        db().prepare("VACUUM INTO ?1").bindAll(target.string()).run();
        return target;
    });
}

Result<void> CentralStore::Impl::editMaster(const MasterEdit& edit) {
    // The central ledger is the master data's home: the edit runs on it directly (each of its calls is a
    // transaction of the ledger's own).
    return edit(ledger);
}

} // namespace lotstation::sync
