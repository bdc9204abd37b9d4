#include "rows.hpp"
#include "lotstation/storage/quality.hpp"

namespace lotstation::storage {
namespace {

template <typename E> E enumOr(Result<E> parsed, E fallback) {
    return parsed ? *parsed : fallback;
}

std::optional<Date> optDate(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    auto date = parseDate(*text);
    return date ? std::optional<Date>(*date) : std::nullopt;
}

constexpr std::string_view kItemSelect =
    "SELECT i.id, i.sku, i.name, i.kind, i.uom, i.gtin, i.lot_tracked, i.shelf_life_days, l.code, "
    "i.reorder_point, i.qc_policy "
    "FROM items i LEFT JOIN locations l ON l.id = i.default_location_id ";

std::optional<ItemRow> readItem(sql::CachedStatement& s) {
    if (!s.step()) return std::nullopt;
    ItemRow row;
    row.id = s.int64(0);
    row.item.sku = s.text(1);
    row.item.name = s.text(2);
    row.item.kind = enumOr(parseItemKind(s.text(3)), ItemKind::Raw);
    row.item.uom = enumOr(parseUom(s.text(4)), Uom::Gram);
    row.item.gtin = s.optText(5);
    row.item.lotTracked = s.int64(6) != 0;
    if (auto days = s.optInt64(7)) row.item.shelfLifeDays = static_cast<int>(*days);
    row.item.defaultLocation = s.optText(8);
    row.item.reorderPoint = s.optInt64(9);
    row.item.qcPolicy = enumOr(parseQcPolicy(s.text(10)), QcPolicy::None);
    return row;
}

std::optional<PartyRow> findParty(LedgerCore& core, std::string_view table, std::string_view code) {
    auto s = core.db.cached("SELECT id, code, name FROM " + std::string(table) + " WHERE code = ?1");
    s.bindAll(code);
    if (!s.step()) return std::nullopt;
    return PartyRow{s.int64(0), Party{s.text(1), s.text(2)}};
}

} // namespace

const std::string_view kMovementSelect =
    "SELECT m.id, m.station_id, m.seq, m.at_ms, m.user_name, m.kind, lot.code, m.quantity, f.code, t.code, "
    "m.run_code, m.party, m.reference, m.reason, m.unit_cost, m.reverses, m.lot_status, m.approved_by, "
    "m.overridden, m.prev_hash, m.hash, m.at, m.scale "
    "FROM movements m JOIN lots lot ON lot.id = m.lot_id "
    "LEFT JOIN locations f ON f.id = m.from_location_id LEFT JOIN locations t ON t.id = m.to_location_id ";

Movement readMovement(const sql::Statement& s) {
    Movement m;
    m.id = s.text(0);
    m.stationId = s.text(1);
    m.seq = s.int64(2);
    m.at = Timestamp{std::chrono::milliseconds{s.int64(3)}};
    m.user = s.text(4);
    m.kind = enumOr(parseMovementKind(s.text(5)), MovementKind::Adjust);
    m.lot = s.text(6);
    m.quantity = s.int64(7);
    m.from = s.optText(8);
    m.to = s.optText(9);
    m.run = s.optText(10);
    m.party = s.optText(11);
    m.reference = s.optText(12);
    m.reason = s.optText(13);
    m.unitCost = s.optInt64(14);
    m.reverses = s.optText(15);
    if (auto status = s.optText(16)) m.lotStatus = enumOr(parseLotStatus(*status), LotStatus::Hold);
    m.approvedBy = s.optText(17);
    m.overridden = s.optText(18);
    m.prevHash = s.text(19);
    m.hash = s.text(20);
    m.scale = s.optText(22);
    return m;
}

std::optional<ItemRow> findItem(LedgerCore& core, std::string_view sku) {
    auto s = core.db.cached(std::string(kItemSelect) + "WHERE i.sku = ?1");
    s.bindAll(sku);
    return readItem(s);
}

std::optional<std::string> findItemGtin(LedgerCore& core, std::string_view gtin14) {
    auto s = core.db.cached("SELECT sku FROM items WHERE gtin = ?1");
    s.bindAll(gtin14);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

std::optional<ItemRow> findItemById(LedgerCore& core, std::int64_t id) {
    auto s = core.db.cached(std::string(kItemSelect) + "WHERE i.id = ?1");
    s.bindAll(id);
    return readItem(s);
}

std::optional<LotRow> findLot(LedgerCore& core, std::string_view code) {
    auto s = core.db.cached(
        "SELECT lot.id, lot.item_id, i.uom, lot.code, i.sku, s.code, lot.supplier_lot, lot.run_code, "
        "lot.origin_date, lot.expiry, lot.best_before, lot.status, lot.unit_cost, lot.created_by "
        "FROM lots lot JOIN items i ON i.id = lot.item_id LEFT JOIN suppliers s ON s.id = lot.supplier_id "
        "WHERE lot.code = ?1");
    s.bindAll(code);
    if (!s.step()) return std::nullopt;
    LotRow row;
    row.id = s.int64(0);
    row.itemId = s.int64(1);
    row.uom = enumOr(parseUom(s.text(2)), Uom::Gram);
    row.lot.code = s.text(3);
    row.lot.sku = s.text(4);
    row.lot.supplier = s.optText(5);
    row.lot.supplierLot = s.optText(6);
    row.lot.run = s.optText(7);
    row.lot.originDate = optDate(s.optText(8)).value_or(Date{});
    row.lot.expiry = optDate(s.optText(9));
    row.lot.bestBefore = optDate(s.optText(10));
    row.lot.status = enumOr(parseLotStatus(s.text(11)), LotStatus::Hold);
    row.lot.unitCost = s.optInt64(12);
    row.lot.createdBy = s.text(13);
    return row;
}

std::optional<LocationRow> findLocation(LedgerCore& core, std::string_view code) {
    auto s = core.db.cached("SELECT id, code, name, kind FROM locations WHERE code = ?1");
    s.bindAll(code);
    if (!s.step()) return std::nullopt;
    return LocationRow{s.int64(0), Location{s.text(1), s.text(2),
                                            enumOr(parseLocationKind(s.text(3)), LocationKind::Store)}};
}

std::optional<PartyRow> findSupplier(LedgerCore& core, std::string_view code) {
    return findParty(core, "suppliers", code);
}

std::optional<PartyRow> findCustomer(LedgerCore& core, std::string_view code) {
    return findParty(core, "customers", code);
}

std::optional<RunRow> findRun(LedgerCore& core, std::string_view code) {
    auto s = core.db.cached(
        "SELECT r.id, r.item_id, r.code, i.sku, r.planned, r.actual, w.code, r.operator, r.started_at, "
        "r.finished_at, r.status, lot.code FROM runs r JOIN items i ON i.id = r.item_id "
        "LEFT JOIN locations w ON w.id = r.workstation_id LEFT JOIN lots lot ON lot.id = r.output_lot_id "
        "WHERE r.code = ?1");
    s.bindAll(code);
    if (!s.step()) return std::nullopt;
    RunRow row;
    row.id = s.int64(0);
    row.itemId = s.int64(1);
    row.run.code = s.text(2);
    row.run.sku = s.text(3);
    row.run.planned = s.int64(4);
    row.run.actual = s.optInt64(5);
    row.run.workstation = s.optText(6);
    row.run.operatorName = s.text(7);
    row.run.startedAt = parseTimestamp(s.text(8)).value_or(Timestamp{});
    if (auto finished = s.optText(9)) row.run.finishedAt = parseTimestamp(*finished).value_or(Timestamp{});
    row.run.status = enumOr(parseRunStatus(s.text(10)), RunStatus::Open);
    row.run.outputLot = s.optText(11);
    return row;
}

std::optional<User> findUser(LedgerCore& core, std::string_view name) {
    auto s = core.db.cached("SELECT name, role, badge, pin_hash IS NOT NULL FROM users WHERE name = ?1");
    s.bindAll(name);
    if (!s.step()) return std::nullopt;
    return User{s.text(0), enumOr(parseUserRole(s.text(1)), UserRole::Operator), s.optText(2),
                s.int64(3) != 0};
}

std::optional<Movement> findMovement(LedgerCore& core, std::string_view id) {
    auto s = core.db.cached(std::string(kMovementSelect) + "WHERE m.id = ?1");
    s.bindAll(id);
    if (!s.step()) return std::nullopt;
    return readMovement(s.statement());
}

std::vector<Stock> stockOf(LedgerCore& core, std::int64_t lotId) {
    auto s =
        core.db.cached("SELECT l.id, l.code, l.name, l.kind, b.quantity FROM balances b "
                       "JOIN locations l ON l.id = b.location_id WHERE b.lot_id = ?1 AND b.quantity <> 0 "
                       "ORDER BY b.quantity DESC, l.code");
    s.bindAll(lotId);
    std::vector<Stock> out;
    while (s.step()) {
        out.push_back(Stock{
            LocationRow{s.int64(0), Location{s.text(1), s.text(2),
                                             enumOr(parseLocationKind(s.text(3)), LocationKind::Store)}},
            s.int64(4)});
    }
    return out;
}

std::int64_t onHandAt(LedgerCore& core, std::int64_t lotId, std::int64_t locationId) {
    auto s = core.db.cached("SELECT quantity FROM balances WHERE lot_id = ?1 AND location_id = ?2");
    s.bindAll(lotId, locationId);
    return s.step() ? s.int64(0) : 0;
}

Result<ItemRow> requireItem(LedgerCore& core, std::string_view sku) {
    if (auto row = findItem(core, sku)) return *row;
    return fail(ErrorKind::NotFound, "no item " + std::string(sku));
}

Result<LotRow> requireLot(LedgerCore& core, std::string_view code) {
    if (auto row = findLot(core, code)) return *row;
    return fail(ErrorKind::NotFound, "no lot " + std::string(code));
}

Result<LocationRow> requireLocation(LedgerCore& core, std::string_view code) {
    if (auto row = findLocation(core, code)) return *row;
    return fail(ErrorKind::NotFound, "no location " + std::string(code));
}

Result<User> requireUser(LedgerCore& core, std::string_view name) {
    if (name.empty()) return fail(ErrorKind::Invalid, "who is doing this? a user is required");
    if (auto user = findUser(core, name)) return *user;
    return fail(ErrorKind::NotFound, "no user " + std::string(name));
}

} // namespace lotstation::storage
