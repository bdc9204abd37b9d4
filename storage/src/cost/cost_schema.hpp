#pragma once
// The cost migration: currency, rates, labour entries, customer prices and shipment prices. Every table is
// append-only (triggers refuse UPDATE and DELETE): a new rate, price or labour entry supersedes an older one,
// so the record of what was in force when a run finished or a lot shipped never changes afterwards.
// Money is integer micro-units of the ledger's currency; percentages are hundredths of a percent.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationCost = R"sql(
CREATE TABLE cost_currency (
    id       INTEGER PRIMARY KEY,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    set_at   TEXT NOT NULL,
    set_by   TEXT NOT NULL
);

-- labour: amount = micro-units per person-hour, for a workstation (NULL: any) and a worker (NULL: anyone).
-- overhead: basis run (per run), labour_hour (per person-hour), unit (per g / ml / pc of output, uom set),
-- material_percent (amount = hundredths of a percent of the material cost).
CREATE TABLE cost_rates (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('labour','overhead')),
    basis        TEXT NOT NULL CHECK (basis IN ('hour','run','labour_hour','unit','material_percent')),
    workstation  TEXT COLLATE NOCASE,
    worker       TEXT COLLATE NOCASE,
    uom          TEXT CHECK (uom IS NULL OR uom IN ('g','ml','pc')),
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    effective_at TEXT NOT NULL,
    effective_ms INTEGER NOT NULL,
    set_by       TEXT NOT NULL
);
CREATE INDEX cost_rates_kind ON cost_rates(kind, basis, effective_ms);

-- Time worked on a finished run. A correction is a new entry naming the one it replaces.
CREATE TABLE labour_entries (
    id          INTEGER PRIMARY KEY,
    run_code    TEXT NOT NULL COLLATE NOCASE,
    seconds     INTEGER NOT NULL CHECK (seconds >= 0),
    people      INTEGER NOT NULL CHECK (people >= 1),
    worker      TEXT COLLATE NOCASE,
    corrects    INTEGER REFERENCES labour_entries(id),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX labour_entries_run ON labour_entries(run_code);
CREATE UNIQUE INDEX labour_entries_corrected_once ON labour_entries(corrects) WHERE corrects IS NOT NULL;

-- A customer's price for an item, micro-units per g / ml / pc; the latest one set is in force.
CREATE TABLE customer_prices (
    id           INTEGER PRIMARY KEY,
    customer     TEXT NOT NULL COLLATE NOCASE,
    sku          TEXT NOT NULL COLLATE NOCASE,
    unit_price   INTEGER NOT NULL CHECK (unit_price >= 0),
    effective_at TEXT NOT NULL,
    effective_ms INTEGER NOT NULL,
    set_by       TEXT NOT NULL
);
CREATE INDEX customer_prices_lookup ON customer_prices(customer, sku, effective_ms);

-- The price a shipment was sold at (micro-units per g / ml / pc), beside its ship movement.
CREATE TABLE shipment_prices (
    movement_id TEXT PRIMARY KEY REFERENCES movements(id),
    unit_price  INTEGER NOT NULL CHECK (unit_price >= 0),
    currency    TEXT NOT NULL CHECK (length(currency) = 3),
    source      TEXT NOT NULL CHECK (source IN ('typed','price_list'))
) WITHOUT ROWID;

CREATE INDEX movements_at ON movements(at_ms);
CREATE INDEX movements_scrapped ON movements(lot_id, kind) WHERE kind = 'scrap';

CREATE TRIGGER cost_currency_no_update BEFORE UPDATE ON cost_currency
BEGIN SELECT RAISE(ABORT, 'cost_currency is append-only: UPDATE refused'); END;
CREATE TRIGGER cost_currency_no_delete BEFORE DELETE ON cost_currency
BEGIN SELECT RAISE(ABORT, 'cost_currency is append-only: DELETE refused'); END;
CREATE TRIGGER cost_rates_no_update BEFORE UPDATE ON cost_rates
BEGIN SELECT RAISE(ABORT, 'cost_rates is append-only: UPDATE refused'); END;
CREATE TRIGGER cost_rates_no_delete BEFORE DELETE ON cost_rates
BEGIN SELECT RAISE(ABORT, 'cost_rates is append-only: DELETE refused'); END;
CREATE TRIGGER labour_entries_no_update BEFORE UPDATE ON labour_entries
BEGIN SELECT RAISE(ABORT, 'labour_entries is append-only: UPDATE refused'); END;
CREATE TRIGGER labour_entries_no_delete BEFORE DELETE ON labour_entries
BEGIN SELECT RAISE(ABORT, 'labour_entries is append-only: DELETE refused'); END;
CREATE TRIGGER customer_prices_no_update BEFORE UPDATE ON customer_prices
BEGIN SELECT RAISE(ABORT, 'customer_prices is append-only: UPDATE refused'); END;
CREATE TRIGGER customer_prices_no_delete BEFORE DELETE ON customer_prices
BEGIN SELECT RAISE(ABORT, 'customer_prices is append-only: DELETE refused'); END;
CREATE TRIGGER shipment_prices_no_update BEFORE UPDATE ON shipment_prices
BEGIN SELECT RAISE(ABORT, 'shipment_prices is append-only: UPDATE refused'); END;
CREATE TRIGGER shipment_prices_no_delete BEFORE DELETE ON shipment_prices
BEGIN SELECT RAISE(ABORT, 'shipment_prices is append-only: DELETE refused'); END;
)sql";

} // namespace lotstation::storage
