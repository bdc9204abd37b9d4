#pragma once
// The pickers' master data read from the ledger, and the demo workshop `lotstation --demo` starts with.
#include "lotstation/station/app_state.hpp"
#include "lotstation/storage/ledger.hpp"

namespace lotstation::station {

[[nodiscard]] Catalog catalogOf(const storage::Ledger& ledger);

// A small soap and cosmetics workshop: locations, suppliers, customers, raw materials (some with GTINs, as
// their suppliers' case labels carry), finished goods with recipes, and two users:
//   Ana, operator,   badge BADGE-ANA, PIN 1234
//   Sam, supervisor, badge BADGE-SAM, PIN 2468
[[nodiscard]] storage::Result<void> seedDemoLedger(storage::Ledger& ledger);

} // namespace lotstation::station
