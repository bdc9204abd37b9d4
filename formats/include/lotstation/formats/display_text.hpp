#pragma once
// Showing scanned bytes to a person safely: control characters and invalid UTF-8 become visible escapes,
// so a stray GS, CR or a binary payload can never corrupt a message or the screen.
#include <cstddef>
#include <string>
#include <string_view>

namespace lotstation::formats {

// "<GS>" for ASCII 29, "<CR>", "<LF>", "<TAB>", "\xNN" for other control bytes and invalid UTF-8; valid UTF-8
// passes through. Longer input is cut at `maxCodePoints` visible characters and ends in "…".
[[nodiscard]] std::string displayText(std::string_view text, std::size_t maxCodePoints = 80);

// One character of a value quoted for a message: 'A', ' ' or <GS>.
[[nodiscard]] std::string displayChar(char c);

// Length in bytes of the valid UTF-8 sequence starting at text[pos], or 0 when it is not valid UTF-8.
[[nodiscard]] std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

[[nodiscard]] bool isValidUtf8(std::string_view text);

} // namespace lotstation::formats
