#pragma once
// Orders as master data (master_data.hpp): read with their revision (the largest of their records'), and
// applied from another ledger by appending what differs here.
#include "../ledger_core.hpp"
#include "lotstation/storage/master_data.hpp"

namespace lotstation::storage {

void readOrderMaster(LedgerCore& core, MasterData& out);
// Called by applyMasterData inside its transaction, after customers and items.
[[nodiscard]] Result<void> applyOrderMaster(LedgerCore& core, const MasterData& data, MasterApplySummary& summary);

} // namespace lotstation::storage
