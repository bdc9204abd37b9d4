#pragma once
// Bit strings for the EPC codecs: fields of any width written and read most significant bit first, decimal
// numbers of any length (a 20-digit serial does not fit 64 bits), and TDS 2.x's variable-length alphanumeric
// encoding.
#include "lotstation/core/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::formats::epc {

class BitWriter {
  public:
    void put(std::uint64_t value, int width);
    // A decimal digit string as an unsigned binary number `width` bits wide; Invalid when it does not fit.
    [[nodiscard]] Result<void> putDecimal(std::string_view digits, int width, std::string_view what);
    [[nodiscard]] std::size_t size() const { return m_bits.size(); }
    // Upper-case hex, zero-padded to a multiple of `wordBits`.
    [[nodiscard]] std::string hex(int wordBits = 16) const;

  private:
    std::vector<bool> m_bits;
};

class BitReader {
  public:
    explicit BitReader(std::vector<bool> bits) : m_bits(std::move(bits)) {}
    [[nodiscard]] Result<std::uint64_t> get(int width);
    // The field as a decimal string without leading zeros ("0" for zero).
    [[nodiscard]] Result<std::string> getDecimal(int width);
    [[nodiscard]] std::size_t left() const { return m_bits.size() - m_at; }
    [[nodiscard]] bool restIsZero() const;

  private:
    std::vector<bool> m_bits;
    std::size_t m_at = 0;
};

// Hex text to bits; Invalid for anything but hex digits (spaces and a leading 0x are dropped).
[[nodiscard]] Result<std::vector<bool>> bitsFromHex(std::string_view hex);

// "012" -> compare as numbers; digits only.
[[nodiscard]] bool decimalLess(std::string_view a, std::string_view b);
[[nodiscard]] std::string powerOfTen(int exponent);  // "1000..."
[[nodiscard]] std::string powerOfTwo(int exponent);  // decimal text of 2^exponent
[[nodiscard]] std::size_t powerOfTwoWidth(const std::string& decimal); // bits that hold decimal - 1
[[nodiscard]] std::string stripLeadingZeros(std::string_view digits);
[[nodiscard]] bool allDigits(std::string_view text);

// TDS 2.x variable-length alphanumeric: 3-bit encoding, `lengthBits`-bit character count, the characters.
void putAlphanumeric(BitWriter& writer, std::string_view text, int lengthBits);
[[nodiscard]] Result<std::string> getAlphanumeric(BitReader& reader, int lengthBits);

// Dates in the + schemes: YYMMDD as 7-bit year, 4-bit month, 5-bit day.
[[nodiscard]] Result<void> putDate(BitWriter& writer, std::string_view yymmdd);
[[nodiscard]] Result<std::string> getDate(BitReader& reader);

} // namespace lotstation::formats::epc
