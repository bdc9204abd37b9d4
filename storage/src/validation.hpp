#pragma once
// Checks shared by the operations: codes, reasons, positive quantities, supervisors.
#include "ledger_core.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

// A code (SKU, lot, location, supplier, customer, user, run, supplier lot) is 1-64 printable characters
// without spaces: it must survive a barcode, a CSV cell and a command line unchanged.
[[nodiscard]] Result<std::string> validCode(std::string_view code, std::string_view what);

// A reason a person typed: required, trimmed, at most 500 characters.
[[nodiscard]] Result<std::string> validReason(std::string_view reason, std::string_view forWhat);

// The name of the scale a quantity was read from, when there is one: 1-120 printable characters.
[[nodiscard]] Result<std::optional<std::string>> validScale(const std::optional<std::string>& scale);

[[nodiscard]] Result<std::int64_t> positive(std::int64_t quantity, std::string_view what);

// An Override is usable when it has a reason and names a supervisor or admin.
[[nodiscard]] Result<User> approvingSupervisor(LedgerCore& core, const Override& override);

} // namespace lotstation::storage
