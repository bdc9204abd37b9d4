#pragma once
// How this ledger names the lots it makes and receives without a code: a pattern of literal characters and
// tokens, set by a supervisor or admin (append-only: the last one set is in force, each with who and when).
//   {SKU} the item's SKU   {YYYY} {YY} {MM} {DD} {YYMMDD} the UTC date   {JJJ} the day of the year (001-366)
//   {ST}  the station's short code   {NN} a counter from 01 per everything before and after it, widening past 99
// {NN} and {ST} are required: without the counter two lots of a day would share a code, and without the short
// code two stations working offline would. Literals are letters, digits and - . / _ (they print in GS1 AI 10).
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/time.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kDefaultLotCodePattern = "{SKU}-{YYMMDD}-{ST}{NN}";

// Nothing, or why the pattern cannot be used (an unknown token, a missing {NN} or {ST}, a character labels
// cannot carry).
[[nodiscard]] Result<void> checkLotCodePattern(std::string_view pattern);
// The pattern in force: the last one set, else the default.
[[nodiscard]] std::string lotCodePattern(const Ledger& ledger);
// Sets it (a supervisor or an admin); the pattern as stored.
[[nodiscard]] Result<std::string> setLotCodePattern(Ledger& ledger, std::string_view pattern, std::string_view user);
// The code the pattern gives for a SKU on a day with counter 1: what the settings screen shows as an example.
[[nodiscard]] std::string exampleLotCode(std::string_view pattern, std::string_view sku, Date day,
                                         std::string_view shortCode);

} // namespace lotstation::storage
