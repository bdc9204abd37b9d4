// Quality records in the PostgreSQL store (central_backend.hpp applyRecords / recordsAfter / recordHead):
// the same guarantees as the SQLite store's central ledger. A station's records are taken one push at a
// time whichever server gets them (its head row is locked), each exactly once by (station, sequence) and by
// id, in sequence order without gaps; their content is checked by the ledger's own rule
// (storage::checkRecordContent), and what needs earlier records is checked against the log: a signature
// links to its station's signature chain, a document's bytes are here (or come with it), an RFID serial is
// not another tag's, a voided tag and an inspected or tagged lot are known. Numbered last (record_log.hpp).
#include "../conflict_rule.hpp"
#include "../wire.hpp"
#include "order_log.hpp"
#include "pg_central.hpp"
#include "record_log.hpp"

#include <map>
#include <set>

namespace lotstation::sync::pg {
namespace {

std::string label(const storage::QualityRecord& record) {
    return std::string(storage::recordKindOf(record)) + " " + storage::recordIdOf(record) + " (station " +
           record.stationId + " #" + std::to_string(record.seq) + ")";
}

struct RecordHead {
    std::int64_t seq = 0;
    std::int64_t signatureSeq = 0;
    std::string signatureHash;
};

// The station's record head, locked until the transaction ends.
Result<RecordHead> lockRecordHead(Connection& db, const std::string& stationId) {
    auto made = db.exec("INSERT INTO sync_record_heads (station_id, last_seq, signature_seq, signature_hash) "
                        "VALUES ($1, 0, 0, $2) ON CONFLICT (station_id) DO NOTHING",
                        {stationId, std::string(64, '0')}); // the genesis hash a signature chain starts from
    if (!made) return std::unexpected(made.error());
    auto head = db.exec("SELECT last_seq, signature_seq, signature_hash FROM sync_record_heads WHERE station_id = $1 "
                        "FOR UPDATE",
                        {stationId});
    if (!head) return std::unexpected(head.error());
    return RecordHead{head->int64(0, 0), head->int64(0, 1), head->text(0, 2)};
}

// Rows of `sql` (one text-array parameter) as tuples of their first `width` columns.
Result<std::vector<std::vector<std::string>>> rowsFor(Connection& db, const std::string& sql,
                                                      const std::set<std::string>& values, int width) {
    std::vector<std::vector<std::string>> out;
    if (values.empty()) return out;
    auto rows = db.exec(sql, {textArray({values.begin(), values.end()})});
    if (!rows) return std::unexpected(rows.error());
    for (int i = 0; i < rows->size(); ++i) {
        out.emplace_back();
        for (int c = 0; c < width; ++c)
            out.back().push_back(rows->text(i, c));
    }
    return out;
}

// What the store already holds that a batch of records may name, read in a few statements.
struct Known {
    std::map<std::int64_t, std::pair<std::string, std::string>> atSeq; // the station's: seq → kind, id
    std::set<std::pair<std::string, std::string>> ids;                 // kind, id
    std::set<std::string> lots;
    std::set<std::string> skus; // items the store defines (with lots, or as master data)
    std::set<std::string> blobs;
    std::map<std::string, std::pair<std::string, std::string>> claims; // claim → tag id, its lot

