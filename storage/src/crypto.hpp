#pragma once
// libsodium behind small functions: SHA-256, UUIDv7 ids, Argon2id PIN hashes.
#include "lotstation/storage/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lotstation::storage {

// Initialises libsodium (idempotent, thread-safe); false if it cannot.
[[nodiscard]] bool initCrypto();

[[nodiscard]] std::string sha256Hex(std::string_view data);

// RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, 74 random bits. Lower-case with dashes.
[[nodiscard]] std::string newUuidV7(Timestamp at);

// crypto_pwhash_str (Argon2id, interactive limits); empty on out-of-memory.
[[nodiscard]] std::optional<std::string> hashPin(std::string_view pin);
[[nodiscard]] bool pinMatches(const std::string& hash, std::string_view pin);

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

} // namespace lotstation::storage
