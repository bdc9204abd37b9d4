// Production runs: start, consume input lots, finish into a new output lot.
// The output lot's unit cost is Σ (net consumed quantity × the unit cost recorded on each consume movement)
// / output quantity, computed exactly in 128-bit integers and rounded half-to-even once. If any consumed lot
// had no known cost, the output's cost is unknown too (better no number than a wrong one).
#include "batch/batch_rules.hpp"
#include "quality/quality_rows.hpp"
#include "codes/codes.hpp"
#include "ledger_core.hpp"
#include "movement_writer.hpp"
#include "rows.hpp"
#include "stock_rules.hpp"
#include "validation.hpp"
#include "wide_math.hpp"

namespace lotstation::storage {
namespace {

// Cost of what the run consumed, in micro-units / 1000 (exact), or empty when a consumed lot had no cost.
std::optional<Wide> consumedCost(LedgerCore& core, const std::string& runCode, bool& anything) {
    auto s = core.db.cached(
        "SELECT m.quantity, m.unit_cost, i.uom FROM movements m JOIN lots l ON l.id = m.lot_id "
        "JOIN items i ON i.id = l.item_id WHERE m.run_code = ?1 AND m.kind = 'consume' "
        "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = m.id)");
    s.bindAll(runCode);
    Wide total = 0;
    bool unknown = false;
    anything = false;
    while (s.step()) {
        anything = true;
        if (s.isNull(1)) {
            unknown = true;
            continue;
        }
        const auto perUnit = baseUnitsPerUnit(parseUom(s.text(2)).value_or(Uom::Gram));
        total += static_cast<Wide>(s.int64(0)) * s.int64(1) * (1000 / perUnit);
    }
    if (unknown) return std::nullopt;
    return total;
}

} // namespace

Result<Run> Ledger::startRun(const StartRunRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Run> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto item = requireItem(core, request.sku);
        if (!item) return std::unexpected(item.error());
        {
            auto s = core.db.cached("SELECT 1 FROM recipes WHERE item_id = ?1");
            s.bindAll(item->id);
            if (!s.step())
                return fail(ErrorKind::Refused,
                            item->item.sku + " has no recipe: set one before starting a run");
        }
        if (auto planned = positive(request.planned, "the planned quantity"); !planned)
            return std::unexpected(planned.error());
        std::optional<std::int64_t> workstationId;
        if (request.workstation) {
            auto workstation = requireLocation(core, *request.workstation);
            if (!workstation) return std::unexpected(workstation.error());
            workstationId = workstation->id;
        }
        const auto now = core.clock();
        std::string code;
        if (request.runCode) {
            auto valid = validCode(*request.runCode, "run code");
            if (!valid) return std::unexpected(valid.error());
            if (findRun(core, *valid)) return fail(ErrorKind::Conflict, "run " + *valid + " already exists");
            code = *valid;
        } else {
            code = nextRunCode(core, dateOf(now));
        }
        core.db
            .cached("INSERT INTO runs (code, item_id, planned, workstation_id, operator, started_at, status) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open')")
            .bindAll(code, item->id, request.planned, workstationId, user->name, formatTimestamp(now))
            .run();
        auto run = findRun(core, code)->run;
        recordBatchStart(core, run, item->id); // pins the procedure version the run follows, when there is one
        return run;
    });
}

Result<Movement> Ledger::consume(const ConsumeRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Movement> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto run = findRun(core, request.run);
        if (!run) return fail(ErrorKind::NotFound, "no run " + request.run);
        if (run->run.status != RunStatus::Open)
            return fail(ErrorKind::Refused, "run " + run->run.code + " is finished");
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        if (auto quantity = positive(request.quantity, "the quantity consumed"); !quantity)
            return std::unexpected(quantity.error());
        auto from = sourceLocation(core, *lot, request.location, run->run.workstation);
        if (!from) return std::unexpected(from.error());
        if (auto onHand = requireOnHand(core, *lot, *from, request.quantity); !onHand)
            return std::unexpected(onHand.error());

        // The usage check (usage.hpp): a supervisor may override a blocker, with a reason, except quarantine and
        // rejection, which only QC ends.
        const Usage usage = usageOf(core, *lot, dateOf(core.clock()), run->itemId, true);
        if (const auto* hard = usage.hard())
            return fail(ErrorKind::Refused, hard->message + ": no supervisor can override this");
        std::optional<User> supervisor;
        if (!usage.allowed()) {
            if (!request.override)
                return fail(ErrorKind::NeedsOverride,
                            usage.messages() + ": using it needs a reason and a supervisor");
            auto approved = approvingSupervisor(core, *request.override);
            if (!approved) return std::unexpected(approved.error());
            supervisor = *approved;
        }

        Movement draft;
        draft.kind = MovementKind::Consume;
        draft.user = user->name;
        draft.lot = lot->lot.code;
        draft.quantity = request.quantity;
        draft.from = from->location.code;
        draft.run = run->run.code;
        draft.unitCost = lot->lot.unitCost;
        if (supervisor) {
            draft.reason = std::string(request.override->reason);
            draft.approvedBy = supervisor->name;
            draft.overridden = usage.rules();
        }
        auto movement = appendLocalMovement(core, std::move(draft));
        return movement;
    });
}

