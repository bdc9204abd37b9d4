// Moving an SQLite store into PostgreSQL (lotstation-server migrate): everything (the quality record log
// too) in one transaction, checked before it commits, so that a migration either is complete and verified or
// left nothing behind. Stations notice nothing: the epoch, every station's token hash, id and acked mark,
// every movement's position in the pull order and every quality record's in the record order (their cursors
// name positions) are kept.
#include "central_core.hpp"
#include "lotstation/sync/migrate.hpp"
#include "pg/columns.hpp"
#include "pg/order_log.hpp"
#include "pg/pg_central.hpp"
#include "pg/record_log.hpp"
#include "wire.hpp"

#include "lotstation/storage/quality_sync.hpp"

namespace lotstation::sync {
namespace {

using pg::Columns;

Result<void> done(const Result<pg::Rows>& rows) {
    if (!rows) return std::unexpected(rows.error());
    return {};
}

Result<std::int64_t> count(pg::Connection& db, const std::string& table) {
    auto rows = db.exec("SELECT count(*) FROM " + table);
    if (!rows) return std::unexpected(rows.error());
    return rows->int64(0, 0);
}

// The server's own tables of the SQLite store, row by row.
template <typename Row> Result<std::vector<Row>> readAll(CentralStore::Impl& from, const char* sql, auto&& read) {
    return guardedDb([&]() -> Result<std::vector<Row>> {
        std::vector<Row> out;
        auto s = from.db().prepare(sql);
        while (s.step())
            out.push_back(read(s));
        return out;
    });
}

Result<void> copyStore(CentralStore::Impl& from, pg::PgCentral& to, const StoreContents& contents,
                       MigrationReport& report) {
    auto& db = to.db();
    if (auto e = done(db.exec("UPDATE sync_server SET epoch = $1", {from.epoch})); !e) return e;
    using Row = std::vector<std::optional<std::string>>;
    auto stations = readAll<Row>(from, "SELECT name, token_hash, station_id, acked_seq, created_at, last_contact "
                                       "FROM sync_stations",
                                 [](sql::Statement& s) {
                                     return Row{s.text(0), s.text(1), s.optText(2), std::to_string(s.int64(3)),
                                                s.text(4), s.optText(5)};
                                 });
    if (!stations) return std::unexpected(stations.error());
    for (const auto& s : *stations) {
        if (auto e = done(db.exec("INSERT INTO sync_stations (name, token_hash, station_id, acked_seq, created_at, "
                                  "last_contact) VALUES ($1, $2, $3, $4, $5, $6)",
                                  s));
            !e)
            return e;
    }
    report.stations = static_cast<std::int64_t>(stations->size());

    // The order, at the positions stations' cursors name; each station's chain head after it.
    auto arrived = from.ledger.movementsSince(0, 1u << 30);
    if (!arrived) return std::unexpected(arrived.error());
    Columns log(7);
    std::map<std::string, std::pair<std::int64_t, std::string>> heads;
    std::set<std::string> lotCodes;
    std::int64_t last = 0;
    for (const auto& a : *arrived) {
        const auto& m = a.movement;
        std::string body;
        wire::appendJson(body, m);
        log.add({std::to_string(a.position), m.stationId, std::to_string(m.seq), m.id, body, m.lot, m.hash});
        heads[m.stationId] = {m.seq, m.hash};
        lotCodes.insert(m.lot);
        last = a.position;
    }
    if (auto e = log.insert(db, "INSERT INTO sync_log (position, station_id, seq, movement_id, body, lot, hash) "
                                "SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], "
                                "$5::text[], $6::text[], $7::text[])");
        !e)
        return e;
    if (last > 0) {
        if (auto e = done(db.exec("SELECT setval('sync_log_position', $1)", {std::to_string(last)})); !e) return e;
    }
    report.movements = static_cast<std::int64_t>(arrived->size());
    Columns chains(3);
    for (const auto& [station, head] : heads)
        chains.add({station, std::to_string(head.first), head.second});
    if (auto e = chains.insert(db, "INSERT INTO sync_chains SELECT * FROM unnest($1::text[], $2::bigint[], "
                                   "$3::text[])");
        !e)
        return e;

    // Lots and their items as pulls hand them out; master data (its items replace those) after.
    Columns lots(3);
    Columns items(3);
    std::set<std::string> skus;
    for (const auto& code : lotCodes) {
        auto lot = from.ledger.lot(code);
        if (!lot) continue;
        lots.add({lot->code, lot->sku, wire::toJson(*lot).dump()});
        if (!skus.insert(lot->sku).second) continue;
        if (auto item = from.ledger.item(lot->sku))
            items.add({item->sku, storage::toString(item->uom), wire::toJson(*item).dump()});
    }
    if (auto e = lots.insert(db, "INSERT INTO sync_lots SELECT * FROM unnest($1::text[], $2::text[], $3::text[])"); !e)
        return e;
    if (auto e = items.insert(db, "INSERT INTO sync_items SELECT * FROM unnest($1::text[], $2::text[], $3::text[])");
        !e)
        return e;
    report.lots = static_cast<std::int64_t>(lotCodes.size());
    auto master = storage::readMasterData(from.ledger);
    if (!master) return std::unexpected(master.error());
    if (auto e = to.editMaster([&](storage::Ledger& ledger) -> Result<void> {
            auto applied = storage::applyMasterData(ledger, *master);
            if (!applied) return std::unexpected(applied.error());
            return {};
        });
        !e)
        return e;

    Columns balances(3);
    for (const auto& [place, quantity] : contents.balances)
        balances.add({place.first, place.second, std::to_string(quantity)});
    if (auto e = balances.insert(db, "INSERT INTO sync_balances SELECT * FROM unnest($1::text[], $2::text[], "
                                     "$3::bigint[])");
        !e)
        return e;
    auto debits = readAll<std::vector<std::string>>(
        from, "SELECT lot, location, movement_id FROM sync_debits",
        [](sql::Statement& s) { return std::vector<std::string>{s.text(0), s.text(1), s.text(2)}; });
    if (!debits) return std::unexpected(debits.error());
    Columns debitColumns(3);
    for (auto& d : *debits)
        debitColumns.add(std::move(d));
    if (auto e = debitColumns.insert(db, "INSERT INTO sync_debits SELECT * FROM unnest($1::text[], $2::text[], "
                                         "$3::text[])");
        !e)
        return e;
    auto conflicts = readAll<Row>(from, "SELECT id, lot, location, balance, detected_at, resolved_by, resolved_at, "
                                        "note, cleared_by FROM sync_conflicts",
                                  [](sql::Statement& s) {
                                      return Row{std::to_string(s.int64(0)), s.text(1), s.text(2),
                                                 std::to_string(s.int64(3)), s.text(4), s.optText(5), s.optText(6),
                                                 s.optText(7), s.optText(8)};
                                  });
    if (!conflicts) return std::unexpected(conflicts.error());
    for (const auto& c : *conflicts) {
        if (auto e = done(db.exec("INSERT INTO sync_conflicts (id, lot, location, balance, detected_at, "
                                  "resolved_by, resolved_at, note, cleared_by) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                                  "$8, $9)",
                                  c));
            !e)
            return e;
    }
    report.conflicts = static_cast<std::int64_t>(conflicts->size());
    return done(db.exec("SELECT setval(pg_get_serial_sequence('sync_conflicts', 'id'), "
                        "greatest(1, (SELECT coalesce(max(id), 0) FROM sync_conflicts)))"));
}

// The record log, every record at the position stations' record cursors name; the bytes of each document
// once; each station's record head and signature chain head after it.
Result<void> copyRecords(std::vector<storage::QualityRecord> records, pg::PgCentral& to, MigrationReport& report) {
    std::vector<pg::RecordEntry> entries;
    std::vector<pg::BlobEntry> blobs;
    std::map<std::string, std::tuple<std::int64_t, std::int64_t, std::string>> heads;
    for (const auto& record : records) {
        std::optional<pg::BlobEntry> blob;
        entries.push_back(pg::recordEntry(record, &blob));
        if (blob) blobs.push_back(std::move(*blob));
        auto& head = heads.try_emplace(record.stationId, 0, 0, std::string(64, '0')).first->second;
        std::get<0>(head) = std::max(std::get<0>(head), record.seq);
        if (const auto* s = std::get_if<storage::Signature>(&record.value); s && s->seq > std::get<1>(head))
            head = {std::get<0>(head), s->seq, s->hash};
    }
    auto& db = to.db();
    if (auto e = pg::copyRecordsAt(db, entries); !e) return e;
    if (auto e = pg::insertBlobs(db, blobs); !e) return e;
    Columns headRows(4);
    for (const auto& [station, head] : heads)
        headRows.add({station, std::to_string(std::get<0>(head)), std::to_string(std::get<1>(head)),
                      std::get<2>(head)});
    report.records = static_cast<std::int64_t>(records.size());
    return headRows.insert(db, "INSERT INTO sync_record_heads SELECT * FROM unnest($1::text[], $2::bigint[], "
                               "$3::bigint[], $4::text[])");
}

// What a record pull hands out, in order: the same from both stores.
std::string recordsText(const std::vector<storage::QualityRecord>& records) {
    std::string out;
    for (const auto& record : records)
        out += std::to_string(record.position) + " " + wire::toJson(record).dump() + "\n";
    return out;
}

Result<void> verifyRecords(const std::vector<storage::QualityRecord>& from, pg::PgCentral& to,
                           MigrationReport& report) {
    auto copied = to.recordsAfter(0, from.size() + 1);
    if (!copied) return std::unexpected(copied.error());
    if (copied->size() != from.size())
        return fail(ErrorKind::Io, "the copy holds " + std::to_string(copied->size()) + " quality records, the " +
                                       "SQLite store " + std::to_string(from.size()) + ": nothing was kept");
    const auto expected = recordsText(from);
    if (recordsText(*copied) != expected)
        return fail(ErrorKind::Io, "the copy's quality records differ from the SQLite store's: nothing was kept");
    std::map<std::string, std::int64_t> heads;
    for (const auto& record : from)
        heads[record.stationId] = std::max(heads[record.stationId], record.seq);
    for (const auto& [station, seq] : heads) {
        auto head = to.recordHead(station);
        if (!head) return std::unexpected(head.error());
        if (*head != seq)
            return fail(ErrorKind::Io, "the copy holds records of station " + station + " up to #" +
                                           std::to_string(*head) + ", not #" + std::to_string(seq) +
                                           ": nothing was kept");
    }
    report.recordDigest = storage::internal::sha256Hex(expected);
    return {};
}

// The same movements, in the same order, with the same hashes, and the same balances.
Result<void> verify(const StoreContents& from, pg::PgCentral& to, MigrationReport& report) {
    auto copied = to.contents();
    if (!copied) return std::unexpected(copied.error());
    if (copied->movements.size() != from.movements.size())
        return fail(ErrorKind::Io, "the copy holds " + std::to_string(copied->movements.size()) + " movements, the " +
                                       "SQLite store " + std::to_string(from.movements.size()) + ": nothing was kept");
    std::string order;
    for (std::size_t i = 0; i < from.movements.size(); ++i) {
        const auto& a = from.movements[i];
        const auto& b = copied->movements[i];
        if (a.id != b.id || a.hash != b.hash || storage::movementHash(b) != b.hash)
            return fail(ErrorKind::Io, "movement " + a.id + " differs in the copy: nothing was kept");
        order += a.hash;
    }
    if (copied->balances != from.balances)
        return fail(ErrorKind::Io, "the copy's balances differ from the SQLite store's: nothing was kept");
    report.orderDigest = storage::internal::sha256Hex(order);
    return {};
}

} // namespace

