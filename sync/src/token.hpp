#pragma once
// Station tokens: 32 random bytes shown once as 64 hex characters; the server keeps only their SHA-256 and
// compares hashes (storage::internal::sha256Hex) in constant time, so neither a stolen database nor response
// timing reveals a token.
#include <string>
#include <string_view>

namespace lotstation::sync {

[[nodiscard]] std::string newToken();                                         // "lst_" + 64 hex characters
[[nodiscard]] std::string newEpoch();                                         // 32 hex characters, random
[[nodiscard]] bool equalConstantTime(std::string_view a, std::string_view b); // same length required

} // namespace lotstation::sync
