#pragma once
// Quality records (and RFID tags of lots with their voids, lot_tags.hpp) travel between stations like movements (sync/PROTOCOL.md, "Quality records"): every spec
// version, inspection, signature and document a ledger stores gets a row in its record log, in the same
// transaction (database triggers, so no writer can forget it). A record made here is numbered in this
// station's gapless sequence: those rows are the station's record outbox. A record from another station keeps
// its station and sequence, so it is applied exactly once (again: a no-op; the same sequence with another
// record: refused, never overwritten). The log's own order (position) is what the central server hands out.
//
// Documents travel by hash: a document record carries the file's bytes only when it is the first record in
// the sender's log naming that SHA-256, so the same file crosses the wire once.
#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/lot_tags.hpp"
#include "lotstation/storage/quality.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::storage {

// One version of an item's spec, as a record: `recordId` names it everywhere ("<station id>:<n>").
struct SpecRecord {
    std::string recordId{};
    std::string sku{};
    int version = 0;
    Timestamp createdAt{};
    std::string createdBy{};
    std::vector<SpecTest> tests{};
};

struct DocumentRecord {
    Attachment attachment{};
    std::string stationId{};
    std::optional<std::string> content{}; // absent: an earlier record brought the same file
};

struct QualityRecord {
    std::int64_t position = 0; // in the log that was read (arrival order there)
    std::string stationId{};   // the station that made it
    std::int64_t seq = 0;      // in that station's gapless record sequence
    // Procedure: a version of a recipe's procedure (its `source` is the stored file); BatchEntry: one entry of a
    // run's executed batch record (batch_record.hpp); LotTag, TagVoid: an RFID serial given to a lot, or voided.
    std::variant<SpecRecord, Inspection, Signature, DocumentRecord, Procedure, BatchEntry, LotTag, TagVoid> value{};
};

// "spec", "inspection", "signature", "document", "procedure", "batch-entry", "tag", "tag-void".
[[nodiscard]] const char* recordKindOf(const QualityRecord& record);
[[nodiscard]] std::string recordIdOf(const QualityRecord& record);

// This station's own records after `afterSeq`, in sequence order (its record outbox).
[[nodiscard]] Result<std::vector<QualityRecord>> qualityOutbox(const Ledger& ledger, std::int64_t afterSeq,
                                                               std::size_t limit);
// Every record in the log after `position` (local and remote), in log order: what a central server hands out.
[[nodiscard]] Result<std::vector<QualityRecord>> qualityRecordsAfter(const Ledger& ledger, std::int64_t position,
                                                                     std::size_t limit);
// The highest sequence of `stationId`'s records held here (they are contiguous from 1).
[[nodiscard]] Result<std::int64_t> qualityRecordHead(const Ledger& ledger, std::string_view stationId);

// Applies a record another station made. AlreadyPresent when (station, seq) holds it already. Refused: the
// sequence is not the next of that station's (a gap: send what is missing first). Conflict: other content
// under that sequence or id, a signature whose hash or chain does not match. NotFound: the lot, item or
// document it needs is not here yet. Invalid: a document whose bytes do not match its hash or type. Nothing
// is written on an error. A spec version whose number the item already has here is stored as the next one.
[[nodiscard]] Result<ApplyOutcome> applyRemoteQualityRecord(Ledger& ledger, const QualityRecord& record);

// What a record's content must satisfy wherever it is kept, needing nothing but the record: a signature's
// and a batch entry's hash match their content (Conflict), a document's bytes (when it carries them) match
// its SHA-256, type and size limit, a tag void has a reason (Invalid). applyRemoteQualityRecord checks it; a
// central store that keeps the log without a ledger checks it too.
[[nodiscard]] Result<void> checkRecordContent(const QualityRecord& record);

[[nodiscard]] const char* toString(TestKind kind); // pass_fail numeric text
[[nodiscard]] Result<TestKind> parseTestKind(std::string_view text);

} // namespace lotstation::storage
