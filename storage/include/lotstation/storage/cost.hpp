#pragma once
// The material lines of a batch's cost: each input lot, the net quantity consumed (reversals do not count) and
// its unit cost, as recorded or computed from its own run. The roll-up itself is lot_cost.hpp.
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

} // namespace lotstation::storage
