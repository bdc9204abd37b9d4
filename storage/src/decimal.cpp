#include "decimal.hpp"

namespace lotstation::storage {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

Wide powerOfTen(int exponent) {
    Wide value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

std::optional<Decimal> readDecimal(std::string_view text, std::string_view& rest) {
    std::size_t at = 0;
    bool negative = false;
    if (at < text.size() && (text[at] == '-' || text[at] == '+')) negative = text[at++] == '-';
    Decimal result;
    int digits = 0;
    bool point = false;
    for (; at < text.size(); ++at) {
        const char c = text[at];
        if (c >= '0' && c <= '9') {
            if (++digits > 30) return std::nullopt;
            result.mantissa = result.mantissa * 10 + (c - '0');
            if (point) ++result.decimals;
        } else if (c == '.' && !point) {
            // Only a decimal point: "1,000" means one thousand to some and one to others, so it is refused.
            point = true;
        } else {
            break;
        }
    }
    if (digits == 0) return std::nullopt;
    if (point && result.decimals == 0) return std::nullopt; // "12." is a typo, not a number
    if (negative) result.mantissa = -result.mantissa;
    rest = text.substr(at);
    return result;
}

} // namespace lotstation::storage
