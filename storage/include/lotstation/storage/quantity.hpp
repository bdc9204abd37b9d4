#pragma once
// Exact quantities. Every quantity is an integer count of the item's base unit:
//   g  items: milligrams        (1 g  = 1'000 base units)
//   ml items: microlitres       (1 ml = 1'000 base units)
//   pc items: pieces            (1 pc = 1 base unit; fractions are refused)
// Text is parsed as a decimal string straight into integers: no floating point anywhere.
#include "lotstation/storage/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace lotstation::storage {

enum class Uom { Gram, Millilitre, Piece };

// Base units in one display unit of `uom` (g, ml, pc): 1000, 1000, 1.
[[nodiscard]] constexpr std::int64_t baseUnitsPerUnit(Uom uom) {
    return uom == Uom::Piece ? 1 : 1000;
}

// "g", "ml", "pc".
[[nodiscard]] const char* toString(Uom uom);
[[nodiscard]] Result<Uom> parseUom(std::string_view text);

// Parses "500g", "2.5kg", "750 ml", "1.5l", "12", "12pc", "-250g", "0.5 mg" into base units of `uom`.
// A number without a unit is in the item's display unit (g, ml or pc). Refuses units of another dimension
// ("750ml is volume; the item is measured in g"), more precision than the base unit, and overflow.
// `itemName` (e.g. the SKU) only makes messages clearer.
[[nodiscard]] Result<std::int64_t> parseQuantity(std::string_view text, Uom uom,
                                                 std::string_view itemName = {});

// "2.5 kg", "500 g", "0.25 g", "1.5 l", "12 pc", "-250 g": kg / l from 1 kg / 1 l upward, trailing zeros
// trimmed, always exact.
[[nodiscard]] std::string formatQuantity(std::int64_t baseUnits, Uom uom);

} // namespace lotstation::storage