Result<FinishRunResult> finishRunIn(LedgerCore& core, const FinishRunRequest& request) {
    return [&]() -> Result<FinishRunResult> {
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        auto run = findRun(core, request.run);
        if (!run) return fail(ErrorKind::NotFound, "no run " + request.run);
        if (run->run.status != RunStatus::Open)
            return fail(ErrorKind::Refused, "run " + run->run.code + " is already finished");
        if (auto output = positive(request.output, "the output quantity"); !output)
            return std::unexpected(output.error());
        const auto item = *findItemById(core, run->itemId);
        const auto locationCode =
            request.location ? request.location
                             : (item.item.defaultLocation ? item.item.defaultLocation : run->run.workstation);
        if (!locationCode) {
            return fail(ErrorKind::Invalid,
                        "where does the output go? give a location or set a default location for " +
                            item.item.sku);
        }
        auto location = requireLocation(core, *locationCode);
        if (!location) return std::unexpected(location.error());
        const auto now = core.clock();
        const auto today = dateOf(now);
        std::string lotCode;
        if (request.lotCode) {
            auto code = validCode(*request.lotCode, "lot code");
            if (!code) return std::unexpected(code.error());
            if (findLot(core, *code))
                return fail(ErrorKind::Conflict, "lot code " + *code + " already exists");
            lotCode = *code;
        }
        auto expiry = request.expiry;
        if (!expiry && item.item.shelfLifeDays)
            expiry = Date{std::chrono::sys_days{today} + std::chrono::days{*item.item.shelfLifeDays}};

        bool consumedAnything = false;
        const auto cost = consumedCost(core, run->run.code, consumedAnything);
        std::optional<Micros> unitCost;
        if (cost && consumedAnything) {
            const Wide perUnit = baseUnitsPerUnit(item.item.uom);
            unitCost = narrow(divideHalfEven(*cost * perUnit, static_cast<Wide>(request.output) * 1000));
        }

        if (lotCode.empty()) lotCode = nextLotCode(core, item.item.sku, today);
        core.db
            .cached("INSERT INTO lots (code, item_id, run_code, origin_date, expiry, best_before, status, "
                    "unit_cost, "
                    "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'available', ?7, ?8)")
            .bindAll(lotCode, item.id, run->run.code, formatDate(today),
                     expiry ? std::optional(formatDate(*expiry)) : std::nullopt,
                     request.bestBefore ? std::optional(formatDate(*request.bestBefore)) : std::nullopt,
                     unitCost, core.identity.stationId)
            .run();
        Movement draft;
        draft.kind = MovementKind::Produce;
        draft.user = user->name;
        draft.lot = lotCode;
        draft.quantity = request.output;
        draft.to = location->location.code;
        draft.run = run->run.code;
        draft.unitCost = unitCost;
        auto movement = appendLocalMovement(core, std::move(draft));
        if (qcOnRelease(policyOf(core, item.id)))
            quarantineOnArrival(core, lotCode, user->name, "QC on release: awaiting inspection");
        core.db
            .cached("UPDATE runs SET actual = ?2, finished_at = ?3, status = 'finished', "
                    "output_lot_id = (SELECT id FROM lots WHERE code = ?4) WHERE id = ?1")
            .bindAll(run->id, request.output, formatTimestamp(now), lotCode)
            .run();
        return FinishRunResult{lotCode, std::move(movement), findRun(core, run->run.code)->run};
    }();
}

Result<FinishRunResult> Ledger::finishRun(const FinishRunRequest& request) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<FinishRunResult> {
        if (!entriesOf(core, request.run).empty())
            return fail(ErrorKind::Refused, "run " + request.run +
                                                " follows its batch record: finish it with the finish step, signed "
                                                "(--by NAME --pin PIN)");
        return finishRunIn(core, request);
    });
}

Result<Run> Ledger::run(std::string_view code) const {
    return guarded([&]() -> Result<Run> {
        if (auto row = findRun(m_impl->core, code)) return row->run;
        return fail(ErrorKind::NotFound, "no run " + std::string(code));
    });
}

} // namespace lotstation::storage
