#pragma once
// A decimal number read exactly from text: "-2.50" is {negative, mantissa 250, 2 decimals}.
#include "wide_math.hpp"

#include <optional>
#include <string_view>

namespace lotstation::storage {

struct Decimal {
    Wide mantissa = 0; // signed
    int decimals = 0;
};

// Reads an optional sign, digits and an optional fraction from the front of `text`; `rest` gets what follows.
// Empty when there is no number or more than 30 digits (which no quantity or amount needs).
[[nodiscard]] std::optional<Decimal> readDecimal(std::string_view text, std::string_view& rest);

[[nodiscard]] Wide powerOfTen(int exponent);

[[nodiscard]] std::string_view trim(std::string_view text);

} // namespace lotstation::storage
