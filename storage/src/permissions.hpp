#pragma once
// The ledger's side of access.hpp: find the acting user and check the role before anything is written.
#include "ledger_core.hpp"
#include "lotstation/storage/access.hpp"

#include <string_view>

namespace lotstation::storage {

// The user named by a request, when that user may take the action. Errors: no user given (Invalid), no
// such user (NotFound), or a role too low (Refused, with refusalMessage's sentence).
[[nodiscard]] Result<User> requireAllowed(LedgerCore& core, std::string_view userName, Action action);

} // namespace lotstation::storage