    [[nodiscard]] Result<void> load(PgCentral& store, const std::string& stationId,
                                    const std::vector<storage::QualityRecord>& records) {
        auto& db = store.db();
        // What the batch names, asked about below (the members hold what the store answers).
        std::set<std::string> seqs, namedIds, namedLots, shas, claimed, items;
        for (const auto& r : records) {
            seqs.insert(std::to_string(r.seq));
            namedIds.insert(storage::recordIdOf(r));
            if (const auto* v = std::get_if<storage::TagVoid>(&r.value)) namedIds.insert(v->tagId);
            if (const auto* e = std::get_if<storage::BatchEntry>(&r.value); e && e->procedure)
                namedIds.insert(*e->procedure);
            if (const auto* spec = std::get_if<storage::SpecRecord>(&r.value)) items.insert(spec->sku);
            if (const auto* p = std::get_if<storage::Procedure>(&r.value)) items.insert(p->sku);
            if (const auto* i = std::get_if<storage::Inspection>(&r.value)) namedLots.insert(i->lot);
            if (const auto* t = std::get_if<storage::LotTag>(&r.value)) {
                namedLots.insert(t->lot);
                claimed.insert(tagClaim(t->gtin, t->serial));
            }
            if (const auto* d = std::get_if<storage::DocumentRecord>(&r.value)) shas.insert(d->attachment.sha256);
        }
        auto held = db.exec("SELECT seq, kind, record_id FROM sync_records WHERE station_id = $1 AND "
                            "seq = ANY($2::bigint[])",
                            {stationId, textArray({seqs.begin(), seqs.end()})});
        if (!held) return std::unexpected(held.error());
        for (int i = 0; i < held->size(); ++i)
            atSeq[held->int64(i, 0)] = {held->text(i, 1), held->text(i, 2)};
        auto taken =
            rowsFor(db, "SELECT kind, record_id FROM sync_records WHERE record_id = ANY($1::text[])", namedIds, 2);
        if (!taken) return std::unexpected(taken.error());
        for (auto& row : *taken)
            ids.emplace(row[0], row[1]);
        auto known = rowsFor(db, "SELECT code FROM sync_lots WHERE code = ANY($1::text[])", namedLots, 1);
        if (!known) return std::unexpected(known.error());
        for (auto& row : *known)
            lots.insert(row[0]);
        auto defined = rowsFor(db, "SELECT sku FROM sync_items WHERE sku = ANY($1::text[])", items, 1);
        if (!defined) return std::unexpected(defined.error());
        for (auto& row : *defined)
            skus.insert(row[0]);
        if (skus.size() < items.size()) {
            auto master = store.masterData();
            if (!master) return std::unexpected(master.error());
            for (const auto& item : master->items)
                if (items.contains(item.value.sku)) skus.insert(item.value.sku);
        }
        auto files = rowsFor(db, "SELECT sha256 FROM sync_blobs WHERE sha256 = ANY($1::text[])", shas, 1);
        if (!files) return std::unexpected(files.error());
        for (auto& row : *files)
            blobs.insert(row[0]);
        auto tags = rowsFor(db, "SELECT claim, record_id, body FROM sync_records WHERE claim = ANY($1::text[])",
                            claimed, 3);
        if (!tags) return std::unexpected(tags.error());
        for (auto& row : *tags) {
            std::string lot;
            try {
                lot = wire::Json::parse(row[2]).at("record").at("lot").get<std::string>();
            } catch (const std::exception&) {
                return fail(ErrorKind::Io, "the PostgreSQL store's record log is unreadable at tag " + row[1]);
            }
            claims[row[0]] = {row[1], lot};
        }
        return {};
    }
};

// The checks of one record that need what the store holds (the rest is checkRecordContent's).
Result<void> checkAgainst(Known& known, RecordHead& head, const storage::QualityRecord& record) {
    return std::visit(
        [&](const auto& value) -> Result<void> {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, storage::SpecRecord> || std::is_same_v<T, storage::Procedure>) {
                if (!known.skus.contains(value.sku))
                    return fail(ErrorKind::NotFound, std::string(std::is_same_v<T, storage::Procedure> ? "procedure"
                                                                                                       : "spec") +
                                                         " of " + value.sku + ": the item is not known here yet");
            } else if constexpr (std::is_same_v<T, storage::BatchEntry>) {
                if (value.kind == storage::EntryKind::Start &&
                    (!value.procedure || !known.ids.contains({"procedure", *value.procedure})))
                    return fail(ErrorKind::NotFound, "run " + value.run + ": its procedure has not arrived here yet");
            } else if constexpr (std::is_same_v<T, storage::Inspection>) {
                if (!known.lots.contains(value.lot))
                    return fail(ErrorKind::NotFound,
                                "inspection of lot " + value.lot + ": the lot is not known here yet");
            } else if constexpr (std::is_same_v<T, storage::Signature>) {
                if (value.seq != head.signatureSeq + 1 || value.prevHash != head.signatureHash)
                    return fail(ErrorKind::Conflict, "signature " + value.id + " (station " + value.stationId + " #" +
                                                         std::to_string(value.seq) +
                                                         ") does not link to the chain held here");
                head.signatureSeq = value.seq;
                head.signatureHash = value.hash;
            } else if constexpr (std::is_same_v<T, storage::DocumentRecord>) {
                const auto& a = value.attachment;
                if (!value.content && !known.blobs.contains(a.sha256))
                    return fail(ErrorKind::NotFound,
                                "document " + a.fileName + " (" + a.sha256 + ") has not arrived here");
                known.blobs.insert(a.sha256);
            } else if constexpr (std::is_same_v<T, storage::LotTag>) {
                if (!known.lots.contains(value.lot))
                    return fail(ErrorKind::NotFound, "tag " + value.id + " of lot " + value.lot +
                                                         ": the lot is not known here yet");
                const auto claim = tagClaim(value.gtin, value.serial);
                if (auto taken = known.claims.find(claim); taken != known.claims.end())
                    return fail(ErrorKind::Conflict, "tag " + value.id + ": serial " + value.serial + " of GTIN " +
                                                         value.gtin + " is already tag " + taken->second.first +
                                                         " of lot " + taken->second.second + " here; never overwritten");
                known.claims[claim] = {value.id, value.lot};
            } else if constexpr (std::is_same_v<T, storage::TagVoid>) {
                if (!known.ids.contains({"tag", value.tagId}))
                    return fail(ErrorKind::NotFound, "void of tag " + value.tagId + ": the tag is not known here yet");
            }
            return {};
        },
        record.value);
}

} // namespace

