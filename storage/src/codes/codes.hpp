#pragma once
// Generated lot and run codes.
//   lot: the ledger's lot-code pattern (lotstation/storage/lot_code_pattern.hpp), by default
//        {SKU}-{YYMMDD}-{ST}{NN}      e.g. SOAP-LAV-261124-A101  (station short code A1, first lot of the day)
//   run: RUN-{YYMMDD}-{ST}{NN}        e.g. RUN-261124-A103
// {ST} is the station's short code (omitted when none is set) so two stations working offline never generate
// the same code; {NN} counts from 01 per prefix and day and widens past 99. The date is the UTC date.
#include "../ledger_core.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

// The lot-code pattern in force (the one rule lotCodePattern() answers with too).
[[nodiscard]] std::string currentLotCodePattern(LedgerCore& core);
[[nodiscard]] std::string nextLotCode(LedgerCore& core, std::string_view sku, Date day);
[[nodiscard]] std::string nextRunCode(LedgerCore& core, Date day);

} // namespace lotstation::storage
