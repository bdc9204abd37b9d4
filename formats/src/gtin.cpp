#include "lotstation/formats/gtin.hpp"

#include <algorithm>

namespace lotstation::formats {

namespace {

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

int gs1CheckDigit(std::string_view digits) {
    // Weights 3,1,3,... from the rightmost digit before the check digit.
    int sum = 0;
    bool three = true;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * (three ? 3 : 1);
        three = !three;
    }
    return (10 - sum % 10) % 10;
}

bool hasValidCheckDigit(std::string_view digits) {
    return digits.size() >= 2 && allDigits(digits) &&
           gs1CheckDigit(digits.substr(0, digits.size() - 1)) == digits.back() - '0';
}

bool isGtinLength(std::size_t length) {
    return length == 8 || length == 12 || length == 13 || length == 14;
}

Result<std::string> normaliseGtin(std::string_view gtin) {
    const std::string shown(gtin);
    if (!isGtinLength(gtin.size()))
        return fail(ErrorKind::Invalid, "GTIN " + shown + " has " + std::to_string(gtin.size()) +
                                            " digits; a GTIN has 8, 12, 13 or 14");
    if (!allDigits(gtin)) return fail(ErrorKind::Invalid, "GTIN " + shown + " holds a non-digit");
    const int check = gs1CheckDigit(gtin.substr(0, gtin.size() - 1));
    if (check != gtin.back() - '0')
        return fail(ErrorKind::Invalid,
                    "GTIN " + shown + " check digit wrong (expected " + std::to_string(check) + ")");
    return std::string(14 - gtin.size(), '0') + shown;
}

std::optional<std::string> asGtin14(std::string_view text) {
    if (!isGtinLength(text.size()) || !hasValidCheckDigit(text)) return std::nullopt;
    return std::string(14 - text.size(), '0') + std::string{text};
}

std::optional<std::string> expandUpcE(std::string_view upcE) {
    if (upcE.size() != 8 || !allDigits(upcE) || (upcE[0] != '0' && upcE[0] != '1')) return std::nullopt;
    const std::string d{upcE.substr(1, 6)};
    std::string body; // manufacturer (5) + product (5)
    switch (d[5]) {
    case '0':
    case '1':
    case '2':
        body = d.substr(0, 2) + d[5] + "0000" + d.substr(2, 3);
        break;
    case '3':
        body = d.substr(0, 3) + "00000" + d.substr(3, 2);
        break;
    case '4':
        body = d.substr(0, 4) + "00000" + d[4];
        break;
    default:
        body = d.substr(0, 5) + "0000" + d[5];
        break;
    }
    return std::string{upcE[0]} + body + upcE[7];
}

} // namespace lotstation::formats
