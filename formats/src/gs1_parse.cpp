// Splitting GS1 data into (AI, value) pairs, in the raw element-string form and the parenthesised form.
#include "lotstation/formats/display_text.hpp"
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/gs1_ai.hpp"

#include <array>

namespace lotstation::formats {

namespace {

using Elements = std::vector<Gs1Element>;

std::unexpected<Error> fail(std::string message) {
    return std::unexpected(Error{ErrorKind::Invalid, std::move(message)});
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string aiLabel(std::string_view ai) {
    return "AI (" + std::string{ai} + ")";
}

// Error for data at `rest` that should start with an AI but does not start with a known one.
Error noAiAt(std::string_view rest) {
    if (!isDigit(rest[0])) {
        return {ErrorKind::Invalid, "expected an AI but found " + displayChar(rest[0]) + " at \"" +
                displayText(rest, 12) + "\""};
    }
    if (rest.size() < 2 || !isDigit(rest[1]))
        return {ErrorKind::Invalid, "data ends inside an AI (\"" + displayText(rest, 4) + "\")"};
    // Only the leading digits are the AI: what follows may be any byte, even invalid UTF-8, and must not
    // reach the message.
    const std::size_t length = unknownAiLength(rest);
    std::size_t digits = 2;
    while (digits < length && digits < rest.size() && isDigit(rest[digits]))
        ++digits;
    return {ErrorKind::Invalid, "unknown AI (" + std::string{rest.substr(0, digits)} + ")"};
}

Result<Elements> splitElementString(std::string_view data) {
    Elements elements;
    std::size_t pos = 0;
    while (pos < data.size()) {
        if (data[pos] == kGroupSeparator) { // also tolerates a needless GS after a predefined-length field
            ++pos;
            continue;
        }
        const auto rest = data.substr(pos);
        const AiMatch match = matchAiPrefix(rest);
        if (match.spec == nullptr) return std::unexpected(noAiAt(rest));
        pos += match.ai.size();
        std::string_view value;
        if (match.spec->predefinedLength) {
            const std::size_t length = match.spec->maxLength();
            value = data.substr(pos, length);
            if (const auto gs = value.find(kGroupSeparator); gs != std::string_view::npos) {
                return fail(aiLabel(match.ai) + " cut short by a GS separator after " + std::to_string(gs) +
                            " of its " + std::to_string(length) + " characters");
            }
            if (value.size() < length) return fail("data ends inside " + aiLabel(match.ai));
        } else {
            const auto end = data.find(kGroupSeparator, pos);
            value = data.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
            if (value.empty() && pos == data.size()) return fail("data ends inside " + aiLabel(match.ai));
        }
        pos += value.size();
        if (auto valid = validateAiValue(match.ai, value); !valid) return std::unexpected(valid.error());
        elements.push_back({std::string{match.ai}, std::string{value}});
    }
    if (elements.empty()) return fail("no GS1 data after the symbology identifier");
    return elements;
}

// "(" + 2..4 digits + ")" at text[pos]: the start of an AI in the parenthesised form. Returns the AI length.
std::size_t aiOpenerAt(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] != '(') return 0;
    std::size_t length = 0;
    while (pos + 1 + length < text.size() && isDigit(text[pos + 1 + length]) && length < 5)
        ++length;
    if (length < 2 || length > 4 || pos + 1 + length >= text.size() || text[pos + 1 + length] != ')')
        return 0;
    return length;
}

// The value runs to the next "(NN)" opener; a literal "(" that would look like one is written "\(".
Result<Elements> splitHumanReadable(std::string_view text) {
    Elements elements;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t aiLength = aiOpenerAt(text, pos);
        if (aiLength == 0) {
            return fail("expected \"(AI)\" but found \"" + displayText(text.substr(pos), 12) + "\"");
        }
        const auto ai = text.substr(pos + 1, aiLength);
        if (findAi(ai) == nullptr) return fail("unknown AI (" + std::string{ai} + ")");
        pos += aiLength + 2;
        // Printed and hand-typed labels space the form out ("(01) 0950... (10) AB12"); a space is never GS1
        // data, so spaces right after ")" and right before the next "(" are layout.
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        std::string value;
        while (pos < text.size() && aiOpenerAt(text, pos) == 0) {
            if (text[pos] == '\\' && pos + 1 < text.size() && text[pos + 1] == '(') ++pos;
            value += text[pos++];
        }
        while (!value.empty() && value.back() == ' ')
            value.pop_back();
        if (value.empty() && pos == text.size()) return fail("data ends inside " + aiLabel(ai));
        if (auto valid = validateAiValue(ai, value); !valid) return std::unexpected(valid.error());
        elements.push_back({std::string{ai}, std::move(value)});
    }
    if (elements.empty()) return fail("no GS1 data");
    return elements;
}

} // namespace

bool isGs1SymbologyId(std::string_view id) {
    static constexpr std::array<std::string_view, 7> ids{"]C1", "]d2", "]Q3", "]e0", "]e1", "]e2", "]J1"};
    for (auto known : ids) {
        if (id == known) return true;
    }
    return false;
}

Result<Gs1Data> parseGs1(std::string_view text, const Gs1Options& options) {
    if (text.size() >= 3 && isGs1SymbologyId(text.substr(0, 3))) text.remove_prefix(3);
    while (!text.empty() && text.front() == kGroupSeparator)
        text.remove_prefix(1);
    if (text.empty()) return fail("no GS1 data");
    auto elements = text.front() == '(' ? splitHumanReadable(text) : splitElementString(text);
    if (!elements) return std::unexpected(elements.error());
    return gs1FromElements(std::move(*elements), options);
}

std::string toElementString(const std::vector<Gs1Element>& elements) {
    std::string out;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        out += elements[i].ai;
        out += elements[i].value;
        const AiSpec* spec = findAi(elements[i].ai);
        const bool predefined = spec != nullptr && spec->predefinedLength;
        if (!predefined && i + 1 < elements.size()) out += kGroupSeparator;
    }
    return out;
}

std::optional<std::string> elementStringFromHumanReadable(std::string_view text) {
    if (aiOpenerAt(text, 0) == 0) return std::nullopt;
    auto elements = splitHumanReadable(text);
    if (!elements) return std::nullopt;
    return toElementString(*elements);
}

std::string toHumanReadable(const std::vector<Gs1Element>& elements) {
    std::string out;
    for (const auto& element : elements) {
        out += "(" + element.ai + ")";
        for (std::size_t i = 0; i < element.value.size(); ++i) {
            if (aiOpenerAt(element.value, i) != 0) out += '\\';
            out += element.value[i];
        }
    }
    return out;
}

} // namespace lotstation::formats
