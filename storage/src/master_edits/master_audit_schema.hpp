#pragma once
// Migration: the business's name beside the station's identity, and the append-only audit of master data
// changed at a station (master_edits.hpp): who, when, which record, its revision, what changed.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationMasterAudit = R"sql(
ALTER TABLE station ADD COLUMN business_name TEXT NOT NULL DEFAULT '';
CREATE TABLE master_changes (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    user     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('item','supplier','customer','location','user','recipe')),
    record   TEXT NOT NULL,
    change   TEXT NOT NULL,
    details  TEXT NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX master_changes_record ON master_changes (kind, record);
CREATE TRIGGER master_changes_no_update BEFORE UPDATE ON master_changes
BEGIN SELECT RAISE(ABORT, 'master data changes are append-only'); END;
CREATE TRIGGER master_changes_no_delete BEFORE DELETE ON master_changes
BEGIN SELECT RAISE(ABORT, 'master data changes are append-only'); END;
)sql";

} // namespace lotstation::storage
