#pragma once
// Summaries that keep the cost reports fast on a large ledger (margins and valuation on a million movements):
// - shipped_daily: per lot, day (UTC, days since the epoch) and customer, the shipments, quantity, how many
//   are unpriced and the revenue in thousandths of a micro-unit (quantity × price, exact integers), kept in
//   step with movements and shipment prices by triggers in the same transaction; a reversed shipment leaves it.
//   shipped_lot_daily: the same per lot and day (every customer together). margins read them instead of every
//   ship movement.
// - lot_unit_costs: a cache of each produced lot's full cost per g / ml / pc as the roll-up (lot_cost.hpp)
//   last reckoned it; lot_cost_changes: what has changed since (a run's movements, labour, its finish, a
//   lot's unit cost, any rate), written by triggers. A report trusts a cached cost only when nothing it
//   depends on is listed as changed, reckons the rest and stores them (unit_cost_cache.hpp).
// Both are derived data: rebuilt from the ledger, never synced, never part of the hash chain.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationReportSummaries = R"sql(
CREATE TABLE shipped_daily (
    lot_id    INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    customer  TEXT NOT NULL,
    shipments INTEGER NOT NULL,
    quantity  INTEGER NOT NULL,
    unpriced  INTEGER NOT NULL,
    revenue   INTEGER NOT NULL,
    PRIMARY KEY (lot_id, day, customer)
) WITHOUT ROWID;
CREATE INDEX shipped_daily_day ON shipped_daily(day);
CREATE TABLE shipped_lot_daily (
    lot_id    INTEGER NOT NULL,
    day       INTEGER NOT NULL,
    shipments INTEGER NOT NULL,
    quantity  INTEGER NOT NULL,
    unpriced  INTEGER NOT NULL,
    revenue   INTEGER NOT NULL,
    PRIMARY KEY (lot_id, day)
) WITHOUT ROWID;
CREATE INDEX shipped_lot_daily_day ON shipped_lot_daily(day);

INSERT INTO shipped_daily (lot_id, day, customer, shipments, quantity, unpriced, revenue)
SELECT m.lot_id, m.at_ms / 86400000, coalesce(m.party, ''), count(*), sum(m.quantity),
       sum(p.unit_price IS NULL),
       coalesce(sum(m.quantity * p.unit_price * (CASE i.uom WHEN 'pc' THEN 1000 ELSE 1 END)), 0)
FROM movements m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id
LEFT JOIN shipment_prices p ON p.movement_id = m.id
WHERE m.kind = 'ship' AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = m.id)
GROUP BY m.lot_id, m.at_ms / 86400000, coalesce(m.party, '');
INSERT INTO shipped_lot_daily (lot_id, day, shipments, quantity, unpriced, revenue)
SELECT lot_id, day, sum(shipments), sum(quantity), sum(unpriced), sum(revenue) FROM shipped_daily GROUP BY lot_id, day;

CREATE TRIGGER shipped_daily_ship AFTER INSERT ON movements
WHEN NEW.kind = 'ship' AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = NEW.id)
BEGIN
    INSERT INTO shipped_daily (lot_id, day, customer, shipments, quantity, unpriced, revenue)
    VALUES (NEW.lot_id, NEW.at_ms / 86400000, coalesce(NEW.party, ''), 1, NEW.quantity, 1, 0)
    ON CONFLICT (lot_id, day, customer) DO UPDATE
    SET shipments = shipments + 1, quantity = quantity + excluded.quantity, unpriced = unpriced + 1;
    INSERT INTO shipped_lot_daily (lot_id, day, shipments, quantity, unpriced, revenue)
    VALUES (NEW.lot_id, NEW.at_ms / 86400000, 1, NEW.quantity, 1, 0)
    ON CONFLICT (lot_id, day) DO UPDATE
    SET shipments = shipments + 1, quantity = quantity + excluded.quantity, unpriced = unpriced + 1;
END;

