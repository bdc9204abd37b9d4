#pragma once
// Internal GS1 helpers shared by payloads and GS1 symbols.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/labels/label_error.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace lotstation::labels {

// YYMMDD for AIs 15/17; fails for an invalid date or a year GS1's two digits cannot hold (2000–2099 here).
[[nodiscard]] std::expected<std::string, LabelError> gs1Date(const Date& date, std::string_view what);

constexpr char kGroupSeparator = '\x1D';

} // namespace lotstation::labels
