#include "codes.hpp"

#include "lot_code_expansion.hpp"
#include "lotstation/storage/lot_code_pattern.hpp"

#include <cstdio>

namespace lotstation::storage {
namespace {

std::string yymmdd(Date day) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d%02u%02u", static_cast<int>(day.year()) % 100,
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

// The next free number between `prefix` and `suffix` in `table`.code: one past the highest number already used
// there.
std::string nextCode(LedgerCore& core, std::string_view table, const std::string& prefix,
                     const std::string& suffix = {}) {
    long highest = 0;
    {
        // A range scan on the unique index; the bound sorts after every code starting with prefix.
        auto s = core.db.cached("SELECT code FROM " + std::string(table) + " WHERE code >= ?1 AND code < ?2");
        s.bindAll(prefix, prefix + "\xff");
        while (s.step()) {
            const auto code = s.text(0);
            if (code.size() < prefix.size() + suffix.size() ||
                code.compare(code.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            const auto number = code.substr(prefix.size(), code.size() - prefix.size() - suffix.size());
            if (number.empty() || number.size() > 9 || number.find_first_not_of("0123456789") != std::string::npos)
                continue;
            highest = std::max(highest, std::stol(number));
        }
    }
    char number[32];
    std::snprintf(number, sizeof number, "%02ld", highest + 1);
    return prefix + number + suffix;
}

} // namespace

std::string currentLotCodePattern(LedgerCore& core) {
    auto s = core.db.cached("SELECT pattern FROM lot_code_patterns ORDER BY id DESC LIMIT 1");
    return s.step() ? s.text(0) : std::string(kDefaultLotCodePattern);
}

std::string nextLotCode(LedgerCore& core, std::string_view sku, Date day) {
    auto pieces = splitLotCodePattern(currentLotCodePattern(core));
    if (!pieces) pieces = splitLotCodePattern(kDefaultLotCodePattern); // only checked patterns are stored
    const LotCodeValues values{.sku = sku, .day = day, .shortCode = core.identity.shortCode};
    return nextCode(core, "lots", expandLotCodePiece(pieces->before, values),
                    expandLotCodePiece(pieces->after, values));
}

std::string nextRunCode(LedgerCore& core, Date day) {
    return nextCode(core, "runs", "RUN-" + yymmdd(day) + "-" + core.identity.shortCode);
}

} // namespace lotstation::storage
