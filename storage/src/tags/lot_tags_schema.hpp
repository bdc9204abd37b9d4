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
