#pragma once
// Who may set what money means: rates, prices and the currency are a supervisor's or an admin's to set.
#include "../ledger_core.hpp"
#include "../rows.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

[[nodiscard]] inline Result<User> requireCostManager(LedgerCore& core, std::string_view userName,
                                                     std::string_view what) {
    auto user = requireUser(core, userName);
    if (!user) return user;
    if (user->role == UserRole::Operator)
        return fail(ErrorKind::Refused, user->name + " is an operator: " + std::string(what) +
                                                 " needs a supervisor");
    return user;
}

// Whole ms since the epoch, the column the "in force at" lookups compare.
[[nodiscard]] inline std::int64_t epochMs(Timestamp at) {
    return at.time_since_epoch().count();
}

} // namespace lotstation::storage
