#pragma once
// The master data imports beside items and lots (import.cpp dispatches to them; csv.hpp documents the
// columns).
#include "../ledger_core.hpp"
#include "table_reader.hpp"

namespace lotstation::storage::csv {

[[nodiscard]] Result<ImportSummary> importLocations(Ledger& ledger, LedgerCore& core, std::string_view text,
                                                    const ImportOptions& options);
[[nodiscard]] Result<ImportSummary> importParties(Ledger& ledger, LedgerCore& core, std::string_view text,
                                                  bool suppliers, const ImportOptions& options);
[[nodiscard]] Result<ImportSummary> importUsers(Ledger& ledger, LedgerCore& core, std::string_view text,
                                                const ImportOptions& options);
[[nodiscard]] Result<ImportSummary> importRecipes(Ledger& ledger, LedgerCore& core, std::string_view text,
                                                  const ImportOptions& options);

} // namespace lotstation::storage::csv