CREATE TRIGGER shipped_daily_price AFTER INSERT ON shipment_prices
WHEN EXISTS (SELECT 1 FROM movements m WHERE m.id = NEW.movement_id AND m.kind = 'ship')
 AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = NEW.movement_id)
BEGIN
    UPDATE shipped_daily
    SET unpriced = unpriced - 1,
        revenue = revenue + (SELECT m.quantity * NEW.unit_price * (CASE i.uom WHEN 'pc' THEN 1000 ELSE 1 END)
                             FROM movements m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id
                             WHERE m.id = NEW.movement_id)
    WHERE (lot_id, day, customer) =
          (SELECT m.lot_id, m.at_ms / 86400000, coalesce(m.party, '') FROM movements m WHERE m.id = NEW.movement_id);
    UPDATE shipped_lot_daily
    SET unpriced = unpriced - 1,
        revenue = revenue + (SELECT m.quantity * NEW.unit_price * (CASE i.uom WHEN 'pc' THEN 1000 ELSE 1 END)
                             FROM movements m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = l.item_id
                             WHERE m.id = NEW.movement_id)
    WHERE (lot_id, day) = (SELECT m.lot_id, m.at_ms / 86400000 FROM movements m WHERE m.id = NEW.movement_id);
END;

CREATE TRIGGER shipped_daily_reversal AFTER INSERT ON movements
WHEN NEW.kind = 'reversal' AND NEW.reverses IS NOT NULL
 AND EXISTS (SELECT 1 FROM movements o WHERE o.id = NEW.reverses AND o.kind = 'ship')
BEGIN
    UPDATE shipped_daily
    SET shipments = shipments - 1,
        quantity = quantity - (SELECT o.quantity FROM movements o WHERE o.id = NEW.reverses),
        unpriced = unpriced - (SELECT count(*) = 0 FROM shipment_prices p WHERE p.movement_id = NEW.reverses),
        revenue = revenue - coalesce((SELECT o.quantity * p.unit_price * (CASE i.uom WHEN 'pc' THEN 1000 ELSE 1 END)
                                      FROM movements o JOIN shipment_prices p ON p.movement_id = o.id
                                      JOIN lots l ON l.id = o.lot_id JOIN items i ON i.id = l.item_id
                                      WHERE o.id = NEW.reverses), 0)
    WHERE (lot_id, day, customer) =
          (SELECT o.lot_id, o.at_ms / 86400000, coalesce(o.party, '') FROM movements o WHERE o.id = NEW.reverses);
    DELETE FROM shipped_daily WHERE shipments = 0 AND (lot_id, day, customer) =
          (SELECT o.lot_id, o.at_ms / 86400000, coalesce(o.party, '') FROM movements o WHERE o.id = NEW.reverses);
    UPDATE shipped_lot_daily
    SET shipments = shipments - 1,
        quantity = quantity - (SELECT o.quantity FROM movements o WHERE o.id = NEW.reverses),
        unpriced = unpriced - (SELECT count(*) = 0 FROM shipment_prices p WHERE p.movement_id = NEW.reverses),
        revenue = revenue - coalesce((SELECT o.quantity * p.unit_price * (CASE i.uom WHEN 'pc' THEN 1000 ELSE 1 END)
                                      FROM movements o JOIN shipment_prices p ON p.movement_id = o.id
                                      JOIN lots l ON l.id = o.lot_id JOIN items i ON i.id = l.item_id
                                      WHERE o.id = NEW.reverses), 0)
    WHERE (lot_id, day) = (SELECT o.lot_id, o.at_ms / 86400000 FROM movements o WHERE o.id = NEW.reverses);
    DELETE FROM shipped_lot_daily WHERE shipments = 0 AND (lot_id, day) =
          (SELECT o.lot_id, o.at_ms / 86400000 FROM movements o WHERE o.id = NEW.reverses);
END;

