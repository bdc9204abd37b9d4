#include "codes.hpp"

#include <cstdio>

namespace lotstation::storage {
namespace {

std::string yymmdd(Date day) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d%02u%02u", static_cast<int>(day.year()) % 100,
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

// The next free number after `prefix` in `table`.code: one past the highest numeric suffix already used.
std::string nextCode(LedgerCore& core, std::string_view table, const std::string& prefix) {
    long highest = 0;
    {
        // A range scan on the unique index; the bound sorts after every code starting with prefix.
        auto s = core.db.cached("SELECT code FROM " + std::string(table) + " WHERE code >= ?1 AND code < ?2");
        s.bindAll(prefix, prefix + "\xff");
        while (s.step()) {
            const auto code = s.text(0);
            const auto suffix = code.substr(prefix.size());
            if (suffix.empty() || suffix.size() > 9 ||
                suffix.find_first_not_of("0123456789") != std::string::npos)
                continue;
            highest = std::max(highest, std::stol(suffix));
        }
    }
    char number[32];
    std::snprintf(number, sizeof number, "%02ld", highest + 1);
    return prefix + number;
}

} // namespace

std::string nextLotCode(LedgerCore& core, std::string_view sku, Date day) {
    return nextCode(core, "lots", std::string(sku) + "-" + yymmdd(day) + "-" + core.identity.shortCode);
}

std::string nextRunCode(LedgerCore& core, Date day) {
    return nextCode(core, "runs", "RUN-" + yymmdd(day) + "-" + core.identity.shortCode);
}

} // namespace lotstation::storage
