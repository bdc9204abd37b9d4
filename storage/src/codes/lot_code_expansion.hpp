#pragma once
// The lot-code pattern taken apart at its counter ({NN}) and each side expanded for a SKU, a day and a station:
// the one reading of a pattern, for checking it, for its example and for the next code.
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/time.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

struct LotCodePieces {
    std::string before; // the pattern before {NN}, tokens not yet expanded
    std::string after;  // the pattern after it
};

struct LotCodeValues {
    std::string_view sku;
    Date day;
    std::string_view shortCode;
};

// Refused: an unknown or unclosed token, no {NN} or more than one, a literal labels cannot carry.
[[nodiscard]] Result<LotCodePieces> splitLotCodePattern(std::string_view pattern);
[[nodiscard]] std::string expandLotCodePiece(std::string_view piece, const LotCodeValues& values);

} // namespace lotstation::storage
