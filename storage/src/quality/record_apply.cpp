// Applying another station's quality record, exactly once (quality_sync.hpp).
#include "quality_rows.hpp"
#include "signature_writer.hpp"
#include "../tags/tag_rows.hpp"

#include "../batch/batch_rules.hpp"
#include "../crypto.hpp"
#include "lotstation/storage/quality_sync.hpp"

namespace lotstation::storage {
namespace {

std::string label(const QualityRecord& record) {
    return std::string(recordKindOf(record)) + " " + recordIdOf(record) + " (station " + record.stationId + " #" +
           std::to_string(record.seq) + ")";
}

Result<void> insertSpec(LedgerCore& core, const SpecRecord& spec) {
    auto item = findItem(core, spec.sku);
    if (!item) return fail(ErrorKind::NotFound, "spec of " + spec.sku + ": the item is not known here yet");
    // Two stations that changed one spec offline both made version N: the later arrival becomes the next.
    auto taken = core.db.cached("SELECT coalesce(max(version), 0) FROM spec_versions WHERE item_id = ?1");
    taken.bindAll(item->id);
    taken.step();
    const auto highest = taken.int64(0);
    const std::int64_t version = spec.version > highest ? spec.version : highest + 1;
    core.db
        .cached("INSERT INTO spec_versions (item_id, version, created_at, created_by, record_id) VALUES (?1, ?2, ?3, "
                "?4, ?5)")
        .bindAll(item->id, version, formatTimestamp(spec.createdAt), spec.createdBy, spec.recordId)
        .run();
    const auto specId = core.db.lastInsertRowid();
    std::int64_t position = 0;
    for (const auto& t : spec.tests)
        core.db
            .cached("INSERT INTO spec_tests (spec_id, position, name, kind, min, max, unit, expected, method) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bindAll(specId, ++position, t.name, toString(t.kind), t.min, t.max, t.unit, t.expected, t.method)
            .run();
    return {};
}

Result<void> insertInspection(LedgerCore& core, const Inspection& inspection) {
    auto lot = findLot(core, inspection.lot);
    if (!lot) return fail(ErrorKind::NotFound, "inspection of lot " + inspection.lot + ": the lot is not known here yet");
    core.db
        .cached("INSERT INTO inspections (id, station_id, at, user_name, lot_id, spec_version, sample_size, note, "
                "passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bindAll(inspection.id, inspection.stationId, formatTimestamp(inspection.at), inspection.user, lot->id,
                 static_cast<std::int64_t>(inspection.specVersion), inspection.sampleSize, inspection.note,
                 static_cast<std::int64_t>(inspection.passed ? 1 : 0))
        .run();
    std::int64_t position = 0;
    for (const auto& r : inspection.results)
        core.db
            .cached("INSERT INTO inspection_results (inspection_id, position, test, value, passed) VALUES (?1, ?2, "
                    "?3, ?4, ?5)")
            .bindAll(inspection.id, ++position, r.test, r.value, static_cast<std::int64_t>(r.passed ? 1 : 0))
            .run();
    return {};
}

Result<void> insertSignature(LedgerCore& core, const Signature& s) {
    std::int64_t lastSeq = 0;
    std::string lastHash(kGenesisHash);
    auto head = core.db.cached("SELECT last_seq, last_hash FROM signature_chains WHERE station_id = ?1");
    head.bindAll(s.stationId);
    if (head.step()) {
        lastSeq = head.int64(0);
        lastHash = head.text(1);
    }
    if (s.seq != lastSeq + 1 || s.prevHash != lastHash)
        return fail(ErrorKind::Conflict, "signature " + s.id + " (station " + s.stationId + " #" +
                                             std::to_string(s.seq) + ") does not link to the chain held here");
    core.db
        .cached("INSERT INTO signatures (id, station_id, seq, at, signer, printed_name, meaning, record_kind, "
                "record_id, subject, record_hash, statement, reason, prev_hash, hash) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
        .bindAll(s.id, s.stationId, s.seq, formatTimestamp(s.at), s.signer, s.printedName, toString(s.meaning),
                 s.recordKind, s.recordId, s.subject, s.recordHash, s.statement, s.reason, s.prevHash, s.hash)
        .run();
    core.db
        .cached("INSERT INTO signature_chains (station_id, last_seq, last_hash) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (station_id) DO UPDATE SET last_seq = ?2, last_hash = ?3")
        .bindAll(s.stationId, s.seq, s.hash)
        .run();
    return {};
}

Result<void> insertDocument(LedgerCore& core, const DocumentRecord& document) {
    const auto& a = document.attachment;
    if (document.content) {
        const auto& bytes = *document.content; // checked by checkRecordContent
        core.db
            .cached("INSERT INTO blobs (sha256, size, type, data) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256) DO "
                    "NOTHING")
            .bindAll(a.sha256, static_cast<std::int64_t>(bytes.size()), a.type, sql::Blob{bytes})
            .run();
    } else {
        auto held = core.db.cached("SELECT 1 FROM blobs WHERE sha256 = ?1");
        held.bindAll(a.sha256);
        if (!held.step())
            return fail(ErrorKind::NotFound, "document " + a.fileName + " (" + a.sha256 + ") has not arrived here");
    }
    core.db
        .cached("INSERT INTO attachments (id, station_id, at, user_name, subject, kind, file_name, sha256, "
                "inspection_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bindAll(a.id, document.stationId, formatTimestamp(a.at), a.user, a.subject, toString(a.kind), a.fileName,
                 a.sha256, a.inspection)
        .run();
    return {};
}

Result<void> insertRemoteProcedure(LedgerCore& core, const Procedure& procedure) {
    auto item = findItem(core, procedure.sku);
    if (!item) return fail(ErrorKind::NotFound, "procedure of " + procedure.sku + ": the item is not known here yet");
    auto parsed = readProcedureFile(core, item->item.sku, procedure.source, nullptr);
    if (!parsed) return fail(ErrorKind::Invalid, "procedure of " + procedure.sku + ": " + parsed.error().message);
    Procedure stored = *parsed;
    stored.recordId = procedure.recordId;
    stored.version = procedure.version;
    stored.createdAt = procedure.createdAt;
    stored.createdBy = procedure.createdBy;
    insertProcedure(core, item->id, stored);
    return {};
}

} // namespace

Result<ApplyOutcome> applyRemoteQualityRecord(Ledger& ledger, const QualityRecord& record) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<ApplyOutcome> {
        const std::string kind = recordKindOf(record);
        const std::string id = recordIdOf(record);
        if (record.stationId == core.identity.stationId)
            return fail(ErrorKind::Conflict, label(record) + " claims to be this station's own");
        {
            auto at = core.db.cached("SELECT kind, record_id FROM quality_records WHERE station_id = ?1 AND seq = ?2");
            at.bindAll(record.stationId, record.seq);
            if (at.step()) {
                if (at.text(0) == kind && at.text(1) == id) return ApplyOutcome::AlreadyPresent;
                return fail(ErrorKind::Conflict, label(record) + ": that sequence holds " + at.text(0) + " " +
                                                     at.text(1) + " here; never overwritten");
            }
        }
        auto head = core.db.cached("SELECT coalesce(max(seq), 0) FROM quality_records WHERE station_id = ?1");
        head.bindAll(record.stationId);
        head.step();
        if (record.seq != head.int64(0) + 1)
            return fail(ErrorKind::Refused, label(record) + ": records up to #" + std::to_string(record.seq - 1) +
                                                " of that station are not here yet");
        auto taken = core.db.cached("SELECT 1 FROM quality_records WHERE kind = ?1 AND record_id = ?2");
        taken.bindAll(kind, id);
        if (taken.step()) return fail(ErrorKind::Conflict, label(record) + ": that id is already stored here");
        if (auto content = checkRecordContent(record); !content) return std::unexpected(content.error());

        sql::Transaction transaction(core.db);
        core.db
            .cached("INSERT INTO quality_records (station_id, seq, kind, record_id) VALUES (?1, ?2, ?3, ?4)")
            .bindAll(record.stationId, record.seq, kind, id)
            .run();
        const auto written = std::visit(
            [&](const auto& value) -> Result<void> {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, SpecRecord>) return insertSpec(core, value);
                else if constexpr (std::is_same_v<T, Inspection>) return insertInspection(core, value);
                else if constexpr (std::is_same_v<T, Signature>) return insertSignature(core, value);
                else if constexpr (std::is_same_v<T, DocumentRecord>) return insertDocument(core, value);
                else if constexpr (std::is_same_v<T, Procedure>) return insertRemoteProcedure(core, value);
                else if constexpr (std::is_same_v<T, BatchEntry>) return insertRemoteBatchEntry(core, value);
                else if constexpr (std::is_same_v<T, LotTag>) return insertRemoteTag(core, value);
                else return insertRemoteTagVoid(core, value);
            },
            record.value);
        if (!written) return std::unexpected(written.error());
        transaction.commit();
        return ApplyOutcome::Applied;
    });
}

} // namespace lotstation::storage
