#pragma once
// The RFID tags migration: lot_tags is append-only (triggers refuse UPDATE and DELETE, as for movements);
// (gtin, serial) names one tag everywhere, so it is unique. Rows from other stations keep their own id.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationLotTags = R"sql(
CREATE TABLE lot_tags (
    pos         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    gtin        TEXT NOT NULL CHECK (length(gtin) = 14),
    serial      TEXT NOT NULL CHECK (length(serial) > 0),
    lot_code    TEXT NOT NULL COLLATE NOCASE,
    scheme      TEXT NOT NULL CHECK (scheme IN ('sgtin-96','sgtin+','dsgtin+')),
    epc_hex     TEXT NOT NULL,
    station_id  TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    at          TEXT NOT NULL,
    UNIQUE (gtin, serial)
);
CREATE INDEX lot_tags_lot ON lot_tags (lot_code);
CREATE TRIGGER lot_tags_no_update BEFORE UPDATE ON lot_tags
BEGIN SELECT RAISE(ABORT, 'lot_tags is append-only'); END;
CREATE TRIGGER lot_tags_no_delete BEFORE DELETE ON lot_tags
BEGIN SELECT RAISE(ABORT, 'lot_tags is append-only'); END;
)sql";

} // namespace lotstation::storage

namespace lotstation::storage {

// Tags travel between stations in the record log (quality_sync.hpp), so a tag written at one station is found
// by a scan at any other: the log takes kinds 'tag' and 'tag-void' (its CHECK loosened in sqlite_schema, as
// quality_schema.hpp explains; after the batch record's migration added its kinds, which this one extends), and a trigger logs every tag this station records. A tag whose label did not
// print is voided (lot_tag_voids, append-only, logged the same way): its serial stays taken, so it is never
// assigned again, and it names no lot.
inline constexpr std::string_view kMigrationTagRecords = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''batch-entry'')', '''batch-entry'',''tag'',''tag-void'')')
 WHERE type = 'table' AND name = 'quality_records';
PRAGMA writable_schema = OFF;

CREATE TABLE lot_tag_voids (
    tag_id     TEXT PRIMARY KEY REFERENCES lot_tags(id),
    station_id TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    at         TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(reason) > 0)
);
CREATE TRIGGER lot_tag_voids_no_update BEFORE UPDATE ON lot_tag_voids
BEGIN SELECT RAISE(ABORT, 'lot_tag_voids is append-only'); END;
CREATE TRIGGER lot_tag_voids_no_delete BEFORE DELETE ON lot_tag_voids
BEGIN SELECT RAISE(ABORT, 'lot_tag_voids is append-only'); END;

CREATE TRIGGER lot_tags_logged AFTER INSERT ON lot_tags
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'tag' AND record_id = NEW.id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'tag', NEW.id FROM station s;
END;
CREATE TRIGGER lot_tag_voids_logged AFTER INSERT ON lot_tag_voids
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'tag-void' AND record_id = NEW.tag_id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'tag-void', NEW.tag_id FROM station s;
END;
)sql";

} // namespace lotstation::storage
