#pragma once
// Content checks of one AI component, named after the GS1 Barcode Syntax Dictionary's linters.
#include "lotstation/formats/gs1_ai.hpp"
#include "lotstation/core/error.hpp"

#include <expected>
#include <string_view>

namespace lotstation::formats::detail {

// `name` is how messages call the AI ("GTIN", "expiry", "AI (7007)").
[[nodiscard]] Result<void> applyLinter(Linter linter, std::string_view component,
                                                              std::string_view name);

// Charset membership of one byte.
[[nodiscard]] bool inCharSet(CharSet charset, char c);

// Two-digit number at text[pos], text known to be digits.
[[nodiscard]] int twoDigits(std::string_view text, std::size_t pos);

} // namespace lotstation::formats::detail
