// Labour and overhead rates as master data: append-only rows, the latest one in force at an instant wins.
#include "lotstation/storage/cost_rates.hpp"

#include "cost_access.hpp"
#include "rate_lookup.hpp"

#include <algorithm>
#include <cctype>
#include <map>

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

namespace {

bool sameCode(const std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (!a || !b || a->size() != b->size()) return false;
    return std::equal(a->begin(), a->end(), b->begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

RateBook::RateBook(LedgerCore& core) {
    auto s = core.db.cached("SELECT id, kind, basis, workstation, worker, uom, amount, effective_at, set_by, "
                            "effective_ms FROM cost_rates ORDER BY id");
    while (s.step())
        m_rates.push_back({readRate(s), s.int64(9)});
}

std::optional<RateRecord> RateBook::labourAt(const std::optional<std::string>& workstation,
                                             const std::optional<std::string>& worker, std::int64_t atMs) const {
    const Entry* best = nullptr;
    int bestRank = -1;
    for (const auto& entry : m_rates) {
        const auto& rate = entry.rate;
        if (!rate.labour || entry.effectiveMs > atMs) continue;
        if (rate.workstation && !sameCode(rate.workstation, workstation)) continue;
        if (rate.worker && !sameCode(rate.worker, worker)) continue;
        const int rank = (rate.worker && rate.workstation ? 4 : 0) + (rate.workstation ? 2 : 0) + (rate.worker ? 1 : 0);
        // Most specific first, then the latest in force (ties: the one set last).
        if (!best || rank > bestRank || (rank == bestRank && entry.effectiveMs >= best->effectiveMs)) {
            best = &entry;
            bestRank = rank;
        }
    }
    return best ? std::optional(best->rate) : std::nullopt;
}

std::vector<RateRecord> RateBook::overheadAt(Uom outputUom, std::int64_t atMs) const {
    std::map<OverheadBasis, const Entry*> latest;
    for (const auto& entry : m_rates) {
        const auto& rate = entry.rate;
        if (rate.labour || !rate.basis || entry.effectiveMs > atMs) continue;
        if (*rate.basis == OverheadBasis::PerUnit && rate.uom != outputUom) continue;
        auto& slot = latest[*rate.basis];
        if (!slot || entry.effectiveMs >= slot->effectiveMs) slot = &entry;
    }
    std::vector<const Entry*> chosen;
    for (const auto& [basis, entry] : latest)
        chosen.push_back(entry);
    std::sort(chosen.begin(), chosen.end(), [](const Entry* a, const Entry* b) { return a->rate.id < b->rate.id; });
    std::vector<RateRecord> out;
    for (const auto* entry : chosen)
        out.push_back(entry->rate);
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
