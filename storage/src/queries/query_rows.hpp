#pragma once
// Small readers shared by the query files: enum and date columns back into values.
#include "ledger_core.hpp"

#include <optional>
#include <string>

namespace lotstation::storage::queries {

template <typename E> [[nodiscard]] E parsedOr(Result<E> parsed, E fallback) {
    return parsed ? *parsed : fallback;
}

[[nodiscard]] inline std::optional<Date> optDate(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    auto date = parseDate(*text);
    return date ? std::optional<Date>(*date) : std::nullopt;
}

[[nodiscard]] inline int daysBetween(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

} // namespace lotstation::storage::queries
