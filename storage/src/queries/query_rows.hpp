#pragma once
// Small readers shared by the query files: enum and date columns back into values.
#include "ledger_core.hpp"

#include <cstdint>
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

// What a lot's run produced into it, in base units: its produce movements less the reversed ones. Both cost
// roll-ups (material only, and material + labour + overhead) divide by it.
[[nodiscard]] inline std::int64_t producedQuantity(LedgerCore& core, std::int64_t lotId) {
    auto s = core.db.cached("SELECT coalesce(sum(c.quantity), 0) FROM movements c WHERE c.lot_id = ?1 "
                            "AND c.kind = 'produce' AND NOT EXISTS "
                            "(SELECT 1 FROM movements r WHERE r.reverses = c.id)");
    s.bindAll(lotId);
    s.step();
    return s.int64(0);
}

} // namespace lotstation::storage::queries
