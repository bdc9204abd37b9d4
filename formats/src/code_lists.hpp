#pragma once
// The outside code lists GS1 linters check against: ISO 3166-1 countries, ISO 4217 currencies (generated into
// code_lists.cpp) and the UN/ECE Recommendation 21 package type codes GS1 uses for AI (7041).
#include <span>
#include <string_view>

namespace lotstation::formats::detail {

[[nodiscard]] bool isIso3166Numeric(std::string_view code); // "276"
[[nodiscard]] bool isIso3166Alpha2(std::string_view code);  // "DE"
[[nodiscard]] bool isIso4217Numeric(std::string_view code); // "978"
[[nodiscard]] bool isPackageTypeCode(std::string_view code); // "BX", "1A", "200"

} // namespace lotstation::formats::detail
