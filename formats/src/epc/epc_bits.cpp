#include "epc/epc_bits.hpp"

#include <algorithm>
#include <cctype>

namespace lotstation::formats::epc {
namespace {

// Halves a decimal string, returning the remainder.
int halve(std::string& digits) {
    int carry = 0;
    for (char& c : digits) {
        const int value = carry * 10 + (c - '0');
        c = static_cast<char>('0' + value / 2);
        carry = value % 2;
    }
    digits = stripLeadingZeros(digits);
    return carry;
}

void doubleAndAdd(std::string& digits, int bit) {
    int carry = bit;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const int value = (*it - '0') * 2 + carry;
        *it = static_cast<char>('0' + value % 10);
        carry = value / 10;
    }
    if (carry != 0) digits.insert(digits.begin(), static_cast<char>('0' + carry));
}

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kUrn40 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-.:0123456789";

int bitsForDigits(std::size_t count) {
    // The width of 10^count - 1: ceil(count * log2(10)).
    return static_cast<int>(powerOfTwoWidth(powerOfTen(static_cast<int>(count))));
}

} // namespace

std::string stripLeadingZeros(std::string_view digits) {
    const auto first = digits.find_first_not_of('0');
    return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool decimalLess(std::string_view a, std::string_view b) {
    const auto left = stripLeadingZeros(a), right = stripLeadingZeros(b);
    return left.size() != right.size() ? left.size() < right.size() : left < right;
}

std::string powerOfTen(int exponent) { return "1" + std::string(static_cast<std::size_t>(exponent), '0'); }

std::string powerOfTwo(int exponent) {
    std::string value = "1";
    for (int i = 0; i < exponent; ++i) doubleAndAdd(value, 0);
    return value;
}

std::size_t powerOfTwoWidth(const std::string& decimal) {
    // Bits needed for decimal - 1 (the largest value below it).
    std::string value = decimal;
    std::size_t width = 0;
    std::string limit = "1";
    while (decimalLess(limit, value)) {
        doubleAndAdd(limit, 0);
        ++width;
    }
    return width;
}

void BitWriter::put(std::uint64_t value, int width) {
    for (int bit = width - 1; bit >= 0; --bit) m_bits.push_back(((value >> bit) & 1U) != 0);
}

Result<void> BitWriter::putDecimal(std::string_view digits, int width, std::string_view what) {
    if (!allDigits(digits)) return fail(ErrorKind::Invalid, std::string(what) + " '" + std::string(digits) + "' is not a number");
    if (!decimalLess(digits, powerOfTwo(width)))
        return fail(ErrorKind::Invalid, std::string(what) + " " + std::string(digits) + " does not fit in " +
                                            std::to_string(width) + " bits");
    std::string value = stripLeadingZeros(digits);
    std::vector<bool> reversed;
    while (value != "0") reversed.push_back(halve(value) != 0);
    for (int i = width - 1; i >= 0; --i)
        m_bits.push_back(static_cast<std::size_t>(i) < reversed.size() && reversed[static_cast<std::size_t>(i)]);
    return {};
}

std::string BitWriter::hex(int wordBits) const {
    auto bits = m_bits;
    while (bits.size() % static_cast<std::size_t>(wordBits) != 0) bits.push_back(false);
    std::string text;
    for (std::size_t i = 0; i < bits.size(); i += 4) {
        const int nibble = (bits[i] ? 8 : 0) | (bits[i + 1] ? 4 : 0) | (bits[i + 2] ? 2 : 0) | (bits[i + 3] ? 1 : 0);
        text.push_back("0123456789ABCDEF"[nibble]);
    }
    return text;
}

Result<std::uint64_t> BitReader::get(int width) {
    if (left() < static_cast<std::size_t>(width)) return fail(ErrorKind::Invalid, "the EPC ends too early");
    std::uint64_t value = 0;
    for (int i = 0; i < width; ++i) value = (value << 1) | (m_bits[m_at++] ? 1U : 0U);
    return value;
}

Result<std::string> BitReader::getDecimal(int width) {
    if (left() < static_cast<std::size_t>(width)) return fail(ErrorKind::Invalid, "the EPC ends too early");
    std::string value = "0";
    for (int i = 0; i < width; ++i) doubleAndAdd(value, m_bits[m_at++] ? 1 : 0);
    return stripLeadingZeros(value);
}

bool BitReader::restIsZero() const {
    return std::none_of(m_bits.begin() + static_cast<std::ptrdiff_t>(m_at), m_bits.end(), [](bool b) { return b; });
}

Result<std::vector<bool>> bitsFromHex(std::string_view hex) {
    if (hex.starts_with("0x") || hex.starts_with("0X")) hex.remove_prefix(2);
    std::vector<bool> bits;
    for (char c : hex) {
        if (c == ' ') continue;
        const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto at = std::string_view("0123456789abcdef").find(lower);
        if (at == std::string_view::npos)
            return fail(ErrorKind::Invalid, "'" + std::string(1, c) + "' is not a hex digit");
        for (int bit = 3; bit >= 0; --bit) bits.push_back(((at >> bit) & 1U) != 0);
    }
    if (bits.empty()) return fail(ErrorKind::Invalid, "an empty EPC");
    return bits;
}

void putAlphanumeric(BitWriter& writer, std::string_view text, int lengthBits) {
    const bool digits = allDigits(text);
    const bool upperHex = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    });
    const bool lowerHex = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    const bool base64 = std::all_of(text.begin(), text.end(), [](char c) { return kBase64.find(c) != std::string_view::npos; });
    const auto length = static_cast<std::uint64_t>(text.size());
    if (digits) {
        writer.put(0, 3);
        writer.put(length, lengthBits);
        (void)writer.putDecimal(text, bitsForDigits(text.size()), "value");
    } else if (upperHex || lowerHex) {
        writer.put(upperHex ? 1 : 2, 3);
        writer.put(length, lengthBits);
        for (char c : text) writer.put(static_cast<std::uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10), 4);
    } else if (base64) {
        writer.put(3, 3);
        writer.put(length, lengthBits);
        for (char c : text) writer.put(kBase64.find(c), 6);
    } else {
        writer.put(4, 3);
        writer.put(length, lengthBits);
        for (char c : text) writer.put(static_cast<unsigned char>(c) & 0x7FU, 7);
    }
}

