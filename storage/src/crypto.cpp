#include "crypto.hpp"

#include <array>
#include <cstdint>
#include <sodium.h>

namespace lotstation::storage {
namespace {

// Lower-case hex through libsodium (constant time: digests and secrets pass through here).
std::string toHex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

} // namespace

bool initCrypto() {
    return sodium_init() >= 0;
}

std::string sha256Hex(std::string_view data) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(digest.data(), digest.size());
}

std::string newUuidV7(Timestamp at) {
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    const auto millis = static_cast<std::uint64_t>(at.time_since_epoch().count());
    for (int i = 0; i < 6; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(millis >> (40 - 8 * i));
    bytes[6] = static_cast<unsigned char>(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = static_cast<unsigned char>(0x80 | (bytes[8] & 0x3f)); // variant 10
    const auto hex = toHex(bytes.data(), bytes.size());
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) +
           "-" + hex.substr(20);
}

std::optional<std::string> hashPin(std::string_view pin) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return std::nullopt;
    }
    return std::string(out.data());
}

bool pinMatches(const std::string& hash, std::string_view pin) {
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace lotstation::storage
