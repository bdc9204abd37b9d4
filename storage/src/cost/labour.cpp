// Labour entries: time worked on a finished run, append-only; a correction is a new entry that replaces one.
#include "lotstation/storage/cost_rates.hpp"

#include "cost_access.hpp"

namespace lotstation::storage {
namespace {

constexpr int kMaxPeople = 1000;

LabourEntry readEntry(const sql::CachedStatement& row) {
    LabourEntry entry;
    entry.id = row.int64(0);
    entry.run = row.text(1);
    entry.seconds = row.int64(2);
    entry.people = static_cast<int>(row.int64(3));
    entry.worker = row.optText(4);
    entry.corrects = row.optInt64(5);
    if (auto at = parseTimestamp(row.text(6))) entry.recordedAt = *at;
    entry.recordedBy = row.text(7);
    return entry;
}

} // namespace

Result<LabourEntry> recordLabour(Ledger& ledger, const LabourRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<LabourEntry> {
        auto who = requireUser(core, request.user);
        if (!who) return std::unexpected(who.error());
        auto run = findRun(core, request.run);
        if (!run) return fail(ErrorKind::NotFound, "no run " + request.run);
        if (run->run.status != RunStatus::Finished)
            return fail(ErrorKind::Refused, "run " + run->run.code +
                                                " is not finished: record its labour once it is (lotstation run finish)");
        if (request.people < 1 || request.people > kMaxPeople)
            return fail(ErrorKind::Invalid, std::to_string(request.people) +
                                                " people: a run takes at least 1 and at most 1000");
        if (request.seconds < 0) return fail(ErrorKind::Invalid, "time worked cannot be negative");
        std::optional<std::string> worker;
        if (request.worker) {
            auto person = requireUser(core, *request.worker);
            if (!person) return std::unexpected(person.error());
            worker = person->name;
        }
        if (request.corrects) {
            auto old = core.db.cached("SELECT run_code, (SELECT count(*) FROM labour_entries c WHERE c.corrects = "
                                      "e.id) FROM labour_entries e WHERE e.id = ?1");
            old.bindAll(*request.corrects);
            if (!old.step()) return fail(ErrorKind::NotFound, "no labour entry " + std::to_string(*request.corrects));
            if (old.text(0) != run->run.code)
                return fail(ErrorKind::Invalid, "labour entry " + std::to_string(*request.corrects) +
                                                    " is for run " + old.text(0) + ", not " + run->run.code);
            if (old.int64(1) > 0)
                return fail(ErrorKind::Conflict, "labour entry " + std::to_string(*request.corrects) +
                                                     " was already corrected: correct the newer entry");
        }
        LabourEntry entry;
        entry.run = run->run.code;
        entry.seconds = request.seconds;
        entry.people = request.people;
        entry.worker = worker;
        entry.corrects = request.corrects;
        entry.recordedAt = core.clock();
        entry.recordedBy = who->name;
        auto insert = core.db.cached("INSERT INTO labour_entries (run_code, seconds, people, worker, corrects, "
                                     "recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bindAll(entry.run, entry.seconds, entry.people, entry.worker, entry.corrects,
                       formatTimestamp(entry.recordedAt), entry.recordedBy);
        insert.run();
        entry.id = core.db.lastInsertRowid();
        return entry;
    });
}

std::vector<LabourEntry> labourEntries(const Ledger& ledger, std::string_view run) {
    auto& core = LedgerAccess::core(ledger);
    auto s = core.db.cached("SELECT id, run_code, seconds, people, worker, corrects, recorded_at, recorded_by "
                            "FROM labour_entries e WHERE run_code = ?1 AND NOT EXISTS "
                            "(SELECT 1 FROM labour_entries c WHERE c.corrects = e.id) ORDER BY id");
    s.bindAll(std::string(run));
    std::vector<LabourEntry> out;
    while (s.step())
        out.push_back(readEntry(s));
    return out;
}

} // namespace lotstation::storage
