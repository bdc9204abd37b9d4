// The PostgreSQL store's reads for the protocol: tokens, the pull order, lot definitions, master data.
#include "../wire.hpp"
#include "order_log.hpp"
#include "pg_central.hpp"

#include "lotstation/storage/quantity.hpp"

namespace lotstation::sync::pg {

Result<std::vector<StationRow>> PgCentral::stationRows() {
    auto rows = m_db.exec("SELECT name, token_hash, station_id, acked_seq FROM sync_stations");
    if (!rows) return std::unexpected(rows.error());
    std::vector<StationRow> out;
    for (int i = 0; i < rows->size(); ++i) {
        out.push_back(StationRow{rows->text(i, 0), rows->text(i, 1),
                                 rows->null(i, 2) ? std::nullopt : std::optional(rows->text(i, 2)),
                                 rows->int64(i, 3)});
    }
    return out;
}

Result<std::optional<std::string>> PgCentral::stationWithId(const std::string& stationId) {
    auto rows = m_db.exec("SELECT name FROM sync_stations WHERE station_id = $1", {stationId});
    if (!rows) return std::unexpected(rows.error());
    if (rows->size() == 0) return std::optional<std::string>();
    return std::optional(rows->text(0, 0));
}

Result<std::int64_t> PgCentral::openConflictCount() {
    auto rows = m_db.exec("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL");
    if (!rows) return std::unexpected(rows.error());
    return rows->int64(0, 0);
}

Result<bool> PgCentral::holds(std::int64_t position, std::string_view id) {
    auto rows = m_db.exec("SELECT 1 FROM sync_log WHERE position = $1 AND movement_id = $2",
                          {std::to_string(position), std::string(id)});
    if (!rows) return std::unexpected(rows.error());
    return rows->size() > 0;
}

Result<std::int64_t> PgCentral::orderHead() {
    auto rows = m_db.exec("SELECT coalesce(max(position), 0) FROM sync_log");
    if (!rows) return std::unexpected(rows.error());
    return rows->int64(0, 0);
}

Result<std::vector<OrderedMovement>> PgCentral::orderAfter(std::int64_t position, std::size_t limit) {
    auto page = pageAfter(m_db, position, limit);
    if (!page) return std::unexpected(page.error());
    std::vector<OrderedMovement> out;
    out.reserve(page->size());
    for (auto& e : *page)
        out.push_back(OrderedMovement{e.position, std::move(e.movementId), std::move(e.stationId), std::move(e.lot),
                                      std::move(e.body)});
    return out;
}

Result<LotDefinitions> PgCentral::definitions(const std::set<std::string>& lots) {
    LotDefinitions out;
    if (lots.empty()) return out;
    const std::vector<std::string> codes(lots.begin(), lots.end());
    auto rows = m_db.exec("SELECT body FROM sync_lots WHERE code = ANY($1::text[]) ORDER BY code", {textArray(codes)});
    if (!rows) return std::unexpected(rows.error());
    for (int i = 0; i < rows->size(); ++i)
        out.lots.push_back(rows->text(i, 0));
    auto items = m_db.exec("SELECT body FROM sync_items WHERE sku IN (SELECT DISTINCT sku FROM sync_lots WHERE code "
                           "= ANY($1::text[])) ORDER BY sku",
                           {textArray(codes)});
    if (!items) return std::unexpected(items.error());
    for (int i = 0; i < items->size(); ++i)
        out.items.push_back(items->text(i, 0));
    return out;
}

Result<storage::MasterData> PgCentral::masterData() {
    auto rows = m_db.exec("SELECT body FROM sync_master");
    if (!rows) return std::unexpected(rows.error());
    if (rows->size() == 0) return storage::MasterData{};
    try {
        return wire::masterFrom(wire::Json::parse(rows->text(0, 0)));
    } catch (const std::exception& e) {
        return fail(ErrorKind::Io, std::string("the PostgreSQL store's master data is unreadable: ") + e.what());
    }
}

Result<std::string> PgCentral::inItemUnit(const std::string& lot, std::int64_t quantity) {
    auto rows = m_db.exec("SELECT i.uom FROM sync_lots l JOIN sync_items i ON i.sku = l.sku WHERE l.code = $1", {lot});
    if (!rows) return std::unexpected(rows.error());
    if (rows->size() == 0) return std::to_string(quantity) + " (base units)";
    auto uom = storage::parseUom(rows->text(0, 0));
    if (!uom) return std::to_string(quantity) + " (base units)";
    return storage::formatQuantity(quantity, *uom);
}

Result<StoreContents> PgCentral::contents() {
    StoreContents out;
    auto log = m_db.exec("SELECT body FROM sync_log ORDER BY position");
    if (!log) return std::unexpected(log.error());
    try {
        for (int i = 0; i < log->size(); ++i)
            out.movements.push_back(wire::movementFrom(wire::Json::parse(log->text(i, 0)), "the order log"));
    } catch (const std::exception& e) {
        return fail(ErrorKind::Io, std::string("the PostgreSQL store's order log is unreadable: ") + e.what());
    }
    auto balances = m_db.exec("SELECT lot, location, quantity FROM sync_balances WHERE quantity <> 0");
    if (!balances) return std::unexpected(balances.error());
    for (int i = 0; i < balances->size(); ++i)
        out.balances[{balances->text(i, 0), balances->text(i, 1)}] = balances->int64(i, 2);
    return out;
}

} // namespace lotstation::sync::pg
