#pragma once
// What a produced batch cost (COGS): Σ consumed quantity × the input lot's unit cost, recursively through
// intermediates. Consumptions that were reversed do not count. Exact: products are summed in 128-bit
// integers and rounded half-to-even once (to micro-units for the total, to micro-units per g / ml / pc for
// the cost per unit). An intermediate input without a recorded unit cost has its cost per unit computed the
// same way from its own run (and rounded like the ledger rounds a unit cost it records). A received lot
// without a cost makes the total unknown: it is listed in `missing`, never counted as zero.
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

enum class CostSource {
    Recorded, // the lot's own unit cost
    Computed, // an intermediate without one: computed from its run
    Missing   // unknown
};

struct CostInput {
    std::string lot;
    std::string sku;
    Uom uom = Uom::Gram;
    std::int64_t quantity = 0;      // net consumed, base units of the input
    std::optional<Micros> unitCost; // per g / ml / pc of the input
    CostSource source = CostSource::Missing;
    std::optional<Micros> cost; // quantity × unitCost, rounded half-to-even (the total is not Σ of these)
};

struct BatchCost {
    std::string lot;
    std::string sku;
    Uom uom = Uom::Gram;
    std::string run;
    std::int64_t output = 0; // produced, base units, net of reversals
    std::vector<CostInput> inputs;
    Micros knownTotal = 0;            // Σ over the inputs whose cost is known (rounded once)
    std::optional<Micros> total;      // knownTotal when nothing is missing
    std::optional<Micros> perUnit;    // total / output per g / ml / pc, rounded half-to-even
    std::vector<std::string> missing; // lots (at any depth) whose cost is unknown, by code
};

// Refused for a lot that was not produced by a run (a received lot's cost is its unit cost).
[[nodiscard]] Result<BatchCost> batchCost(const Ledger& ledger, std::string_view lot);

} // namespace lotstation::storage
