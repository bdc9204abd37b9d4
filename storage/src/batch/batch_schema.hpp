#pragma once
// The batch record migration (DESIGN §10, batch_record.hpp): procedure versions per item (the master batch
// record) and the executed record's entries. Both are append-only (triggers refuse UPDATE and DELETE) and are
// logged in the quality record log in the same transaction, so they sync like specs and signatures; the log's
// kind CHECK is loosened the way the quality migration loosened lots.status (an edit of sqlite_schema).
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationBatchRecord = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''signature'',''document'')', '''signature'',''document'',''procedure'',''batch-entry'')')
 WHERE type = 'table' AND name = 'quality_records';
PRAGMA writable_schema = OFF;

CREATE TABLE procedures (
    pos        INTEGER PRIMARY KEY,
    record_id  TEXT NOT NULL UNIQUE,
    item_id    INTEGER NOT NULL REFERENCES items(id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    body       TEXT NOT NULL,
    UNIQUE (item_id, version)
);

CREATE TABLE batch_entries (
    pos              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    station_id       TEXT NOT NULL,
    at               TEXT NOT NULL,
    run_code         TEXT NOT NULL COLLATE NOCASE,
    kind             TEXT NOT NULL CHECK (kind IN ('start','perform','verify','deviation','finish')),
    step             INTEGER NOT NULL CHECK (step >= 0),
    user_name        TEXT NOT NULL,
    procedure        TEXT,
    sku              TEXT,
    lot              TEXT,
    quantity         INTEGER,
    value            TEXT,
    judgement        TEXT,
    deviation        TEXT,
    reason           TEXT,
    movement         TEXT,
    labels_printed   INTEGER,
    labels_destroyed INTEGER,
    prev_hash        TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash             TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX batch_entries_run ON batch_entries(run_code, pos);

CREATE TRIGGER procedures_no_update BEFORE UPDATE ON procedures
BEGIN SELECT RAISE(ABORT, 'procedures are append-only: UPDATE refused'); END;
CREATE TRIGGER procedures_no_delete BEFORE DELETE ON procedures
BEGIN SELECT RAISE(ABORT, 'procedures are append-only: DELETE refused'); END;
CREATE TRIGGER batch_entries_no_update BEFORE UPDATE ON batch_entries
BEGIN SELECT RAISE(ABORT, 'batch record entries are append-only: UPDATE refused'); END;
CREATE TRIGGER batch_entries_no_delete BEFORE DELETE ON batch_entries
BEGIN SELECT RAISE(ABORT, 'batch record entries are append-only: DELETE refused'); END;

CREATE TRIGGER procedures_logged AFTER INSERT ON procedures
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'procedure' AND record_id = NEW.record_id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'procedure', NEW.record_id FROM station s;
END;
CREATE TRIGGER batch_entries_logged AFTER INSERT ON batch_entries
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'batch-entry' AND record_id = NEW.id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'batch-entry', NEW.id FROM station s;
END;
)sql";

} // namespace lotstation::storage
