#pragma once
// Small text rules every module shares, so each is written once.
#include <cstdint>
#include <string>
#include <string_view>

namespace lotstation {

// Without the blanks and control characters around it (a scanner's trailing CR or GS, a typed space).
[[nodiscard]] inline std::string trimmed(std::string_view text) {
    const auto blank = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

// 1234567 -> "1,234,567": counts people read on a progress bar.
[[nodiscard]] inline std::string groupThousands(std::int64_t value) {
    auto text = std::to_string(value < 0 ? -value : value);
    for (auto at = static_cast<int>(text.size()) - 3; at > 0; at -= 3)
        text.insert(static_cast<std::size_t>(at), ",");
    return value < 0 ? "-" + text : text;
}

} // namespace lotstation
