#include "decode/element_string.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace lotstation::scan::detail {
namespace {

struct PredefinedAi {
    std::string_view prefix; // first two digits of the AI
    int aiLength;            // digits of the AI itself
    int dataLength;          // digits of data that follow
};

// The GS1 table of element strings with predefined length (AI prefix -> total length).
constexpr std::array<PredefinedAi, 22> kPredefined{{
    {"00", 2, 18}, {"01", 2, 14}, {"02", 2, 14}, {"03", 2, 14}, {"04", 2, 16}, {"11", 2, 6},
    {"12", 2, 6},  {"13", 2, 6},  {"14", 2, 6},  {"15", 2, 6},  {"16", 2, 6},  {"17", 2, 6},
    {"18", 2, 6},  {"19", 2, 6},  {"20", 2, 2},  {"31", 4, 6},  {"32", 4, 6},  {"33", 4, 6},
    {"34", 4, 6},  {"35", 4, 6},  {"36", 4, 6},  {"41", 3, 13},
}};

const PredefinedAi* findPredefined(std::string_view ai) {
    if (ai.size() < 2) return nullptr;
    for (const auto& p : kPredefined)
        if (ai.substr(0, 2) == p.prefix && static_cast<int>(ai.size()) == p.aiLength) return &p;
    return nullptr;
}

// Length of an "(NNNN)" marker at pos (2 to 4 digits), or 0 when there is none.
std::size_t markerLength(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] != '(') return 0;
    std::size_t digits = 0;
    while (pos + 1 + digits < text.size() && std::isdigit(static_cast<unsigned char>(text[pos + 1 + digits])))
        ++digits;
    if (digits < 2 || digits > 4 || pos + 1 + digits >= text.size() || text[pos + 1 + digits] != ')')
        return 0;
    return digits + 2;
}

} // namespace

bool hasPredefinedLength(std::string_view ai) {
    if (ai.size() < 2) return false;
    for (const auto& p : kPredefined)
        if (ai.substr(0, 2) == p.prefix) return true;
    return false;
}

std::optional<std::string> elementStringFromParenthesised(std::string_view text) {
    if (markerLength(text, 0) == 0) return std::nullopt;
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t marker = markerLength(text, pos);
        if (marker == 0) return std::nullopt;
        const std::string_view ai = text.substr(pos + 1, marker - 2);
        pos += marker;
        std::size_t end = pos;
        if (const auto* fixed = findPredefined(ai)) {
            // Known length: data may even contain "(" without being mistaken for the next AI.
            end = std::min(text.size(), pos + static_cast<std::size_t>(fixed->dataLength));
        } else {
            // Variable length: runs to the next "(AI)" marker. Data holding such a marker is ambiguous in
            // the parenthesised form itself; we take the marker.
            while (end < text.size() && markerLength(text, end) == 0)
                ++end;
        }
        out += ai;
        out += text.substr(pos, end - pos);
        pos = end;
        if (pos < text.size() && !hasPredefinedLength(ai)) out += kGroupSeparator;
    }
    return out;
}

} // namespace lotstation::scan::detail
