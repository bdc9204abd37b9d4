// Open production runs and what they consumed so far: the station resumes a run left open on its screen.
#include "lotstation/storage/queries.hpp"
#include "rows.hpp"

namespace lotstation::storage {

Result<std::vector<Run>> openRuns(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<Run>> {
        std::vector<std::string> codes;
        {
            auto s = core.db.cached("SELECT code FROM runs WHERE status = 'open' ORDER BY started_at, code");
            while (s.step())
                codes.push_back(s.text(0));
        }
        std::vector<Run> out;
        out.reserve(codes.size());
        for (const auto& code : codes)
            if (auto row = findRun(core, code)) out.push_back(std::move(row->run));
        return out;
    });
}

Result<std::vector<Movement>> runInputs(const Ledger& ledger, std::string_view run) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::vector<Movement>> {
        if (!findRun(core, run)) return fail(ErrorKind::NotFound, "no run " + std::string(run));
        auto s = core.db.prepare(std::string(kMovementSelect) +
                                 "WHERE m.run_code = ?1 AND m.kind = 'consume' "
                                 "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = m.id) "
                                 "ORDER BY m.pos");
        s.bindAll(run);
        std::vector<Movement> out;
        while (s.step())
            out.push_back(readMovement(s));
        return out;
    });
}

} // namespace lotstation::storage
