#pragma once
// The ledger's currency (ISO 4217). Amounts stay exact micro-units in the ledger; only what people read is
// rounded, half-to-even, to the currency's minor unit (2 decimals for EUR, 0 for JPY, 3 for KWD).
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/money.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lotstation::storage {

// Decimals of the currency's minor unit; empty for a code that is not an ISO 4217 currency we know.
[[nodiscard]] std::optional<int> minorUnitDigits(std::string_view code);

// "EUR 12.35": rounded half-to-even to the minor unit, with the code.
[[nodiscard]] std::string formatCurrency(Micros amount, std::string_view code);
// The same without the code ("12.35"), for spreadsheets and columns headed with the code.
[[nodiscard]] std::string formatMinorUnits(Micros amount, std::string_view code);

// The ledger's currency: the last one set, else USD.
[[nodiscard]] std::string ledgerCurrency(const Ledger& ledger);
// Sets it (a supervisor or admin). Refused for an unknown code, and once rates or prices are recorded in
// the current one (they would silently change meaning).
[[nodiscard]] Result<std::string> setLedgerCurrency(Ledger& ledger, std::string_view code, std::string_view user);

// A money amount typed with an optional currency code before or after it ("4.50", "EUR 4.50", "4.50 EUR",
// "4.50/pc" keeps the "/pc"): the amount text without the code. A code other than the ledger's is refused.
[[nodiscard]] Result<std::string> withoutCurrency(std::string_view text, std::string_view ledgerCode);

} // namespace lotstation::storage
