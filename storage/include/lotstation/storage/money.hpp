#pragma once
// Exact money: integer micro-units of the station's currency (1.00 = 1'000'000).
// A unit cost is micro-units per display unit of the item: per 1 g, per 1 ml or per 1 pc.
// Rounding, wherever a division cannot be exact (a cost per kg brought to a cost per g with more than six
// decimals, a batch cost spread over its output), is round-half-to-even on the exact integer quotient, done
// once at the end of a computation done in 128-bit integers.
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/quantity.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::storage {

using Micros = std::int64_t;

// "12.50", "12", "-3.5", "0.000001" -> micro-units. At most six decimals; overflow refused.
[[nodiscard]] Result<Micros> parseMoney(std::string_view text);

// "12.50", "0.0042", "-3.00": at least two decimals, more only when needed.
[[nodiscard]] std::string formatMoney(Micros amount);

// A unit cost for an item measured in `uom`: "4.20/kg", "0.0042/g", "3/l", "0.35/pc", "0.35" (pc items only:
// a bare number for a g or ml item is refused because "4.20" could mean per g or per kg).
// Returns micro-units per 1 g / 1 ml / 1 pc, rounded half-to-even.
[[nodiscard]] Result<Micros> parseUnitCost(std::string_view text, Uom uom);

// "4.20/kg", "0.35/pc", "1.80/l": per kg for g items, per l for ml items, per pc.
[[nodiscard]] std::string formatUnitCost(Micros perUnit, Uom uom);

// Cost of `baseUnits` of an item at `perUnit` micro-units per g / ml / pc, rounded half-to-even.
// Empty on overflow of the result (the intermediate is 128-bit and cannot overflow).
[[nodiscard]] std::optional<Micros> costOf(std::int64_t baseUnits, Micros perUnit, Uom uom);

} // namespace lotstation::storage
