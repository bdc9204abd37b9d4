#pragma once
// %XX escaping, shared by the two formats that use it with different sets of characters kept as they are:
// Digital Link (RFC 3986 unreserved) and our LS: payloads (QR alphanumeric).
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace lotstation::formats::detail {

// Every byte for which keep(c) is false becomes %XX (uppercase hex).
[[nodiscard]] std::string percentEncode(std::string_view value, bool (*keep)(char));

// %XX and %xx decoded, other bytes taken as they are; on a malformed escape, its position.
[[nodiscard]] std::expected<std::string, std::size_t> percentDecode(std::string_view text);

// RFC 3986 unreserved: A-Z a-z 0-9 - . _ ~
[[nodiscard]] bool isUriUnreserved(char c);

} // namespace lotstation::formats::detail
