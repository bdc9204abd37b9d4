// The PostgreSQL store's administration: stations and tokens, conflicts, master data, backups.
#include "../conflict_rule.hpp"
#include "../token.hpp"
#include "../wire.hpp"
#include "lotstation/storage/internal/ledger_connection.hpp"
#include "pg_central.hpp"
#include "lotstation/storage/quantity.hpp"

#include <map>

#include <algorithm>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace lotstation::sync::pg {
namespace {

constexpr const char* kConflictColumns =
    "id, lot, location, detected_at, resolved_by, resolved_at, note, cleared_by FROM sync_conflicts";

std::optional<std::string> optional(const Rows& rows, int row, int column) {
    if (rows.null(row, column)) return std::nullopt;
    return rows.text(row, column);
}

// The scratch ledger holds no lots, so the ledger's own refusal of a unit change for an item with lots
// cannot fire there: the store checks its lots here, with the same sentence.
Result<void> unitsKept(Connection& db, const storage::MasterData& before, const storage::MasterData& after) {
    std::map<std::string, storage::Uom> was;
    for (const auto& item : before.items)
        was.emplace(item.value.sku, item.value.uom);
    for (const auto& item : after.items) {
        const auto old = was.find(item.value.sku);
        if (old == was.end() || old->second == item.value.uom) continue;
        auto lots = db.exec("SELECT 1 FROM sync_lots WHERE sku = $1 LIMIT 1", {item.value.sku});
        if (!lots) return std::unexpected(lots.error());
        if (lots->size() > 0)
            return fail(ErrorKind::Conflict, "the unit of " + item.value.sku + " cannot change from " +
                                                 storage::toString(old->second) + " to " +
                                                 storage::toString(item.value.uom) + ": lots of it exist, counted in " +
                                                 storage::toString(old->second));
    }
    return {};
}

} // namespace

Result<std::string> PgCentral::addStation(std::string_view name) {
    auto token = newToken();
    auto added = m_db.exec("INSERT INTO sync_stations (name, token_hash, created_at) VALUES ($1, $2, $3)",
                           {std::string(name), storage::internal::sha256Hex(token), nowText()});
    if (!added) {
        if (added.error().kind == ErrorKind::Conflict)
            return fail(ErrorKind::Conflict, "station " + std::string(name) + " exists already");
        return std::unexpected(added.error());
    }
    return token;
}

Result<std::string> PgCentral::rotateToken(std::string_view name) {
    auto token = newToken();
    auto changed = m_db.exec("UPDATE sync_stations SET token_hash = $2 WHERE lower(name) = lower($1) RETURNING name",
                             {std::string(name), storage::internal::sha256Hex(token)});
    if (!changed) return std::unexpected(changed.error());
    if (changed->size() == 0) return fail(ErrorKind::NotFound, "no station " + std::string(name));
    return token;
}

Result<std::vector<StationRecord>> PgCentral::stations() {
    auto rows = m_db.exec("SELECT name, station_id, acked_seq, last_contact FROM sync_stations ORDER BY lower(name)");
    if (!rows) return std::unexpected(rows.error());
    std::vector<StationRecord> out;
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(StationRecord{rows->text(i, 0), optional(*rows, i, 1), rows->int64(i, 2), optional(*rows, i, 3)});
    return out;
}

Result<std::vector<Conflict>> PgCentral::conflicts(bool includeResolved) {
    auto rows = m_db.exec(std::string("SELECT ") + kConflictColumns + " WHERE $1 OR resolved_at IS NULL ORDER BY id",
                          {includeResolved ? "true" : "false"});
    if (!rows) return std::unexpected(rows.error());
    std::vector<Conflict> out;
    for (int i = 0; i < rows->size(); ++i) {
        Conflict c;
        c.id = rows->int64(i, 0);
        c.lot = rows->text(i, 1);
        c.location = rows->text(i, 2);
        c.detectedAt = rows->text(i, 3);
        c.resolvedBy = optional(*rows, i, 4);
        c.resolvedAt = optional(*rows, i, 5);
        c.note = optional(*rows, i, 6);
        c.clearedBy = optional(*rows, i, 7);
        auto balance = m_db.exec("SELECT coalesce(sum(quantity), 0) FROM sync_balances WHERE lot = $1 AND location = $2",
                                 {c.lot, c.location});
        if (!balance) return std::unexpected(balance.error());
        c.balance = balance->int64(0, 0);
        auto text = inItemUnit(c.lot, c.balance);
        if (!text) return std::unexpected(text.error());
        c.balanceText = *text;
        auto debits = m_db.exec("SELECT l.body FROM sync_debits d JOIN sync_log l ON l.movement_id = d.movement_id "
                                "WHERE d.lot = $1 AND d.location = $2",
                                {c.lot, c.location});
        if (!debits) return std::unexpected(debits.error());
        for (int d = 0; d < debits->size(); ++d) {
            storage::Movement m;
            try {
                m = wire::movementFrom(wire::Json::parse(debits->text(d, 0)), "a debit");
            } catch (const std::exception& e) {
                return fail(ErrorKind::Io, std::string("the PostgreSQL store's order log is unreadable: ") + e.what());
            }
            auto quantity = inItemUnit(c.lot, m.quantity);
            if (!quantity) return std::unexpected(quantity.error());
            c.movements.push_back(ConflictMovement{m.id, m.stationId, m.seq, storage::toString(m.kind), m.quantity,
                                                   *quantity, storage::formatTimestamp(m.at)});
        }
        std::sort(c.movements.begin(), c.movements.end(),
                  [](const auto& a, const auto& b) { return a.at < b.at || (a.at == b.at && a.id < b.id); });
        out.push_back(std::move(c));
    }
    return out;
}

