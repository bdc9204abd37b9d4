#pragma once
// What a produced lot really cost: material (each input lot: net consumed × its unit cost; a produced input
// at its own full cost per unit, recursively) + labour (person-hours × the hourly rate in force when the run
// finished) + overhead (the per-run, per-labour-hour, per-unit-of-output and %-of-material rates in force
// then). Scrap and yield loss stay in the batch: the total is spread over the good output only.
// Exact: every part is summed as an exact fraction of a micro-unit and rounded half-to-even once, for the
// total and once for the cost per unit (the per-unit cost of an intermediate is what its consumers use).
// Labour comes from the run's labour entries; a run without entries counts its start to finish with one
// person. A received input without a unit cost, or labour without a rate, leaves the total unknown.
#include "lotstation/storage/cost.hpp"
#include "lotstation/storage/cost_rates.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

struct LabourLine {
    std::optional<std::int64_t> entry{}; // empty: the run's start to finish
    std::int64_t seconds = 0;
    int people = 1;
    std::optional<std::string> worker{};
    std::optional<Micros> perHour{};     // the rate used; empty when none was in force
    std::optional<Timestamp> rateSince{};
    std::optional<Micros> cost{};        // rounded for display (the total is not Σ of these)
};

struct OverheadLine {
    OverheadBasis basis = OverheadBasis::PerRun;
    std::int64_t rate = 0; // as stored (micros per run / hour / g|ml|pc, hundredths of a percent)
    std::optional<Uom> uom{};
    Timestamp rateSince{};
    Micros cost = 0; // rounded for display
};

struct LotCost {
    std::string lot{};
    std::string sku{};
    Uom uom = Uom::Gram;
    std::string run{};
    std::optional<Timestamp> finishedAt{};
    std::int64_t output = 0; // good output, base units, net of reversals
    std::vector<CostInput> material{};
    std::vector<LabourLine> labour{};
    std::vector<OverheadLine> overhead{};
    Micros materialCost = 0; // each part rounded once; parts of an unknown total are the known share
    Micros labourCost = 0;
    Micros overheadCost = 0;
    std::optional<Micros> total{};
    std::optional<Micros> perUnit{};           // per g / ml / pc
    std::vector<std::string> missing{};        // what makes the total unknown, as sentences
    std::vector<LotCost> intermediates{};      // the produced lots below it (top level only), depth first
};

// Refused for a lot that was not produced by a run.
[[nodiscard]] Result<LotCost> lotCost(const Ledger& ledger, std::string_view lot);

// The full cost per g / ml / pc of any lot: a produced lot's per-unit cost, a received lot's unit cost;
// empty when unknown. One object answers many lots, remembering each (reports over many shipments).
class UnitCosts {
  public:
    explicit UnitCosts(const Ledger& ledger);
    ~UnitCosts();
    UnitCosts(const UnitCosts&) = delete;
    UnitCosts& operator=(const UnitCosts&) = delete;
    [[nodiscard]] std::optional<Micros> perUnit(std::string_view lot);
    // The same when the caller has read the lot already: a received lot's answer is its recorded unit cost.
    [[nodiscard]] std::optional<Micros> perUnit(std::string_view lot, bool produced, std::optional<Micros> recorded);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lotstation::storage
