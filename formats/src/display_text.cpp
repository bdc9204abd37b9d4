#include "lotstation/formats/display_text.hpp"

#include <array>

namespace lotstation::formats {

namespace {

std::string hexEscape(unsigned char byte) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    return std::string{"\\x"} + digits[byte >> 4] + digits[byte & 0x0F];
}

std::string controlName(unsigned char byte) {
    switch (byte) {
    case 0x1D:
        return "<GS>";
    case 0x1E:
        return "<RS>";
    case 0x04:
        return "<EOT>";
    case '\r':
        return "<CR>";
    case '\n':
        return "<LF>";
    case '\t':
        return "<TAB>";
    default:
        return hexEscape(byte);
    }
}

} // namespace

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned minSecond = 0x80;
    unsigned maxSecond = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) minSecond = 0xA0; // overlong
        if (lead == 0xED) maxSecond = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) minSecond = 0x90; // overlong
        if (lead == 0xF4) maxSecond = 0x8F; // beyond U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    if (byte(pos + 1) < minSecond || byte(pos + 1) > maxSecond) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    }
    return length;
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = utf8SequenceLength(text, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

std::string displayText(std::string_view text, std::size_t maxCodePoints) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (shown == maxCodePoints) {
            out += "…";
            break;
        }
        const auto byte = static_cast<unsigned char>(text[pos]);
        const std::size_t length = utf8SequenceLength(text, pos);
        if (length == 0) {
            out += hexEscape(byte);
            ++pos;
        } else if (byte < 0x20 || byte == 0x7F) {
            out += controlName(byte);
            ++pos;
        } else if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[pos + 1]) < 0xA0) {
            out += hexEscape(byte); // C1 control characters (U+0080..U+009F) are as dangerous as C0 ones
            out += hexEscape(static_cast<unsigned char>(text[pos + 1]));
            pos += 2;
        } else {
            out.append(text.substr(pos, length));
            pos += length;
        }
        ++shown;
    }
    return out;
}

std::string displayChar(char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) return controlName(byte);
    return std::string{"'"} + c + "'";
}

} // namespace lotstation::formats
