#pragma once
// 128-bit integer helpers for exact cost arithmetic (g++ extension; never in a public header).
#include <cstdint>
#include <limits>
#include <optional>

namespace lotstation::storage {

__extension__ using Wide = __int128;

// numerator / denominator rounded half-to-even; denominator != 0. The one rounding rule of the ledger.
[[nodiscard]] inline Wide divideHalfEven(Wide numerator, Wide denominator) {
    Wide quotient = numerator / denominator;
    const Wide remainder = numerator % denominator;
    if (remainder == 0) return quotient;
    const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
    const Wide magnitude = denominator < 0 ? -denominator : denominator;
    const bool negative = (numerator < 0) != (denominator < 0);
    if (twice > magnitude || (twice == magnitude && quotient % 2 != 0)) quotient += negative ? -1 : 1;
    return quotient;
}

[[nodiscard]] inline std::optional<std::int64_t> narrow(Wide value) {
    if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min())
        return std::nullopt;
    return static_cast<std::int64_t>(value);
}

} // namespace lotstation::storage
