// Reading the quality record log (quality_sync.hpp): this station's outbox and the log in arrival order.
#include "quality_rows.hpp"
#include "signature_writer.hpp"
#include "../tags/tag_rows.hpp"

#include "../batch/batch_rules.hpp"

#include "lotstation/storage/quality_sync.hpp"

namespace lotstation::storage {
namespace {

std::optional<SpecRecord> findSpecRecord(LedgerCore& core, std::string_view recordId) {
    auto s = core.db.cached("SELECT v.id, i.sku, v.version, v.created_at, v.created_by FROM spec_versions v "
                            "JOIN items i ON i.id = v.item_id WHERE v.record_id = ?1");
    s.bindAll(recordId);
    if (!s.step()) return std::nullopt;
    SpecRecord out{std::string(recordId), s.text(1), static_cast<int>(s.int64(2)),
                   parseTimestamp(s.text(3)).value_or(Timestamp{}), s.text(4), {}};
    const auto specId = s.int64(0);
    auto t = core.db.cached("SELECT name, kind, min, max, unit, expected, method FROM spec_tests WHERE spec_id = ?1 "
                            "ORDER BY position");
    t.bindAll(specId);
    while (t.step())
        out.tests.push_back(SpecTest{t.text(0), parseTestKind(t.text(1)).value_or(TestKind::PassFail), t.optText(2),
                                     t.optText(3), t.optText(4), t.optText(5), t.optText(6)});
    return out;
}

std::optional<DocumentRecord> findDocumentRecord(LedgerCore& core, std::string_view id, std::int64_t position) {
    auto s = core.db.cached(
        "SELECT a.id, a.at, a.user_name, a.subject, a.kind, a.file_name, a.sha256, b.type, b.size, a.inspection_id, "
        "a.station_id, (SELECT min(q.pos) FROM quality_records q JOIN attachments o ON q.kind = 'document' AND "
        "o.id = q.record_id WHERE o.sha256 = a.sha256), b.data FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 "
        "WHERE a.id = ?1");
    s.bindAll(id);
    if (!s.step()) return std::nullopt;
    DocumentRecord out{Attachment{s.text(0), parseTimestamp(s.text(1)).value_or(Timestamp{}), s.text(2), s.text(3),
                                  parseAttachmentKind(s.text(4)).value_or(AttachmentKind::Document), s.text(5),
                                  s.text(6), s.text(7), s.int64(8), s.optText(9)},
                       s.text(10),
                       std::nullopt};
    // The same file crosses the wire once: with the first record in this log that names it.
    if (s.int64(11) == position) out.content = s.statement().blob(12);
    return out;
}

Result<std::vector<QualityRecord>> readLog(LedgerCore& core, std::string_view where, std::int64_t after,
                                           std::size_t limit, const std::string& station = {}) {
    std::vector<std::tuple<std::int64_t, std::string, std::int64_t, std::string, std::string>> rows;
    {
        auto s = core.db.cached("SELECT pos, station_id, seq, kind, record_id FROM quality_records " +
                                std::string(where));
        if (station.empty())
            s.bindAll(after, static_cast<std::int64_t>(limit));
        else
            s.bindAll(after, static_cast<std::int64_t>(limit), station);
        while (s.step())
            rows.emplace_back(s.int64(0), s.text(1), s.int64(2), s.text(3), s.text(4));
    }
    std::vector<QualityRecord> out;
    for (const auto& [pos, stationId, seq, kind, id] : rows) {
        QualityRecord record{pos, stationId, seq, {}};
        bool found = false;
        if (kind == "spec") {
            if (auto spec = findSpecRecord(core, id)) record.value = std::move(*spec), found = true;
        } else if (kind == "inspection") {
            if (auto inspection = findInspection(core, id)) record.value = std::move(*inspection), found = true;
        } else if (kind == "signature") {
            if (auto signature = findSignature(core, id)) record.value = std::move(*signature), found = true;
        } else if (kind == "procedure") {
            if (auto procedure = findProcedure(core, id)) record.value = std::move(*procedure), found = true;
        } else if (kind == "batch-entry") {
            if (auto entry = findBatchEntry(core, id)) record.value = std::move(*entry), found = true;
        } else if (kind == "tag") {
            if (auto tag = findTagById(core, id)) record.value = std::move(*tag), found = true;
        } else if (kind == "tag-void") {
            if (auto tagVoid = findTagVoid(core, id)) record.value = std::move(*tagVoid), found = true;
        } else if (auto document = findDocumentRecord(core, id, pos)) {
            record.value = std::move(*document), found = true;
        }
        if (!found) return fail(ErrorKind::Io, "the quality record log names " + kind + " " + id + ", which is gone");
        out.push_back(std::move(record));
    }
    return out;
}

} // namespace

const char* recordKindOf(const QualityRecord& record) {
    constexpr const char* kinds[] = {"spec",      "inspection",  "signature", "document",
                                     "procedure", "batch-entry", "tag",       "tag-void"};
    return kinds[record.value.index()];
}

std::string recordIdOf(const QualityRecord& record) {
    return std::visit(
        [](const auto& value) -> std::string {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, SpecRecord> || std::is_same_v<T, Procedure>) return value.recordId;
            else if constexpr (std::is_same_v<T, DocumentRecord>) return value.attachment.id;
            else if constexpr (std::is_same_v<T, TagVoid>) return value.tagId;
            else return value.id;
        },
        record.value);
}

Result<std::vector<QualityRecord>> qualityOutbox(const Ledger& ledger, std::int64_t afterSeq, std::size_t limit) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<QualityRecord>> {
        return readLog(core, "WHERE seq > ?1 AND station_id = ?3 ORDER BY seq LIMIT ?2", afterSeq, limit,
                       core.identity.stationId);
    });
}

Result<std::vector<QualityRecord>> qualityRecordsAfter(const Ledger& ledger, std::int64_t position,
                                                       std::size_t limit) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<QualityRecord>> {
        return readLog(core, "WHERE pos > ?1 ORDER BY pos LIMIT ?2", position, limit);
    });
}

Result<std::int64_t> qualityRecordHead(const Ledger& ledger, std::string_view stationId) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::int64_t> {
        auto s = core.db.cached("SELECT coalesce(max(seq), 0) FROM quality_records WHERE station_id = ?1");
        s.bindAll(stationId);
        s.step();
        return s.int64(0);
    });
}

} // namespace lotstation::storage
