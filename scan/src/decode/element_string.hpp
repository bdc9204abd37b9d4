#pragma once
// GS1 text normalisation for what the decoder library hands back. ZXing 1.4 returns DataBar Expanded content
// in the human-readable form "(01)09501234567890(10)LOT"; the contract (scanned_code.hpp) wants the raw
// element string, with GS (ASCII 29) closing every variable-length field that is not last.
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::scan::detail {

inline constexpr char kGroupSeparator = '\x1d';

// "(01)09501234567890(10)LOT(17)260101" -> "0109501234567890" "10LOT" GS "17260101".
// Returns nullopt when the text is not in parenthesised form.
[[nodiscard]] std::optional<std::string> elementStringFromParenthesised(std::string_view text);

// True when the AI starting these digits has a predefined length (GS1 General Specifications, the table of
// element strings that need no separator), judged from its first two digits.
[[nodiscard]] bool hasPredefinedLength(std::string_view ai);

} // namespace lotstation::scan::detail
