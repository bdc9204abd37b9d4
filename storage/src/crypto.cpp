#include "crypto.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdexcept>

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

// SHA-256 through OpenSSL: it uses the processor's SHA instructions where there are some (0.35 µs for a
// movement's canonical text here, against 1.55 µs through libsodium's portable code), and every movement
// pulled or pushed is hashed again to be checked. The algorithm is fetched once: an implicit fetch per call
// costs as much as the digest.
std::string sha256Hex(std::string_view data) {
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                       &EVP_MD_free);
    std::array<unsigned char, 32> digest{};
    unsigned int size = 0;
    if (!sha256 || EVP_Digest(data.data(), data.size(), digest.data(), &size, sha256.get(), nullptr) != 1 ||
        size != digest.size())
        throw std::runtime_error("SHA-256 is not available from OpenSSL");
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
