#include "token.hpp"

#include <array>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sodium.h>
#include <stdexcept>

namespace lotstation::sync {
namespace {

// Lower-case hex through libsodium, as the ledger writes its digests.
std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

template <std::size_t N> std::string randomHex() {
    std::array<unsigned char, N> bytes{};
    // A token from a broken random generator would be guessable: that is a broken invariant, not a value.
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("the random generator failed");
    return hex(bytes.data(), bytes.size());
}

} // namespace

std::string newToken() {
    return "lst_" + randomHex<32>();
}

std::string newEpoch() {
    return randomHex<16>();
}

bool equalConstantTime(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace lotstation::sync