Result<std::string> getAlphanumeric(BitReader& reader, int lengthBits) {
    auto encoding = reader.get(3);
    if (!encoding) return std::unexpected(encoding.error());
    auto length = reader.get(lengthBits);
    if (!length) return std::unexpected(length.error());
    std::string text;
    switch (*encoding) {
    case 0: {
        auto value = reader.getDecimal(bitsForDigits(*length));
        if (!value) return std::unexpected(value.error());
        if (value->size() > *length) return fail(ErrorKind::Invalid, "a numeric field holds more digits than it says");
        return std::string(*length - value->size(), '0') + *value;
    }
    case 1:
    case 2:
        for (std::uint64_t i = 0; i < *length; ++i) {
            auto nibble = reader.get(4);
            if (!nibble) return std::unexpected(nibble.error());
            text.push_back(*nibble < 10 ? static_cast<char>('0' + *nibble)
                                        : static_cast<char>((*encoding == 1 ? 'A' : 'a') + *nibble - 10));
        }
        return text;
    case 3:
        for (std::uint64_t i = 0; i < *length; ++i) {
            auto sextet = reader.get(6);
            if (!sextet) return std::unexpected(sextet.error());
            text.push_back(kBase64[*sextet]);
        }
        return text;
    case 4:
        for (std::uint64_t i = 0; i < *length; ++i) {
            auto ascii = reader.get(7);
            if (!ascii) return std::unexpected(ascii.error());
            if (*ascii < 0x20 || *ascii == 0x7F) return fail(ErrorKind::Invalid, "a control character in the EPC");
            text.push_back(static_cast<char>(*ascii));
        }
        return text;
    case 5:
        for (std::uint64_t i = 0; i < *length; i += 3) {
            auto triple = reader.get(16);
            if (!triple) return std::unexpected(triple.error());
            if (*triple == 0 || *triple > 64000) return fail(ErrorKind::Invalid, "a bad URN Code 40 triple");
            const auto value = *triple - 1;
            const char chars[3] = {kUrn40[value / 1600], kUrn40[(value / 40) % 40], kUrn40[value % 40]};
            for (std::uint64_t j = 0; j < 3 && i + j < *length; ++j) text.push_back(chars[j]);
        }
        return text;
    default:
        return fail(ErrorKind::Invalid, "encoding indicator " + std::to_string(*encoding) + " is not defined");
    }
}

Result<void> putDate(BitWriter& writer, std::string_view yymmdd) {
    if (yymmdd.size() != 6 || !allDigits(yymmdd)) return fail(ErrorKind::Invalid, "'" + std::string(yymmdd) + "' is not a YYMMDD date");
    const int year = std::stoi(std::string(yymmdd.substr(0, 2)));
    const int month = std::stoi(std::string(yymmdd.substr(2, 2)));
    const int day = std::stoi(std::string(yymmdd.substr(4, 2)));
    if (month < 1 || month > 12 || day > 31) return fail(ErrorKind::Invalid, "'" + std::string(yymmdd) + "' is not a date");
    writer.put(static_cast<std::uint64_t>(year), 7);
    writer.put(static_cast<std::uint64_t>(month), 4);
    writer.put(static_cast<std::uint64_t>(day), 5);
    return {};
}

Result<std::string> getDate(BitReader& reader) {
    auto year = reader.get(7);
    auto month = reader.get(4);
    auto day = reader.get(5);
    if (!year || !month || !day) return fail(ErrorKind::Invalid, "the EPC ends inside a date");
    if (*year > 99 || *month < 1 || *month > 12 || *day > 31) return fail(ErrorKind::Invalid, "the EPC holds an impossible date");
    auto two = [](std::uint64_t v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); };
    return two(*year) + two(*month) + two(*day);
}

} // namespace lotstation::formats::epc