CREATE TABLE lot_unit_costs (
    lot_id   INTEGER PRIMARY KEY,
    per_unit INTEGER -- NULL: unknown
);
CREATE TABLE lot_cost_changes (
    id         INTEGER PRIMARY KEY,
    lot_id     INTEGER,                 -- this lot, and what was made from it
    run_code   TEXT COLLATE NOCASE,     -- the run's lots, and what was made from them
    everything INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER lot_cost_change_movement AFTER INSERT ON movements
WHEN NEW.kind IN ('consume', 'produce', 'reversal') OR NEW.run_code IS NOT NULL
BEGIN
    INSERT INTO lot_cost_changes (lot_id, run_code) VALUES (NEW.lot_id, NEW.run_code);
END;
CREATE TRIGGER lot_cost_change_labour AFTER INSERT ON labour_entries
BEGIN
    INSERT INTO lot_cost_changes (run_code) VALUES (NEW.run_code);
END;
CREATE TRIGGER lot_cost_change_run_added AFTER INSERT ON runs
BEGIN
    INSERT INTO lot_cost_changes (run_code) VALUES (NEW.code);
END;
CREATE TRIGGER lot_cost_change_run AFTER UPDATE ON runs
BEGIN
    INSERT INTO lot_cost_changes (run_code) VALUES (NEW.code);
END;
CREATE TRIGGER lot_cost_change_unit_cost AFTER UPDATE OF unit_cost ON lots
WHEN OLD.unit_cost IS NOT NEW.unit_cost
BEGIN
    INSERT INTO lot_cost_changes (lot_id) VALUES (NEW.id);
END;
CREATE TRIGGER lot_cost_change_rate AFTER INSERT ON cost_rates
BEGIN
    INSERT INTO lot_cost_changes (everything) VALUES (1);
END;
)sql";

// lot_on_hand: each lot's balance summed over its locations (no row when zero), kept from balances by
// triggers in the same transaction, so a valuation reads one row per lot on hand instead of one per lot and
// location. Derived data like the summaries above.
inline constexpr std::string_view kMigrationLotOnHand = R"sql(
CREATE TABLE lot_on_hand (
    lot_id   INTEGER PRIMARY KEY,
    quantity INTEGER NOT NULL
);
INSERT INTO lot_on_hand (lot_id, quantity)
SELECT lot_id, sum(quantity) FROM balances GROUP BY lot_id HAVING sum(quantity) <> 0;

CREATE TRIGGER lot_on_hand_insert AFTER INSERT ON balances
BEGIN
    INSERT INTO lot_on_hand (lot_id, quantity) VALUES (NEW.lot_id, NEW.quantity)
    ON CONFLICT (lot_id) DO UPDATE SET quantity = quantity + excluded.quantity;
    DELETE FROM lot_on_hand WHERE lot_id = NEW.lot_id AND quantity = 0;
END;
CREATE TRIGGER lot_on_hand_update AFTER UPDATE ON balances
BEGIN
    INSERT INTO lot_on_hand (lot_id, quantity) VALUES (OLD.lot_id, -OLD.quantity)
    ON CONFLICT (lot_id) DO UPDATE SET quantity = quantity + excluded.quantity;
    INSERT INTO lot_on_hand (lot_id, quantity) VALUES (NEW.lot_id, NEW.quantity)
    ON CONFLICT (lot_id) DO UPDATE SET quantity = quantity + excluded.quantity;
    DELETE FROM lot_on_hand WHERE lot_id IN (OLD.lot_id, NEW.lot_id) AND quantity = 0;
END;
CREATE TRIGGER lot_on_hand_delete AFTER DELETE ON balances
BEGIN
    INSERT INTO lot_on_hand (lot_id, quantity) VALUES (OLD.lot_id, -OLD.quantity)
    ON CONFLICT (lot_id) DO UPDATE SET quantity = quantity + excluded.quantity;
    DELETE FROM lot_on_hand WHERE lot_id = OLD.lot_id AND quantity = 0;
END;
)sql";

} // namespace lotstation::storage