Result<MigrationReport> migrateStore(const std::filesystem::path& from, const std::string& to) {
    if (!std::filesystem::exists(from / kLedgerFile))
        return fail(ErrorKind::NotFound, "no SQLite store in " + from.string() + " (no " +
                                             std::string(kLedgerFile) + ")");
    if (!isPostgresUrl(to)) return fail(ErrorKind::Invalid, "--to takes a postgresql:// URL, not '" + to + "'");
    auto source = openCentral(from);
    if (!source) return std::unexpected(source.error());
    auto target = pg::openPgCentral(to);
    if (!target) return std::unexpected(target.error());
    auto contents = (*source)->contents();
    if (!contents) return std::unexpected(contents.error());
    auto records = storage::qualityRecordsAfter((*source)->ledger, 0, std::size_t{1} << 30);
    if (!records) return std::unexpected(records.error());
    auto& db = (*target)->db();
    MigrationReport report;
    auto migrated = db.transaction([&]() -> Result<void> {
        // Lock out other writers (servers, administration) of the target while it is filled.
        if (auto e = done(db.exec("LOCK TABLE sync_stations, sync_master, sync_chains IN EXCLUSIVE MODE")); !e)
            return e;
        for (const char* table : {"sync_stations", "sync_log", "sync_master", "sync_records"}) {
            auto rows = count(db, table);
            if (!rows) return std::unexpected(rows.error());
            if (*rows > 0)
                return fail(ErrorKind::Refused, "the PostgreSQL store is not empty (" + std::string(table) + " has " +
                                                    std::to_string(*rows) +
                                                    " rows): migrate into a new, empty database");
        }
        if (auto copied = copyStore(**source, **target, *contents, report); !copied) return copied;
        if (auto copied = copyRecords(*records, **target, report); !copied) return copied;
        if (auto checked = verify(*contents, **target, report); !checked) return checked;
        return verifyRecords(*records, **target, report);
    });
    if (!migrated) return std::unexpected(migrated.error());
    report.epoch = (*source)->epoch;
    return report;
}

} // namespace lotstation::sync
