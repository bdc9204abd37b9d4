#pragma once
// The quality migration (DESIGN §10, DOMAIN §1-2): QC policy per item, versioned specifications, inspections,
// electronic signatures and documents on lots.
// - lots.status gains 'rejected' and users.role gains 'qa'. SQLite cannot ALTER a CHECK constraint; loosening
//   one by editing its text in sqlite_schema is the documented way that keeps the rows (and every foreign key
//   pointing at them) as they are. migrate() bumps the schema cookie afterwards so the connection re-reads it.
// - inspections, inspection_results, signatures, attachments and blobs are append-only: triggers refuse
//   UPDATE and DELETE, as for movements. A correction is a new record.
// - signatures are hash-chained per station like movements (signature_chains holds each chain's head).
// - Specs are versioned: a change writes a new spec_versions row with all its tests; old versions stay.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationQuality = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''expired'',''depleted'')', '''expired'',''depleted'',''rejected'')')
 WHERE type = 'table' AND name = 'lots';
UPDATE sqlite_schema
   SET sql = replace(sql, '''supervisor'',''admin'')', '''supervisor'',''admin'',''qa'')')
 WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = OFF;

ALTER TABLE items ADD COLUMN qc_policy TEXT NOT NULL DEFAULT 'none'
    CHECK (qc_policy IN ('none','receipt','release','both'));

CREATE TABLE spec_versions (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items(id),
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (item_id, version)
);

-- kind: pass_fail; numeric (min / max exact decimal text, either may be absent, unit); text (expected).
CREATE TABLE spec_tests (
    spec_id  INTEGER NOT NULL REFERENCES spec_versions(id),
    position INTEGER NOT NULL,
    name     TEXT NOT NULL COLLATE NOCASE CHECK (length(name) > 0),
    kind     TEXT NOT NULL CHECK (kind IN ('pass_fail','numeric','text')),
    min      TEXT,
    max      TEXT,
    unit     TEXT,
    expected TEXT,
    method   TEXT,
    PRIMARY KEY (spec_id, name)
) WITHOUT ROWID;

CREATE TABLE inspections (
    pos          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    station_id   TEXT NOT NULL,
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    lot_id       INTEGER NOT NULL REFERENCES lots(id),
    spec_version INTEGER NOT NULL,
    sample_size  INTEGER CHECK (sample_size IS NULL OR sample_size > 0),
    note         TEXT,
    passed       INTEGER NOT NULL CHECK (passed IN (0, 1))
);
CREATE INDEX inspections_lot ON inspections(lot_id, pos);

CREATE TABLE inspection_results (
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    position      INTEGER NOT NULL,
    test          TEXT NOT NULL COLLATE NOCASE,
    value         TEXT NOT NULL,
    passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
    PRIMARY KEY (inspection_id, test)
) WITHOUT ROWID;

CREATE TABLE signature_chains (
    station_id TEXT PRIMARY KEY,
    last_seq   INTEGER NOT NULL CHECK (last_seq >= 0),
    last_hash  TEXT NOT NULL CHECK (length(last_hash) = 64)
) WITHOUT ROWID;

CREATE TABLE signatures (
    pos          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    station_id   TEXT NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    at           TEXT NOT NULL,
    signer       TEXT NOT NULL,
    printed_name TEXT NOT NULL,
    meaning      TEXT NOT NULL CHECK (meaning IN ('performed','verified','reviewed','released','rejected',
                                                  'approved-deviation')),
    record_kind  TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    subject      TEXT NOT NULL COLLATE NOCASE,
    record_hash  TEXT NOT NULL CHECK (length(record_hash) = 64),
    statement    TEXT NOT NULL,
    reason       TEXT,
    prev_hash    TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash         TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (station_id, seq)
);
CREATE INDEX signatures_subject ON signatures(subject, pos);
CREATE INDEX signatures_record ON signatures(record_kind, record_id);

CREATE TABLE blobs (
    id     INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size   INTEGER NOT NULL CHECK (size >= 0),
    type   TEXT NOT NULL CHECK (type IN ('pdf','png','jpeg')),
    data   BLOB NOT NULL
);

