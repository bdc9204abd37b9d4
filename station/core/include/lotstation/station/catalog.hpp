#pragma once
// The pickers' master data, read from the ledger.
#include "lotstation/station/app_state.hpp"
#include "lotstation/storage/ledger.hpp"

namespace lotstation::station {

[[nodiscard]] Catalog catalogOf(const storage::Ledger& ledger);

} // namespace lotstation::station
