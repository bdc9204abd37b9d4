#include "station_state.hpp"

#include <algorithm>

namespace lotstation::sync {
namespace {

void ensureTable(sql::Database& db) {
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS sync_state (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    server_url     TEXT NOT NULL DEFAULT '',
    token          TEXT NOT NULL DEFAULT '',
    epoch          TEXT NOT NULL DEFAULT '',
    acked_seq      INTEGER NOT NULL DEFAULT 0,
    cursor         TEXT NOT NULL DEFAULT '',
    push_stopped   TEXT,
    last_contact   TEXT,
    last_error     TEXT,
    conflicts_open INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO sync_state (singleton) VALUES (1);
)sql");
}

} // namespace

StationStateStore::StationStateStore(std::unique_ptr<sql::Database> owned, sql::Database& db)
    : m_owned(std::move(owned)), m_db(&db) {}

StationStateStore StationStateStore::on(storage::Ledger& ledger) {
    auto& db = storage::internal::connection(ledger);
    ensureTable(db);
    return StationStateStore(nullptr, db);
}

StationStateStore StationStateStore::open(const std::filesystem::path& ledgerPath) {
    auto owned = std::make_unique<sql::Database>(sql::Database::open(ledgerPath.string(), 10000));
    ensureTable(*owned);
    auto& db = *owned;
    return StationStateStore(std::move(owned), db);
}

StationSyncState StationStateStore::load() {
    auto s = m_db->prepare("SELECT server_url, token, epoch, acked_seq, cursor, push_stopped, last_contact, "
                           "last_error, conflicts_open FROM sync_state");
    StationSyncState state;
    if (!s.step()) return state;
    state.serverUrl = s.text(0);
    state.token = s.text(1);
    state.epoch = s.text(2);
    state.acked = s.int64(3);
    state.cursor = s.text(4);
    state.pushStopped = s.optText(5);
    state.lastContact = s.optText(6);
    state.lastError = s.optText(7);
    state.conflictsOpen = s.int64(8);
    return state;
}

void StationStateStore::save(const StationSyncState& state) {
    m_db->prepare(
            "UPDATE sync_state SET server_url = ?1, token = ?2, epoch = ?3, acked_seq = ?4, cursor = ?5, "
            "push_stopped = ?6, last_contact = ?7, last_error = ?8, conflicts_open = ?9")
        .bindAll(state.serverUrl, state.token, state.epoch, state.acked, state.cursor, state.pushStopped,
                 state.lastContact, state.lastError, state.conflictsOpen)
        .run();
}

std::int64_t StationStateStore::pendingAfter(std::int64_t acked) {
    // The ledger's outbox holds every movement of this station under its gapless sequence (storage's
    // schema): the newest sequence minus the acked mark is the count, read from the index's end (the app
    // asks often; a count(*) would walk every pending row).
    auto s = m_db->prepare("SELECT coalesce(max(seq), 0) FROM outbox");
    s.step();
    return std::max<std::int64_t>(0, s.int64(0) - acked);
}

} // namespace lotstation::sync