Result<Conflict> PgCentral::resolveConflict(std::int64_t id, std::string_view by, std::string_view note) {
    auto changed = m_db.exec("UPDATE sync_conflicts SET resolved_by = $2, resolved_at = $3, note = $4 "
                             "WHERE id = $1 AND resolved_at IS NULL",
                             {std::to_string(id), std::string(by), nowText(), std::string(note)});
    if (!changed) return std::unexpected(changed.error());
    auto all = conflicts(true);
    if (!all) return std::unexpected(all.error());
    for (auto& c : *all)
        if (c.id == id) return std::move(c);
    return fail(ErrorKind::NotFound, "no conflict " + std::to_string(id));
}

Result<void> PgCentral::editMaster(const MasterEdit& edit) {
    // Master data is one document; the edit runs on a scratch ledger holding it, so every rule about master
    // records (validation, revisions, imports) stays the ledger's own. The row lock makes concurrent edits
    // (from any process) wait for each other instead of losing one.
    return m_db.transaction([&]() -> Result<void> {
        auto seeded = m_db.exec("INSERT INTO sync_master (singleton, body) VALUES (1, '{}') ON CONFLICT DO NOTHING");
        if (!seeded) return std::unexpected(seeded.error());
        auto locked = m_db.exec("SELECT body FROM sync_master FOR UPDATE");
        if (!locked) return std::unexpected(locked.error());
        storage::MasterData before;
        try {
            const auto body = wire::Json::parse(locked->text(0, 0));
            if (!body.empty()) before = wire::masterFrom(body);
        } catch (const std::exception& e) {
            return fail(ErrorKind::Io, std::string("the PostgreSQL store's master data is unreadable: ") + e.what());
        }
        auto scratch = storage::Ledger::open(":memory:", {.identity = storage::StationIdentity{"", "central server", ""}});
        if (!scratch) return std::unexpected(scratch.error());
        if (auto loaded = storage::applyMasterData(*scratch, before); !loaded) return std::unexpected(loaded.error());
        if (auto edited = edit(*scratch); !edited) return edited;
        auto after = storage::readMasterData(*scratch);
        if (!after) return std::unexpected(after.error());
        if (auto kept = unitsKept(m_db, before, *after); !kept) return kept;
        auto saved = m_db.exec("UPDATE sync_master SET body = $1", {wire::masterToJson(*after).dump()});
        if (!saved) return std::unexpected(saved.error());
        // The items pulled lots name: master items replace what a station's push defined.
        for (const auto& item : after->items) {
            auto kept = m_db.exec("INSERT INTO sync_items (sku, uom, body) VALUES ($1, $2, $3) ON CONFLICT (sku) DO "
                                  "UPDATE SET uom = excluded.uom, body = excluded.body",
                                  {item.value.sku, storage::toString(item.value.uom), wire::toJson(item.value).dump()});
            if (!kept) return std::unexpected(kept.error());
        }
        return {};
    });
}

Result<std::filesystem::path> PgCentral::backup(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail(ErrorKind::Io, "cannot create " + dir.string() + ": " + ec.message());
    const auto target = dir / "central.dump";
    if (std::filesystem::exists(target))
        return fail(ErrorKind::Conflict, target.string() + " exists already; back up into an empty folder");
    // pg_dump takes one consistent snapshot while servers keep serving; pg_restore reads its custom format.
    const pid_t child = fork();
    if (child < 0) return fail(ErrorKind::Io, "cannot start pg_dump");
    if (child == 0) {
        execlp("pg_dump", "pg_dump", "--format=custom", "--no-owner", "--file", target.c_str(), "--dbname",
               m_url.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::filesystem::remove(target, ec);
        return fail(ErrorKind::Io, WIFEXITED(status) && WEXITSTATUS(status) == 127
                                       ? "pg_dump is not installed (apt install postgresql-client-15)"
                                       : "pg_dump failed (its message is above); nothing was written");
    }
    return target;
}

} // namespace lotstation::sync::pg