Result<RecordsApplied> PgCentral::applyRecords(const Caller& caller, const std::string& stationId,
                                               const std::vector<storage::QualityRecord>& records) {
    return m_db.transaction([&]() -> Result<RecordsApplied> {
        RecordsApplied out;
        if (!caller.stationId) {
            auto bound = m_db.exec("UPDATE sync_stations SET station_id = $2 WHERE name = $1 AND station_id IS NULL",
                                   {caller.name, stationId});
            if (!bound) return std::unexpected(bound.error());
        }
        auto head = lockRecordHead(m_db, stationId);
        if (!head) return std::unexpected(head.error());
        Known known;
        if (auto loaded = known.load(*this, stationId, records); !loaded) return std::unexpected(loaded.error());
        std::vector<RecordEntry> entries;
        std::vector<BlobEntry> blobs;
        for (const auto& record : records) {
            const auto kind = storage::recordKindOf(record);
            const auto id = storage::recordIdOf(record);
            const auto stop = [&](ErrorKind errorKind, std::string why) { out.stopped = Error{errorKind, std::move(why)}; };
            if (auto at = known.atSeq.find(record.seq); at != known.atSeq.end()) {
                if (at->second.first == kind && at->second.second == id) {
                    ++out.present;
                    continue;
                }
                stop(ErrorKind::Conflict, label(record) + ": that sequence holds " + at->second.first + " " +
                                              at->second.second + " here; never overwritten");
                break;
            }
            if (record.seq != head->seq + 1) {
                stop(ErrorKind::Refused, label(record) + ": records up to #" + std::to_string(record.seq - 1) +
                                             " of that station are not here yet");
                break;
            }
            if (known.ids.contains({kind, id})) {
                stop(ErrorKind::Conflict, label(record) + ": that id is already stored here");
                break;
            }
            auto checked = storage::checkRecordContent(record);
            if (checked) checked = checkAgainst(known, *head, record);
            if (!checked) {
                out.stopped = checked.error();
                break;
            }
            std::optional<BlobEntry> blob;
            entries.push_back(recordEntry(record, &blob));
            if (blob) blobs.push_back(std::move(*blob));
            known.ids.emplace(kind, id);
            known.atSeq[record.seq] = {kind, id};
            head->seq = record.seq;
            ++out.applied;
        }
        out.acked = head->seq;
        if (entries.empty()) return out;
        if (auto kept = insertBlobs(m_db, blobs); !kept) return std::unexpected(kept.error());
        auto moved = m_db.exec("UPDATE sync_record_heads SET last_seq = $2, signature_seq = $3, signature_hash = $4 "
                               "WHERE station_id = $1",
                               {stationId, std::to_string(head->seq), std::to_string(head->signatureSeq),
                                head->signatureHash});
        if (!moved) return std::unexpected(moved.error());
        if (auto ordered = appendRecordsInOrder(m_db, entries); !ordered) return std::unexpected(ordered.error());
        return out;
    });
}

Result<std::vector<storage::QualityRecord>> PgCentral::recordsAfter(std::int64_t position, std::size_t limit) {
    return recordPageAfter(m_db, position, limit);
}

Result<std::int64_t> PgCentral::recordHead(const std::string& stationId) {
    auto rows = m_db.exec("SELECT last_seq FROM sync_record_heads WHERE station_id = $1", {stationId});
    if (!rows) return std::unexpected(rows.error());
    return rows->size() == 0 ? 0 : rows->int64(0, 0);
}

} // namespace lotstation::sync::pg
