#include "schema.hpp"

#include "batch/batch_schema.hpp"
#include "codes/lot_code_pattern_schema.hpp"
#include "cost/cost_schema.hpp"
#include "cost/report_summary_schema.hpp"
#include "master_edits/master_audit_schema.hpp"
#include "master_revisions.hpp"
#include "orders/orders_schema.hpp"
#include "quality/quality_schema.hpp"
#include "movement_insert_schema.hpp"
#include "queries/query_indexes.hpp"
#include "sqlite/database.hpp"
#include "tags/lot_tags_schema.hpp"

#include <array>
#include <string>

namespace lotstation::storage {
namespace {

// Migration 1: the whole data model of DESIGN §2.
// - Codes (SKU, lot, location, supplier, customer, user, run) are unique case-insensitively: a scanner or a
//   tired operator may type them in either case.
// - movements is append-only: triggers refuse UPDATE and DELETE in the database itself.
// - Quantities are integers in base units (mg, µl, pc); money is integer micro-units; dates are ISO text.
// - Movements name runs, users, suppliers and customers by code (text), not by row id, so that another
//   station's movements can be stored verbatim and hashed identically everywhere.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE station (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    station_id TEXT NOT NULL CHECK (length(station_id) > 0),
    name       TEXT NOT NULL,
    short_code TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- The head of every station's hash chain known here (this station's included): next seq is last_seq + 1.
CREATE TABLE chains (
    station_id TEXT PRIMARY KEY,
    last_seq   INTEGER NOT NULL CHECK (last_seq >= 0),
    last_hash  TEXT NOT NULL CHECK (length(last_hash) = 64)
) WITHOUT ROWID;

CREATE TABLE locations (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) > 0),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('dock','store','workstation','quarantine','finished','shipped'))
);

CREATE TABLE items (
    id                  INTEGER PRIMARY KEY,
    sku                 TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(sku) > 0),
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('raw','packaging','intermediate','finished')),
    uom                 TEXT NOT NULL CHECK (uom IN ('g','ml','pc')),
    gtin                TEXT UNIQUE CHECK (gtin IS NULL OR length(gtin) = 14),
    lot_tracked         INTEGER NOT NULL DEFAULT 1 CHECK (lot_tracked IN (0, 1)),
    shelf_life_days     INTEGER CHECK (shelf_life_days IS NULL OR shelf_life_days >= 0),
    default_location_id INTEGER REFERENCES locations(id),
    reorder_point       INTEGER CHECK (reorder_point IS NULL OR reorder_point >= 0)
);

CREATE TABLE suppliers (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) > 0),
    name TEXT NOT NULL
);

CREATE TABLE customers (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) > 0),
    name TEXT NOT NULL
);

CREATE TABLE users (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
    role     TEXT NOT NULL CHECK (role IN ('operator','supervisor','admin')),
    badge    TEXT UNIQUE,
    pin_hash TEXT -- libsodium crypto_pwhash_str (Argon2id)
);

-- Component quantities are base units per output_quantity base units of the item.
CREATE TABLE recipes (
    item_id         INTEGER PRIMARY KEY REFERENCES items(id),
    output_quantity INTEGER NOT NULL CHECK (output_quantity > 0)
);

CREATE TABLE recipe_components (
    item_id      INTEGER NOT NULL REFERENCES recipes(item_id) ON DELETE CASCADE,
    component_id INTEGER NOT NULL REFERENCES items(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (item_id, component_id)
) WITHOUT ROWID;

-- A received lot has supplier + supplier_lot, a produced lot has run_code. A supplier lot is one lot per
-- supplier and item: receive() adds a second delivery to the lot already known, whichever station made it. The
-- database enforces that per creating station only, because two stations offline can both receive the same
-- supplier lot before they hear of each other; sync must then store both (lotsBySupplierLot shows the fork).
CREATE TABLE lots (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) > 0),
    item_id      INTEGER NOT NULL REFERENCES items(id),
    supplier_id  INTEGER REFERENCES suppliers(id),
    supplier_lot TEXT,
    run_code     TEXT COLLATE NOCASE,
    origin_date  TEXT NOT NULL,
    expiry       TEXT,
    best_before  TEXT,
    status       TEXT NOT NULL CHECK (status IN ('available','quarantine','hold','recalled','expired','depleted')),
    unit_cost    INTEGER,
    created_by   TEXT NOT NULL,
    CHECK ((supplier_id IS NULL) = (supplier_lot IS NULL)),
    UNIQUE (supplier_id, item_id, supplier_lot, created_by)
);
CREATE INDEX lots_item_expiry ON lots(item_id, expiry);
CREATE INDEX lots_supplier_lot ON lots(supplier_lot) WHERE supplier_lot IS NOT NULL;
CREATE INDEX lots_run ON lots(run_code) WHERE run_code IS NOT NULL;

CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) > 0),
    item_id        INTEGER NOT NULL REFERENCES items(id),
    planned        INTEGER NOT NULL CHECK (planned > 0),
    actual         INTEGER CHECK (actual IS NULL OR actual > 0),
    workstation_id INTEGER REFERENCES locations(id),
    operator       TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('open','finished')),
    output_lot_id  INTEGER REFERENCES lots(id)
);