CREATE TABLE attachments (
    pos           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    station_id    TEXT NOT NULL,
    at            TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    subject       TEXT NOT NULL COLLATE NOCASE,
    kind          TEXT NOT NULL CHECK (kind IN ('coa','photo','document')),
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL REFERENCES blobs(sha256),
    inspection_id TEXT REFERENCES inspections(id)
);
CREATE INDEX attachments_subject ON attachments(subject, pos);

CREATE TRIGGER inspections_no_update BEFORE UPDATE ON inspections
BEGIN SELECT RAISE(ABORT, 'inspections are append-only: UPDATE refused'); END;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections
BEGIN SELECT RAISE(ABORT, 'inspections are append-only: DELETE refused'); END;
CREATE TRIGGER inspection_results_no_update BEFORE UPDATE ON inspection_results
BEGIN SELECT RAISE(ABORT, 'inspection results are append-only: UPDATE refused'); END;
CREATE TRIGGER inspection_results_no_delete BEFORE DELETE ON inspection_results
BEGIN SELECT RAISE(ABORT, 'inspection results are append-only: DELETE refused'); END;
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are append-only: UPDATE refused'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are append-only: DELETE refused'); END;
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only: UPDATE refused'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only: DELETE refused'); END;
CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs
BEGIN SELECT RAISE(ABORT, 'documents are append-only: UPDATE refused'); END;
CREATE TRIGGER blobs_no_delete BEFORE DELETE ON blobs
BEGIN SELECT RAISE(ABORT, 'documents are append-only: DELETE refused'); END;
)sql";

} // namespace lotstation::storage

namespace lotstation::storage {

// The quality record log (quality_sync.hpp): one row per spec version, inspection, signature and document
// stored here, in arrival order (pos). Rows of this station's own records are numbered gaplessly (seq) by
// the triggers below, in the transaction that writes the record; a record from another station gets its row
// (with that station's seq) before the record itself, so the triggers leave it alone.
inline constexpr std::string_view kMigrationQualitySync = R"sql(
ALTER TABLE spec_versions ADD COLUMN record_id TEXT;
CREATE UNIQUE INDEX spec_versions_record ON spec_versions(record_id);

CREATE TABLE quality_records (
    pos        INTEGER PRIMARY KEY,
    station_id TEXT NOT NULL,
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    kind       TEXT NOT NULL CHECK (kind IN ('spec','inspection','signature','document')),
    record_id  TEXT NOT NULL,
    UNIQUE (station_id, seq),
    UNIQUE (kind, record_id)
);
CREATE TRIGGER quality_records_no_update BEFORE UPDATE ON quality_records
BEGIN SELECT RAISE(ABORT, 'the quality record log is append-only: UPDATE refused'); END;
CREATE TRIGGER quality_records_no_delete BEFORE DELETE ON quality_records
BEGIN SELECT RAISE(ABORT, 'the quality record log is append-only: DELETE refused'); END;

CREATE TRIGGER spec_versions_logged AFTER INSERT ON spec_versions WHEN NEW.record_id IS NULL
BEGIN
    UPDATE spec_versions SET record_id = (SELECT station_id FROM station) || ':' || NEW.id WHERE id = NEW.id;
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'spec', s.station_id || ':' || NEW.id FROM station s;
END;
CREATE TRIGGER inspections_logged AFTER INSERT ON inspections
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'inspection' AND record_id = NEW.id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'inspection', NEW.id FROM station s;
END;
CREATE TRIGGER signatures_logged AFTER INSERT ON signatures
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'signature' AND record_id = NEW.id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'signature', NEW.id FROM station s;
END;
CREATE TRIGGER attachments_logged AFTER INSERT ON attachments
WHEN NOT EXISTS (SELECT 1 FROM quality_records WHERE kind = 'document' AND record_id = NEW.id)
BEGIN
    INSERT INTO quality_records (station_id, seq, kind, record_id)
    SELECT s.station_id, coalesce((SELECT max(q.seq) FROM quality_records q WHERE q.station_id = s.station_id), 0) + 1,
           'document', NEW.id FROM station s;
END;
)sql";

} // namespace lotstation::storage
