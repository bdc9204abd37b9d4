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

// Base64url padding of a CSET 64 (Z) component as GS1's reference linter has it: at most two '=' at the end,
// and only when the whole component's length is a multiple of 3.
[[nodiscard]] Result<void> checkBase64Padding(std::string_view component, std::string_view label);

// Charset membership of one byte ('=' counts as CSET 64: checkBase64Padding says where it may stand).
[[nodiscard]] bool inCharSet(CharSet charset, char c);

// Two-digit number at text[pos], text known to be digits.
[[nodiscard]] int twoDigits(std::string_view text, std::size_t pos);

} // namespace lotstation::formats::detail
