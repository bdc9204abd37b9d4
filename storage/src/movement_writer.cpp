#include "movement_writer.hpp"

#include "crypto.hpp"
#include "rows.hpp"

namespace lotstation::storage {
namespace {

std::optional<std::int64_t> locationId(LedgerCore& core, const std::optional<std::string>& code) {
    if (!code) return std::nullopt;
    auto row = findLocation(core, *code);
    if (!row) throw sql::Exception("movement names unknown location " + *code);
    return row->id;
}

void addToBalance(LedgerCore& core, std::int64_t lotId, std::int64_t locationId, std::int64_t delta) {
    core.db
        .cached("INSERT INTO balances (lot_id, location_id, quantity) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (lot_id, location_id) DO UPDATE SET quantity = quantity + excluded.quantity")
        .bindAll(lotId, locationId, delta)
        .run();
    core.db.cached("DELETE FROM balances WHERE lot_id = ?1 AND location_id = ?2 AND quantity = 0")
        .bindAll(lotId, locationId)
        .run();
}

} // namespace

std::string movementInsertSql(std::size_t rows) {
    std::string sql = "INSERT INTO movements (id, station_id, seq, at, at_ms, user_name, kind, lot_id, quantity, "
                      "from_location_id, to_location_id, run_code, party, reference, reason, unit_cost, reverses, "
                      "lot_status, approved_by, overridden, prev_hash, hash, scale) VALUES ";
    int index = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        sql += row == 0 ? "(" : ",(";
        for (int column = 0; column < kMovementColumns; ++column) {
            sql += column == 0 ? "?" : ",?";
            sql += std::to_string(++index);
        }
        sql += ')';
    }
    return sql;
}

void bindMovementRow(sql::Statement& statement, std::size_t row, const MovementRow& values) {
    const auto& m = *values.movement;
    std::optional<std::string_view> lotStatus;
    if (m.lotStatus) lotStatus = toString(*m.lotStatus);
    int index = static_cast<int>(row) * kMovementColumns;
    const auto bind = [&](const auto& value) { statement.bind(++index, value); };
    bind(m.id);
    bind(m.stationId);
    bind(m.seq);
    bind(formatTimestamp(m.at));
    bind(static_cast<std::int64_t>(m.at.time_since_epoch().count()));
    bind(m.user);
    bind(toString(m.kind));
    bind(values.lotId);
    bind(m.quantity);
    bind(values.fromId);
    bind(values.toId);
    bind(m.run);
    bind(m.party);
    bind(m.reference);
    bind(m.reason);
    bind(m.unitCost);
    bind(m.reverses);
    bind(lotStatus);
    bind(m.approvedBy);
    bind(m.overridden);
    bind(m.prevHash);
    bind(m.hash);
    bind(m.scale);
}

void refreshDepletion(LedgerCore& core, std::int64_t lotId) {
    core.db
        .cached(
            "UPDATE lots SET status = CASE "
            "WHEN status = 'available' AND NOT EXISTS (SELECT 1 FROM balances WHERE lot_id = ?1 AND quantity "
            "> 0) "
            "THEN 'depleted' "
            "WHEN status = 'depleted' AND EXISTS (SELECT 1 FROM balances WHERE lot_id = ?1 AND quantity > 0) "
            "THEN 'available' ELSE status END WHERE id = ?1")
        .bindAll(lotId)
        .run();
}

void insertAndApply(LedgerCore& core, const Movement& m) {
    auto lot = findLot(core, m.lot);
    if (!lot) throw sql::Exception("movement names unknown lot " + m.lot);
    const auto fromId = locationId(core, m.from);
    const auto toId = locationId(core, m.to);
    auto insert = core.db.cached(movementInsertSql(1));
    bindMovementRow(insert.statement(), 0, MovementRow{&m, lot->id, fromId, toId});
    insert.run();
    if (fromId) addToBalance(core, lot->id, *fromId, -m.quantity);
    if (toId) addToBalance(core, lot->id, *toId, m.quantity);
    if (m.lotStatus && (m.kind == MovementKind::Hold || m.kind == MovementKind::Release)) {
        core.db.cached("UPDATE lots SET status = ?2 WHERE id = ?1")
            .bindAll(lot->id, toString(*m.lotStatus))
            .run();
    }
    refreshDepletion(core, lot->id);
    core.db
        .cached("INSERT INTO chains (station_id, last_seq, last_hash) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (station_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = "
                "excluded.last_hash")
        .bindAll(m.stationId, m.seq, m.hash)
        .run();
}

Movement appendLocalMovement(LedgerCore& core, Movement draft) {
    {
        auto head = core.db.cached("SELECT last_seq, last_hash FROM chains WHERE station_id = ?1");
        head.bindAll(core.identity.stationId);
        if (!head.step()) throw sql::Exception("this station has no chain head");
        draft.seq = head.int64(0) + 1;
        draft.prevHash = head.text(1);
    }
    draft.stationId = core.identity.stationId;
    draft.at = core.clock();
    draft.id = newUuidV7(draft.at);
    draft.hash = movementHash(draft);
    insertAndApply(core, draft);
    core.db.cached("INSERT INTO outbox (seq, movement_id) VALUES (?1, ?2)")
        .bindAll(draft.seq, draft.id)
        .run();
    return draft;
}

} // namespace lotstation::storage
