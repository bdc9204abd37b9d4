// The full cost of produced lots (lot_cost.hpp). Every amount is kept as an exact integer count of
// 1/kExact micro-units: that denominator holds a g / ml input (cost per 1000 base units), an hour of labour
// (3600 s) and a percentage in hundredths (10,000) without any division, so each total is rounded once.
#include "lotstation/storage/lot_cost.hpp"

#include "../queries/critical_events.hpp"
#include "../queries/query_rows.hpp"
#include "../rows.hpp"
#include "../wide_math.hpp"
#include "cost_access.hpp"
#include "rate_lookup.hpp"

#include <map>
#include <set>

namespace lotstation::storage {
namespace {

constexpr Wide kExact = Wide{36'000'000'000}; // 1000 × 3600 × 10,000

Wide exactCost(std::int64_t baseUnits, Micros perUnit, Uom uom) {
    return static_cast<Wide>(baseUnits) * perUnit * (kExact / baseUnitsPerUnit(uom));
}
Wide exactHours(std::int64_t personSeconds, Micros perHour) {
    return static_cast<Wide>(personSeconds) * perHour * (kExact / 3600);
}
Micros rounded(Wide exact) {
    return narrow(divideHalfEven(exact, kExact)).value_or(0);
}

struct Computed {
    LotCost cost;
    std::optional<Micros> perUnit;
};

class CostWalk {
  public:
    explicit CostWalk(LedgerCore& core) : m_core(core), m_rates(core) {}

    // The lot's full cost per g / ml / pc, or empty when unknown; records why in `missing`.
    std::optional<Micros> perUnit(const std::string& code, std::set<std::string>* missing) {
        auto row = findLot(m_core, code);
        if (!row) {
            if (missing) missing->insert("lot " + code + " is not known here");
            return std::nullopt;
        }
        if (!row->lot.run) {
            if (!row->lot.unitCost && missing) missing->insert("lot " + code + " has no unit cost");
            return row->lot.unitCost;
        }
        const auto* computed = produced(*row);
        if (!computed) {
            if (missing) missing->insert("lot " + code + " is made from itself");
            return std::nullopt;
        }
        if (missing) missing->insert(computed->cost.missing.begin(), computed->cost.missing.end());
        return computed->perUnit;
    }

    const Computed* produced(const LotRow& lot) {
        if (auto found = m_done.find(lot.lot.code); found != m_done.end()) return &found->second;
        if (m_visiting.contains(lot.lot.code)) return nullptr;
        m_visiting.insert(lot.lot.code);
        auto computed = compute(lot);
        m_visiting.erase(lot.lot.code);
        m_order.push_back(lot.lot.code);
        return &m_done.emplace(lot.lot.code, std::move(computed)).first->second;
    }

    // Every produced lot computed so far, in the order they were finished (depth first, inputs first).
    std::vector<LotCost> below(const std::string& top) const {
        std::vector<LotCost> out;
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it)
            if (*it != top) out.push_back(m_done.at(*it).cost);
        return out;
    }

  private:
    Computed compute(const LotRow& lot) {
        Computed out;
        auto& cost = out.cost;
        cost.lot = lot.lot.code;
        cost.sku = lot.lot.sku;
        cost.uom = lot.uom;
        cost.run = *lot.lot.run;
        const auto run = findRun(m_core, cost.run);
        if (run) cost.finishedAt = run->run.finishedAt;
        cost.output = queries::producedQuantity(m_core, lot.id);
        const auto atMs = cost.finishedAt ? epochMs(*cost.finishedAt) : epochMs(m_core.clock());
        std::set<std::string> missing;

        Wide material = 0;
        for (auto input : inputs(cost.run)) {
            const bool made = findLot(m_core, input.lot).value_or(LotRow{}).lot.run.has_value();
            input.unitCost = perUnit(input.lot, &missing);
            input.source = !input.unitCost ? CostSource::Missing : made ? CostSource::Computed : CostSource::Recorded;
            if (input.unitCost) {
                const auto exact = exactCost(input.quantity, *input.unitCost, input.uom);
                material += exact;
                input.cost = rounded(exact);
            }
            cost.material.push_back(std::move(input));
        }

        Wide labour = 0;
        std::int64_t personSeconds = 0;
        for (auto line : labourLines(run)) {
            personSeconds += line.seconds * line.people;
            auto rate = m_rates.labourAt(run ? run->run.workstation : std::nullopt, line.worker, atMs);
            if (rate) {
                line.perHour = rate->amount;
                line.rateSince = rate->effectiveAt;
                const auto exact = exactHours(line.seconds * line.people, rate->amount);
                labour += exact;
                line.cost = rounded(exact);
            } else if (line.entry) {
                missing.insert("no labour rate in force for run " + cost.run + " when it finished");
            }
            if (line.entry || line.perHour) cost.labour.push_back(std::move(line));
        }

        Wide overhead = 0;
        for (const auto& rate : m_rates.overheadAt(cost.uom, atMs)) {
            Wide exact = 0;
            switch (*rate.basis) {
            case OverheadBasis::PerRun:
                exact = static_cast<Wide>(rate.amount) * kExact;
                break;
            case OverheadBasis::PerLabourHour:
                exact = exactHours(personSeconds, rate.amount);
                break;
            case OverheadBasis::PerUnit:
                exact = exactCost(cost.output, rate.amount, cost.uom);
                break;
            case OverheadBasis::MaterialPercent:
                exact = material * rate.amount / 10'000; // exact: kExact carries the 10,000
                break;
            }
            overhead += exact;
            cost.overhead.push_back({*rate.basis, rate.amount, rate.uom, rate.effectiveAt, rounded(exact)});
        }

        cost.materialCost = rounded(material);
        cost.labourCost = rounded(labour);
        cost.overheadCost = rounded(overhead);
        cost.missing.assign(missing.begin(), missing.end());
        if (cost.output <= 0) cost.missing.push_back("lot " + cost.lot + " has no output left after reversals");
        if (cost.missing.empty()) {
            const Wide total = material + labour + overhead;
            cost.total = narrow(divideHalfEven(total, kExact));
            cost.perUnit = narrow(divideHalfEven(total * baseUnitsPerUnit(cost.uom),
                                                 static_cast<Wide>(cost.output) * kExact));
            out.perUnit = cost.perUnit;
        }
        return out;
    }


    std::vector<CostInput> inputs(const std::string& run) {
        std::vector<CostInput> out;
        for (auto& input : queries::runInputs(m_core, run))
            out.push_back({.lot = std::move(input.lot), .sku = std::move(input.sku), .uom = input.uom,
                           .quantity = input.quantity});
        return out;
    }

    // The run's labour entries in force; without any, its start to finish with one person.
    std::vector<LabourLine> labourLines(const std::optional<RunRow>& run) {
        std::vector<LabourLine> out;
        if (!run) return out;
        auto s = m_core.db.cached("SELECT id, seconds, people, worker FROM labour_entries e WHERE run_code = ?1 "
                                  "AND NOT EXISTS (SELECT 1 FROM labour_entries c WHERE c.corrects = e.id) "
                                  "ORDER BY id");
        s.bindAll(run->run.code);
        while (s.step()) {
            LabourLine line;
            line.entry = s.int64(0);
            line.seconds = s.int64(1);
            line.people = static_cast<int>(s.int64(2));
            line.worker = s.optText(3);
            out.push_back(std::move(line));
        }
        if (out.empty() && run->run.finishedAt) {
            LabourLine line;
            const auto elapsed = (*run->run.finishedAt - run->run.startedAt).count() / 1000;
            line.seconds = elapsed > 0 ? elapsed : 0;
            out.push_back(line);
        }
        return out;
    }

    LedgerCore& m_core;
    RateBook m_rates;
    std::set<std::string> m_visiting;
    std::map<std::string, Computed> m_done;
    std::vector<std::string> m_order;
};

} // namespace

Result<LotCost> lotCost(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<LotCost> {
        auto row = requireLot(core, lot);
        if (!row) return std::unexpected(row.error());
        if (!row->lot.run) {
            return fail(ErrorKind::Invalid,
                        "lot " + row->lot.code + " was received, not produced: its cost is its unit cost" +
                            (row->lot.unitCost ? " (" + formatUnitCost(*row->lot.unitCost, row->uom) + ")"
                                               : std::string(", which is not known")));
        }
        CostWalk walk(core);
        const auto* computed = walk.produced(*row);
        auto out = computed->cost;
        out.intermediates = walk.below(out.lot);
        return out;
    });
}

struct UnitCosts::Impl {
    LedgerCore& core;
    CostWalk walk;
    std::map<std::string, std::optional<Micros>, std::less<>> known;
};

UnitCosts::UnitCosts(const Ledger& ledger)
    : m_impl(std::make_unique<Impl>(Impl{LedgerAccess::core(ledger), CostWalk(LedgerAccess::core(ledger)), {}})) {}
UnitCosts::~UnitCosts() = default;

std::optional<Micros> UnitCosts::perUnit(std::string_view lot) {
    if (auto found = m_impl->known.find(lot); found != m_impl->known.end()) return found->second;
    auto value = m_impl->walk.perUnit(std::string(lot), nullptr);
    m_impl->known.emplace(std::string(lot), value);
    return value;
}

std::optional<Micros> UnitCosts::perUnit(std::string_view lot, bool produced, std::optional<Micros> recorded) {
    return produced ? perUnit(lot) : recorded;
}

} // namespace lotstation::storage