-- The ledger. pos is the local arrival order (queries may page on it); id is the global UUIDv7.
-- quantity is a magnitude: from_location loses it, to_location gains it; NULL is outside the station.
CREATE TABLE movements (
    pos              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    station_id       TEXT NOT NULL,
    seq              INTEGER NOT NULL CHECK (seq >= 1),
    at               TEXT NOT NULL,
    at_ms            INTEGER NOT NULL,
    user_name        TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('receive','consume','produce','move','ship','adjust','count',
                                                   'scrap','hold','release','reversal')),
    lot_id           INTEGER NOT NULL REFERENCES lots(id),
    quantity         INTEGER NOT NULL CHECK (quantity >= 0),
    from_location_id INTEGER REFERENCES locations(id),
    to_location_id   INTEGER REFERENCES locations(id),
    run_code         TEXT COLLATE NOCASE,
    party            TEXT,
    reference        TEXT,
    reason           TEXT,
    unit_cost        INTEGER,
    reverses         TEXT,
    lot_status       TEXT,
    approved_by      TEXT,
    overridden       TEXT,
    prev_hash        TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash             TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (station_id, seq)
);
CREATE INDEX movements_lot ON movements(lot_id, pos);
CREATE INDEX movements_run ON movements(run_code) WHERE run_code IS NOT NULL;
CREATE INDEX movements_reverses ON movements(reverses) WHERE reverses IS NOT NULL;
CREATE INDEX movements_kind_party ON movements(kind, party) WHERE party IS NOT NULL;

CREATE TRIGGER movements_no_update BEFORE UPDATE ON movements
BEGIN SELECT RAISE(ABORT, 'movements are append-only: UPDATE refused'); END;
CREATE TRIGGER movements_no_delete BEFORE DELETE ON movements
BEGIN SELECT RAISE(ABORT, 'movements are append-only: DELETE refused'); END;

-- On hand per lot and location, kept in step with movements in the same transaction. Zero rows are removed.
CREATE TABLE balances (
    lot_id      INTEGER NOT NULL REFERENCES lots(id),
    location_id INTEGER NOT NULL REFERENCES locations(id),
    quantity    INTEGER NOT NULL,
    PRIMARY KEY (lot_id, location_id)
) WITHOUT ROWID;
CREATE INDEX balances_location ON balances(location_id);

-- This station's movements waiting to be (or already) pushed: seq is the station sequence.
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY,
    movement_id TEXT NOT NULL UNIQUE REFERENCES movements(id)
);
)sql";

// Migration 3: wrong PINs in a row per user (or per unknown name or badge typed), and until when that key
// is locked out. A row exists only while there are failures to remember.
constexpr std::string_view kMigration3PinFailures = R"sql(
CREATE TABLE pin_failures (
    login           TEXT PRIMARY KEY COLLATE NOCASE,
    failures        INTEGER NOT NULL CHECK (failures >= 0),
    locked_until_ms INTEGER
) WITHOUT ROWID;
)sql";

// A movement whose quantity was read from a weighing scale names the scale ("mt-sics on /dev/ttyUSB0"); the
// name is part of the movement's hash (format 2 of the canonical text, canonical.cpp).
constexpr std::string_view kMigrationMovementScale = R"sql(
ALTER TABLE movements ADD COLUMN scale TEXT CHECK (scale IS NULL OR length(scale) BETWEEN 1 AND 120);
)sql";

constexpr std::array kMigrations{kMigration1, kMigration2QueryIndexes, kMigration3PinFailures,
                                kMigration4MasterRevisions, kMigrationCost, kMigrationQuality,
                                kMigrationLotTags, kMigrationQualitySync, kMigrationMasterAudit,
                                kMigrationReportSummaries, kMigrationLotCodePattern, kMigrationBatchRecord,
                                kMigrationMovementScale,
                                // after the batch record's: it extends the record log's kinds that one added
                                kMigrationTagRecords, kMigrationLotOnHand, kMigrationSalesOrders,
                                kMigrationMovementInsertChecks};

} // namespace

std::span<const std::string_view> migrations() {
    return kMigrations;
}

void migrate(sql::Database& db) {
    const auto current = db.userVersion();
    const auto target = static_cast<int>(kMigrations.size());
    if (current > target) {
        throw sql::Exception("the database has schema version " + std::to_string(current) +
                             ", newer than this program (" + std::to_string(target) + ")");
    }
    // The version is read again inside each write transaction: another process may be migrating the same new
    // file at the same moment.
    for (int version = current; version < target;) {
        sql::Transaction transaction(db);
        version = db.userVersion();
        if (version >= target) break;
        db.exec(std::string(kMigrations[static_cast<std::size_t>(version)]));
        db.setUserVersion(++version);
        transaction.commit();
    }
    // A migration may loosen a CHECK by editing sqlite_schema (see quality_schema.hpp): a new schema cookie
    // makes this connection read the edited text (other connections do so on their own).
    if (current < target) {
        sql::Transaction transaction(db);
        int cookie = 0;
        {
            auto s = db.prepare("PRAGMA schema_version");
            if (s.step()) cookie = static_cast<int>(s.int64(0));
        }
        db.exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
        transaction.commit();
    }
}

} // namespace lotstation::storage
