// Batch cost, exact. Sums are kept in thousandths of a micro-unit (so a g / ml input — cost per 1000 base
// units — and a pc input — cost per base unit — add up without any division) and rounded half-to-even once.
#include "lotstation/storage/cost.hpp"

#include "query_rows.hpp"
#include "rows.hpp"
#include "wide_math.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lotstation::storage {
namespace {

using queries::parsedOr;

// base units × cost per display unit, in thousandths of a micro-unit (exact).
Wide milliMicros(std::int64_t quantity, Micros perUnit, Uom uom) {
    return static_cast<Wide>(quantity) * perUnit * (1000 / baseUnitsPerUnit(uom));
}

class CostWalk {
  public:
    explicit CostWalk(LedgerCore& core) : m_core(core) {}

    Result<BatchCost> cost(const LotRow& lot) {
        if (!lot.lot.run) {
            return fail(ErrorKind::Invalid,
                        "lot " + lot.lot.code +
                            " was received, not produced: its cost is "
                            "its unit cost" +
                            (lot.lot.unitCost ? " (" + formatUnitCost(*lot.lot.unitCost, lot.uom) + ")"
                                              : std::string(", which is not known")));
        }
        m_visiting.insert(lot.lot.code);
        BatchCost out;
        out.lot = lot.lot.code;
        out.sku = lot.lot.sku;
        out.uom = lot.uom;
        out.run = *lot.lot.run;
        out.output = queries::producedQuantity(m_core, lot.id);
        std::set<std::string> missing;
        Wide known = 0;
        for (auto input : inputs(*lot.lot.run)) {
            resolve(input, missing);
            if (input.unitCost) {
                const auto exact = milliMicros(input.quantity, *input.unitCost, input.uom);
                known += exact;
                input.cost = narrow(divideHalfEven(exact, 1000));
            }
            out.inputs.push_back(std::move(input));
        }
        m_visiting.erase(lot.lot.code);
        out.knownTotal = narrow(divideHalfEven(known, 1000)).value_or(0);
        out.missing.assign(missing.begin(), missing.end());
        if (missing.empty()) {
            out.total = narrow(divideHalfEven(known, 1000));
            if (out.output > 0) {
                out.perUnit = narrow(
                    divideHalfEven(known * baseUnitsPerUnit(out.uom), static_cast<Wide>(out.output) * 1000));
            }
        }
        return out;
    }

  private:

    std::vector<CostInput> inputs(const std::string& run) {
        auto s =
            m_core.db.prepare("SELECT l.code, i.sku, i.uom, l.unit_cost, sum(c.quantity) FROM movements c "
                              "JOIN lots l ON l.id = c.lot_id JOIN items i ON i.id = l.item_id "
                              "WHERE c.run_code = ?1 AND c.kind = 'consume' "
                              "AND NOT EXISTS (SELECT 1 FROM movements r WHERE r.reverses = c.id) GROUP BY "
                              "l.id ORDER BY l.code");
        s.bindAll(run);
        std::vector<CostInput> out;
        while (s.step()) {
            CostInput input;
            input.lot = s.text(0);
            input.sku = s.text(1);
            input.uom = parsedOr(parseUom(s.text(2)), Uom::Gram);
            input.unitCost = s.optInt64(3);
            input.source = input.unitCost ? CostSource::Recorded : CostSource::Missing;
            input.quantity = s.int64(4);
            out.push_back(std::move(input));
        }
        return out;
    }

    // An input without a recorded cost: computed from its own run when it has one, else missing.
    void resolve(CostInput& input, std::set<std::string>& missing) {
        if (input.unitCost) return;
        auto row = findLot(m_core, input.lot);
        if (!row || !row->lot.run || m_visiting.contains(input.lot)) {
            missing.insert(input.lot);
            return;
        }
        auto found = m_computed.find(input.lot);
        if (found == m_computed.end()) {
            auto inner = cost(*row);
            found = m_computed.emplace(input.lot, inner ? std::optional(*inner) : std::nullopt).first;
        }
        const auto& inner = found->second;
        if (inner && inner->perUnit) {
            input.unitCost = inner->perUnit;
            input.source = CostSource::Computed;
            return;
        }
        if (inner && !inner->missing.empty())
            missing.insert(inner->missing.begin(), inner->missing.end());
        else
            missing.insert(input.lot);
    }

    LedgerCore& m_core;
    std::set<std::string> m_visiting;
    std::map<std::string, std::optional<BatchCost>> m_computed;
};

} // namespace

Result<BatchCost> batchCost(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<BatchCost> {
        auto row = requireLot(core, lot);
        if (!row) return std::unexpected(row.error());
        return CostWalk(core).cost(*row);
    });
}

} // namespace lotstation::storage
