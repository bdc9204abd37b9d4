#include "gtin.hpp"

namespace lotstation::storage {

Result<std::string> normaliseGtin(std::string_view gtin) {
    const std::string shown(gtin);
    if (gtin.size() != 8 && gtin.size() != 12 && gtin.size() != 13 && gtin.size() != 14)
        return fail(ErrorKind::Invalid, "GTIN " + shown + " has " + std::to_string(gtin.size()) +
                                            " digits; a GTIN has 8, 12, 13 or 14");
    for (const char c : gtin) {
        if (c < '0' || c > '9') return fail(ErrorKind::Invalid, "GTIN " + shown + " holds a non-digit");
    }
    std::string padded(14 - gtin.size(), '0');
    padded += gtin;
    int sum = 0;
    for (std::size_t i = 0; i < 13; ++i)
        sum += (padded[i] - '0') * (i % 2 == 0 ? 3 : 1);
    const int check = (10 - sum % 10) % 10;
    if (check != padded[13] - '0')
        return fail(ErrorKind::Invalid,
                    "GTIN " + shown + " check digit wrong (expected " + std::to_string(check) + ")");
    return padded;
}

} // namespace lotstation::storage
