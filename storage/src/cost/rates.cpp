// Labour and overhead rates as master data: append-only rows, the latest one in force at an instant wins.
#include "lotstation/storage/cost_rates.hpp"

#include "cost_access.hpp"
#include "rate_lookup.hpp"

namespace lotstation::storage {
namespace {

const char* basisColumn(OverheadBasis basis) {
    switch (basis) {
    case OverheadBasis::PerRun:
        return "run";
    case OverheadBasis::PerLabourHour:
        return "labour_hour";
    case OverheadBasis::PerUnit:
        return "unit";
    case OverheadBasis::MaterialPercent:
        return "material_percent";
    }
    return "run";
}

std::optional<OverheadBasis> basisFromColumn(const std::string& text) {
    for (auto basis : {OverheadBasis::PerRun, OverheadBasis::PerLabourHour, OverheadBasis::PerUnit,
                       OverheadBasis::MaterialPercent})
        if (text == basisColumn(basis)) return basis;
    return std::nullopt;
}

RateRecord insertRate(LedgerCore& core, RateRecord rate) {
    rate.effectiveAt = core.clock();
    auto s = core.db.cached("INSERT INTO cost_rates (kind, basis, workstation, worker, uom, amount, effective_at, "
                            "effective_ms, set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.bindAll(rate.labour ? "labour" : "overhead",
              rate.labour ? std::string("hour") : std::string(basisColumn(*rate.basis)), rate.workstation,
              rate.worker, rate.uom ? std::optional<std::string>(toString(*rate.uom)) : std::nullopt, rate.amount,
              formatTimestamp(rate.effectiveAt), epochMs(rate.effectiveAt), rate.setBy);
    s.run();
    rate.id = core.db.lastInsertRowid();
    return rate;
}

} // namespace

RateRecord readRate(const sql::CachedStatement& row) {
    RateRecord rate;
    rate.id = row.int64(0);
    rate.labour = row.text(1) == "labour";
    if (!rate.labour) rate.basis = basisFromColumn(row.text(2));
    rate.workstation = row.optText(3);
    rate.worker = row.optText(4);
    if (auto uom = row.optText(5)) {
        if (auto parsed = parseUom(*uom)) rate.uom = *parsed;
    }
    rate.amount = row.int64(6);
    if (auto at = parseTimestamp(row.text(7))) rate.effectiveAt = *at;
    rate.setBy = row.text(8);
    return rate;
}

std::optional<RateRecord> labourRateAt(LedgerCore& core, const std::optional<std::string>& workstation,
                                       const std::optional<std::string>& worker, std::int64_t atMs) {
    auto s = core.db.cached(
        "SELECT id, kind, basis, workstation, worker, uom, amount, effective_at, set_by FROM cost_rates "
        "WHERE kind = 'labour' AND effective_ms <= ?1 AND (workstation IS NULL OR workstation = ?2) "
        "AND (worker IS NULL OR worker = ?3) "
        "ORDER BY (worker IS NOT NULL AND workstation IS NOT NULL) DESC, (workstation IS NOT NULL) DESC, "
        "(worker IS NOT NULL) DESC, effective_ms DESC, id DESC LIMIT 1");
    s.bindAll(atMs, workstation, worker);
    if (!s.step()) return std::nullopt;
    return readRate(s);
}

std::vector<RateRecord> overheadRatesAt(LedgerCore& core, Uom outputUom, std::int64_t atMs) {
    auto s = core.db.cached(
        "SELECT id, kind, basis, workstation, worker, uom, amount, effective_at, set_by FROM cost_rates r "
        "WHERE kind = 'overhead' AND effective_ms <= ?1 AND (basis <> 'unit' OR uom = ?2) AND id = "
        "(SELECT id FROM cost_rates o WHERE o.kind = 'overhead' AND o.basis = r.basis AND o.effective_ms <= ?1 "
        "AND (o.basis <> 'unit' OR o.uom = ?2) ORDER BY o.effective_ms DESC, o.id DESC LIMIT 1) ORDER BY id");
    s.bindAll(atMs, std::string(toString(outputUom)));
    std::vector<RateRecord> out;
    while (s.step())
        out.push_back(readRate(s));
    return out;
}

Result<RateRecord> setLabourRate(Ledger& ledger, const LabourRateRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<RateRecord> {
        auto who = requireCostManager(core, request.user, "setting a rate");
        if (!who) return std::unexpected(who.error());
        auto location = requireLocation(core, request.workstation);
        if (!location) return std::unexpected(location.error());
        std::optional<std::string> worker;
        if (request.worker) {
            auto person = requireUser(core, *request.worker);
            if (!person) return std::unexpected(person.error());
            worker = person->name;
        }
        if (request.perHour < 0) return fail(ErrorKind::Invalid, "a rate cannot be negative");
        RateRecord rate;
        rate.labour = true;
        rate.workstation = location->location.code;
        rate.worker = worker;
        rate.amount = request.perHour;
        rate.setBy = who->name;
        return insertRate(core, std::move(rate));
    });
}

Result<RateRecord> setOverheadRate(Ledger& ledger, const OverheadRateRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<RateRecord> {
        auto who = requireCostManager(core, request.user, "setting a rate");
        if (!who) return std::unexpected(who.error());
        if (request.amount < 0) return fail(ErrorKind::Invalid, "a rate cannot be negative");
        if (request.basis == OverheadBasis::PerUnit && !request.uom)
            return fail(ErrorKind::Invalid, "an overhead per unit says per what (e.g. 0.05/pc or 0.40/kg)");
        RateRecord rate;
        rate.labour = false;
        rate.basis = request.basis;
        rate.uom = request.basis == OverheadBasis::PerUnit ? request.uom : std::nullopt;
        rate.amount = request.amount;
        rate.setBy = who->name;
        return insertRate(core, std::move(rate));
    });
}

std::vector<RateRecord> rateHistory(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    auto s = core.db.cached(
        "SELECT id, kind, basis, workstation, worker, uom, amount, effective_at, set_by FROM cost_rates ORDER BY id");
    std::vector<RateRecord> out;
    while (s.step())
        out.push_back(readRate(s));
    return out;
}

} // namespace lotstation::storage
