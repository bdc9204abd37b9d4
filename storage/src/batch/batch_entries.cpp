// The executed record's entries: canonical text and hash, the run's chain, reading them back, another
// station's entries arriving through sync, and verify()'s check.
#include "batch_rules.hpp"

#include "../canonical_fields.hpp"
#include "../crypto.hpp"
#include "../rows.hpp"

#include <array>
#include <utility>

namespace lotstation::storage {
namespace {

// The order is the hash text's and may never change.
template <typename E, typename Visit> void visitBatchEntryFields(E& e, Visit&& visit) {
    visit("id", e.id);
    visit("station", e.stationId);
    visit("at", e.at);
    visit("run", e.run);
    visit("kind", e.kind);
    visit("step", e.step);
    visit("user", e.user);
    visit("procedure", e.procedure);
    visit("sku", e.sku);
    visit("lot", e.lot);
    visit("quantity", e.quantity);
    visit("value", e.value);
    visit("judgement", e.judgement);
    visit("deviation", e.deviation);
    visit("reason", e.reason);
    visit("movement", e.movement);
    visit("labels_printed", e.labelsPrinted);
    visit("labels_destroyed", e.labelsDestroyed);
    visit("prev_hash", e.prevHash);
}

constexpr std::array<std::pair<EntryKind, const char*>, 5> kKinds{{{EntryKind::Start, "start"},
                                                                   {EntryKind::Perform, "perform"},
                                                                   {EntryKind::Verify, "verify"},
                                                                   {EntryKind::Deviation, "deviation"},
                                                                   {EntryKind::Finish, "finish"}}};

constexpr std::string_view kSelect =
    "SELECT id, station_id, at, run_code, kind, step, user_name, procedure, sku, lot, quantity, value, judgement, "
    "deviation, reason, movement, labels_printed, labels_destroyed, prev_hash, hash FROM batch_entries ";

BatchEntry readEntry(const sql::CachedStatement& s) {
    BatchEntry e;
    e.id = s.text(0);
    e.stationId = s.text(1);
    e.at = parseTimestamp(s.text(2)).value_or(Timestamp{});
    e.run = s.text(3);
    e.kind = parseEntryKind(s.text(4)).value_or(EntryKind::Perform);
    e.step = s.int64(5);
    e.user = s.text(6);
    e.procedure = s.optText(7);
    e.sku = s.optText(8);
    e.lot = s.optText(9);
    e.quantity = s.optInt64(10);
    e.value = s.optText(11);
    e.judgement = s.optText(12);
    e.deviation = s.optText(13);
    e.reason = s.optText(14);
    e.movement = s.optText(15);
    e.labelsPrinted = s.optInt64(16);
    e.labelsDestroyed = s.optInt64(17);
    e.prevHash = s.text(18);
    e.hash = s.text(19);
    return e;
}

void insertEntry(LedgerCore& core, const BatchEntry& e) {
    core.db
        .cached("INSERT INTO batch_entries (id, station_id, at, run_code, kind, step, user_name, procedure, sku, lot, "
                "quantity, value, judgement, deviation, reason, movement, labels_printed, labels_destroyed, prev_hash, "
                "hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)")
        .bindAll(e.id, e.stationId, formatTimestamp(e.at), e.run, toString(e.kind), e.step, e.user, e.procedure, e.sku,
                 e.lot, e.quantity, e.value, e.judgement, e.deviation, e.reason, e.movement, e.labelsPrinted,
                 e.labelsDestroyed, e.prevHash, e.hash)
        .run();
}

} // namespace

const char* toString(EntryKind kind) {
    for (const auto& [value, name] : kKinds)
        if (value == kind) return name;
    return "perform";
}

Result<EntryKind> parseEntryKind(std::string_view text) {
    for (const auto& [value, name] : kKinds)
        if (text == name) return value;
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a batch record entry kind");
}

std::string canonicalBatchEntryText(const BatchEntry& entry) {
    std::string out = "lotstation-batch-entry/1\n";
    visitBatchEntryFields(entry, canonical::CanonicalLines{out});
    return out;
}

std::vector<BatchEntry> entriesOf(LedgerCore& core, std::string_view run) {
    auto s = core.db.cached(std::string(kSelect) + "WHERE run_code = ?1 ORDER BY pos");
    s.bindAll(run);
    std::vector<BatchEntry> out;
    while (s.step())
        out.push_back(readEntry(s));
    return out;
}

std::optional<BatchEntry> findBatchEntry(LedgerCore& core, std::string_view id) {
    auto s = core.db.cached(std::string(kSelect) + "WHERE id = ?1");
    s.bindAll(id);
    if (!s.step()) return std::nullopt;
    return readEntry(s);
}

BatchEntry appendBatchEntry(LedgerCore& core, BatchEntry e) {
    e.stationId = core.identity.stationId;
    e.at = core.clock();
    e.id = newUuidV7(e.at);
    {
        auto head = core.db.cached("SELECT hash FROM batch_entries WHERE run_code = ?1 ORDER BY pos DESC LIMIT 1");
        head.bindAll(e.run);
        e.prevHash = head.step() ? head.text(0) : std::string(kGenesisHash);
    }
    e.hash = sha256Hex(canonicalBatchEntryText(e));
    insertEntry(core, e);
    return e;
}

Result<void> insertRemoteBatchEntry(LedgerCore& core, const BatchEntry& e) {
    // Its hash was checked with the record (checkRecordContent).
    if (e.kind == EntryKind::Start && !findRun(core, e.run)) {
        const auto procedure = e.procedure ? findProcedure(core, *e.procedure) : std::nullopt;
        if (!procedure)
            return fail(ErrorKind::NotFound, "run " + e.run + ": its procedure has not arrived here yet");
        const auto item = findItem(core, procedure->sku);
        if (!item) return fail(ErrorKind::NotFound, "run " + e.run + ": item " + procedure->sku + " is not known here");
        const auto workstation = e.reason ? findLocation(core, *e.reason) : std::nullopt;
        core.db
            .cached("INSERT INTO runs (code, item_id, planned, workstation_id, operator, started_at, status) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open')")
            .bindAll(e.run, item->id, e.quantity.value_or(1),
                     workstation ? std::optional(workstation->id) : std::nullopt, e.user, formatTimestamp(e.at))
            .run();
    }
    if (e.kind == EntryKind::Finish)
        core.db
            .cached("UPDATE runs SET actual = ?2, finished_at = ?3, status = 'finished', "
                    "output_lot_id = (SELECT id FROM lots WHERE code = ?4) WHERE code = ?1 AND status = 'open'")
            .bindAll(e.run, e.quantity, formatTimestamp(e.at), e.lot)
            .run();
    insertEntry(core, e);
    return {};
}

void recordBatchStart(LedgerCore& core, const Run& run, std::int64_t itemId) {
    const auto procedure = findProcedureOf(core, itemId, 0);
    if (!procedure) return; // recipes without a procedure keep today's flow
    BatchEntry start{.run = run.code, .kind = EntryKind::Start, .step = 0, .user = run.operatorName};
    start.procedure = procedure->recordId;
    start.sku = run.sku;
    start.quantity = run.planned;
    start.reason = run.workstation;
    (void)appendBatchEntry(core, std::move(start));
}

void checkBatchEntries(LedgerCore& core, std::vector<Finding>& findings) {
    auto s = core.db.cached(std::string(kSelect) + "ORDER BY pos");
    while (s.step()) {
        const auto e = readEntry(s);
        if (sha256Hex(canonicalBatchEntryText(e)) != e.hash)
            findings.push_back({Finding::Kind::HashMismatch,
                                "batch record entry " + e.id + " of run " + e.run + " was altered: its hash does not match"});
    }
}

} // namespace lotstation::storage
