#include "lotstation/scan/wedge.hpp"

#include "lotstation/formats/gs1.hpp"

#include <algorithm>

namespace lotstation::scan {

using formats::kGroupSeparator;

namespace {

void appendUtf8(std::string& out, char32_t c) {
    const bool invalid = c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF);
    const std::uint32_t v = invalid ? 0xFFFD : static_cast<std::uint32_t>(c);
    const auto byte = [](std::uint32_t b) { return static_cast<char>(b); };
    if (v < 0x80) {
        out += byte(v);
    } else if (v < 0x800) {
        out += byte(0xC0 | (v >> 6));
        out += byte(0x80 | (v & 0x3F));
    } else if (v < 0x10000) {
        out += byte(0xE0 | (v >> 12));
        out += byte(0x80 | ((v >> 6) & 0x3F));
        out += byte(0x80 | (v & 0x3F));
    } else {
        out += byte(0xF0 | (v >> 18));
        out += byte(0x80 | ((v >> 12) & 0x3F));
        out += byte(0x80 | ((v >> 6) & 0x3F));
        out += byte(0x80 | (v & 0x3F));
    }
}

bool isAimId(std::string_view text) {
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    return text.size() >= 3 && text[0] == ']' && letter(text[1]) &&
           (letter(text[2]) || (text[2] >= '0' && text[2] <= '9'));
}

void replaceAll(std::string& text, std::string_view from, char to) {
    if (from.empty()) return;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
        text.replace(at, from.size(), 1, to);
    }
}

} // namespace

Symbology symbologyFromAimId(std::string_view aimId) {
    if (aimId.size() < 3 || aimId[0] != ']') return Symbology::Unknown;
    switch (aimId[1]) {
    case 'C':
        return Symbology::Code128;
    case 'd':
        return Symbology::DataMatrix;
    case 'Q':
        return Symbology::QrCode;
    case 'E':
        return aimId[2] == '4' ? Symbology::Ean8 : Symbology::Ean13;
    case 'e':
        return Symbology::DataBar;
    case 'I':
        return Symbology::Itf;
    case 'A':
        return Symbology::Code39;
    case 'L':
        return Symbology::Pdf417;
    default:
        return Symbology::Unknown;
    }
}

WedgeReader::WedgeReader(WedgeOptions options) : m_options(std::move(options)) {}

void WedgeReader::releaseAsTyping(std::vector<WedgeOutput>& out) {
    for (const auto& key : m_pending)
        out.emplace_back(key);
    m_pending.clear();
}

ScannedCode WedgeReader::toScannedCode(std::chrono::steady_clock::time_point end) const {
    std::string text;
    for (const auto& key : m_pending) {
        if (key.kind == WedgeKeyKind::Character) {
            appendUtf8(text, key.character);
        } else if (key.kind == WedgeKeyKind::FunctionKey &&
                   std::find(m_options.gsFunctionKeys.begin(), m_options.gsFunctionKeys.end(),
                             key.functionKey) != m_options.gsFunctionKeys.end()) {
            text += kGroupSeparator;
        }
    }
    ScannedCode code;
    if (isAimId(text)) {
        code.symbologyId = text.substr(0, 3);
        code.symbology = symbologyFromAimId(code.symbologyId);
        text.erase(0, 3);
    }
    for (const auto& substitute : m_options.gsSubstitutes)
        replaceAll(text, substitute, kGroupSeparator);
    code.text = std::move(text);
    code.origin = ScanOrigin::Wedge;
    code.frameTime = end;
    return code;
}

std::vector<WedgeOutput> WedgeReader::feed(const WedgeKey& key) {
    std::vector<WedgeOutput> out;
    // After an over-long run, the rest of that run (up to a pause) is typing too, never the tail of a "scan".
    if (m_overflowAt && key.at - *m_overflowAt <= m_options.maxGap) {
        m_overflowAt = key.at;
        out.emplace_back(key);
        return out;
    }
    m_overflowAt.reset();
    if (!m_pending.empty() && key.at - m_pending.back().at > m_options.maxGap) releaseAsTyping(out);

    const bool terminator =
        key.kind == WedgeKeyKind::Enter || (key.kind == WedgeKeyKind::Tab && m_options.tabEndsBurst);
    if (!terminator) {
        m_pending.push_back(key);
        if (m_pending.size() > m_options.maxLength) {
            releaseAsTyping(out);
            m_overflowAt = key.at;
        }
        return out;
    }
    // Scanners that end with CR LF send two terminators back to back: the second belongs to the burst.
    if (m_pending.empty() && m_lastBurstEnd && key.at - *m_lastBurstEnd <= m_options.maxGap) {
        m_lastBurstEnd.reset();
        return out;
    }
    if (m_pending.size() >= m_options.minLength) {
        out.emplace_back(toScannedCode(key.at));
        m_pending.clear();
        m_lastBurstEnd = key.at;
        return out;
    }
    releaseAsTyping(out);
    out.emplace_back(key);
    return out;
}

std::vector<WedgeOutput> WedgeReader::poll(std::chrono::steady_clock::time_point now) {
    std::vector<WedgeOutput> out;
    if (!m_pending.empty() && now - m_pending.back().at > m_options.maxGap) releaseAsTyping(out);
    return out;
}

} // namespace lotstation::scan
