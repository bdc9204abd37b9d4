#pragma once
// The demo's master data, standing in for the ledger's until a database is open.
#include "lotstation/station/app_state.hpp"

namespace lotstation::station {

// A small soap and cosmetics workshop: what `lotstation --demo` shows.
[[nodiscard]] Catalog demoCatalog();

} // namespace lotstation::station
