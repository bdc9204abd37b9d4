#include "lotstation/scale/protocol.hpp"

#include "protocols/parsers.hpp"

#include <cstdio>
#include <utility>

namespace lotstation::scale {

const char* toString(Protocol protocol) {
    switch (protocol) {
    case Protocol::MtSics: return "mt-sics";
    case Protocol::Toledo8217: return "toledo";
    case Protocol::Continuous: return "continuous";
    case Protocol::AnD: return "and";
    }
    return "mt-sics";
}

Result<std::optional<Protocol>> parseProtocol(std::string_view name) {
    if (name == "auto") return std::optional<Protocol>{};
    for (Protocol protocol : {Protocol::MtSics, Protocol::Toledo8217, Protocol::Continuous, Protocol::AnD})
        if (name == toString(protocol)) return std::optional<Protocol>{protocol};
    return fail(ErrorKind::Invalid,
                "'" + std::string(name) + "' is not a scale protocol (auto, mt-sics, toledo, continuous, and)");
}

Result<Parity> parseParity(std::string_view name) {
    if (name == "none" || name == "n" || name == "N") return Parity::None;
    if (name == "even" || name == "e" || name == "E") return Parity::Even;
    if (name == "odd" || name == "o" || name == "O") return Parity::Odd;
    return fail(ErrorKind::Invalid, "'" + std::string(name) + "' is not a parity (none, even, odd)");
}

const ProtocolSpec& specOf(Protocol protocol) {
    // MT-SICS "SI" (immediate) rather than "S": the station shows the live weight while it settles and
    // judges stability itself from the reply's S / D flag.
    static const ProtocolSpec mtSics{Protocol::MtSics, {9600, 8, Parity::None, 1}, "SI\r\n", "Z\r\n", "T\r\n"};
    // The 8217 has no zero / tare over the line: the operator uses the scale's keys.
    static const ProtocolSpec toledo{Protocol::Toledo8217, {9600, 7, Parity::Even, 1}, "W", "", ""};
    static const ProtocolSpec continuous{Protocol::Continuous, {9600, 8, Parity::None, 1}, "", "", ""};
    static const ProtocolSpec aAndD{Protocol::AnD, {2400, 7, Parity::Even, 1}, "Q\r\n", "Z\r\n", "T\r\n"};
    switch (protocol) {
    case Protocol::MtSics: return mtSics;
    case Protocol::Toledo8217: return toledo;
    case Protocol::Continuous: return continuous;
    case Protocol::AnD: return aAndD;
    }
    return mtSics;
}

const std::vector<Protocol>& autoOrder() {
    static const std::vector<Protocol> order{Protocol::Continuous, Protocol::MtSics, Protocol::AnD,
                                             Protocol::Toledo8217};
    return order;
}

Result<Reply> parseFrame(Protocol protocol, std::string_view frame, std::string_view unit) {
    // STX (Toledo, some indicators) and padding around the frame are framing, not content.
    while (!frame.empty() && (frame.front() == '\x02' || frame.front() == ' ')) frame.remove_prefix(1);
    while (!frame.empty() && (frame.back() == ' ' || frame.back() == '\x03')) frame.remove_suffix(1);
    if (protocol == Protocol::AnD && frame == "\x06") return Reply{std::nullopt, "done"}; // A&D's ACK
    for (char c : frame)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
            if (protocol == Protocol::Toledo8217) break; // its status byte may be any value
            return fail(ErrorKind::Invalid, "frame '" + showFrame(frame) + "' has control or non-ASCII bytes");
        }
    switch (protocol) {
    case Protocol::MtSics: return parseMtSics(frame);
    case Protocol::Toledo8217: return parseToledo(frame, unit);
    case Protocol::Continuous: return parseContinuous(frame);
    case Protocol::AnD: return parseAnD(frame);
    }
    return fail(ErrorKind::Invalid, "unknown protocol");
}

void FrameSplitter::feed(std::string_view bytes) {
    for (char c : bytes) {
        if (c == '\r' || c == '\n') {
            if (m_overflow) m_frames.push_back(std::string(m_maxLine + 1, '?')); // reported as garbage
            else if (!m_current.empty()) m_frames.push_back(m_current);
            m_current.clear();
            m_overflow = false;
        } else if (m_current.size() >= m_maxLine) {
            m_overflow = true;
            m_current.clear();
        } else if (!m_overflow) {
            m_current.push_back(c);
        }
    }
}

std::vector<std::string> FrameSplitter::take() { return std::exchange(m_frames, {}); }

void FrameSplitter::clear() {
    m_current.clear();
    m_frames.clear();
    m_overflow = false;
}

std::string showFrame(std::string_view frame) {
    std::string shown;
    for (char c : frame) {
        if (shown.size() >= 60) {
            shown += "...";
            break;
        }
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
            shown += escaped;
        } else {
            shown.push_back(c);
        }
    }
    return shown;
}

} // namespace lotstation::scale
