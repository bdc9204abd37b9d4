#pragma once
#include "lotstation/storage/error.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage {

// GTIN-8, -12, -13 or -14 with its check digit verified, returned as 14 digits (left-padded with zeros), the
// form GS1 AI (01) carries.
[[nodiscard]] Result<std::string> normaliseGtin(std::string_view gtin);

} // namespace lotstation::storage
