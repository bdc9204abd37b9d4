#pragma once
// GTINs (Global Trade Item Numbers): the GS1 mod-10 check digit, normalisation to the 14 digits GS1 AI (01)
// carries, and the UPC-E zero suppression retail scanners send. Every module that meets a GTIN calls these.
#include "lotstation/core/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lotstation::formats {

// GS1 mod-10 check digit of `digits` (the number without its check digit); digits only. Used by every GS1
// key with a check digit (GTIN, SSCC, GLN, GSRN, ...).
[[nodiscard]] int gs1CheckDigit(std::string_view digits);

// True when `digits` (2 or more digits) ends in its correct GS1 check digit.
[[nodiscard]] bool hasValidCheckDigit(std::string_view digits);

// True for the lengths a GTIN comes in: 8, 12, 13 or 14.
[[nodiscard]] bool isGtinLength(std::size_t length);

// GTIN-8, -12, -13 or -14 with its check digit verified, returned as 14 digits (left-padded with zeros).
// Errors read like "GTIN 4006381333932 check digit wrong (expected 1)".
[[nodiscard]] Result<std::string> normaliseGtin(std::string_view gtin);

// The 14-digit GTIN when `text` is 8, 12, 13 or 14 digits with a valid check digit, else nothing.
[[nodiscard]] std::optional<std::string> asGtin14(std::string_view text);

// The UPC-A (12 digits) a UPC-E (8 digits, number system 0 or 1) stands for; nothing when it is not UPC-E.
[[nodiscard]] std::optional<std::string> expandUpcE(std::string_view upcE);

} // namespace lotstation::formats
