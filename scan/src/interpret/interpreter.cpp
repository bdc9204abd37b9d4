#include "lotstation/scan/interpreter.hpp"

#include "display_text.hpp"
#include "epc_meaning.hpp"
#include "lotstation/formats/epc.hpp"
#include "lotstation/scan/gs1_ai.hpp"

#include <algorithm>

namespace lotstation::scan {

namespace {

constexpr std::size_t kMaxLookupKeyLength = 256;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

// "]" + letter + digit/letter: an AIM symbology identifier (ISO/IEC 15424) as scanners prefix it.
bool startsWithAimId(std::string_view text) {
    const auto alnum = [](char c) { return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    return text.size() >= 3 && text[0] == ']' &&
           ((text[1] >= 'A' && text[1] <= 'Z') || (text[1] >= 'a' && text[1] <= 'z')) && alnum(text[2]);
}

// Scanners and decoders add CR, LF, TAB, NUL or EOT around the data; GS stays because a leading GS is FNC1.
bool isStrippableControl(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != kGroupSeparator) || byte == 0x7F;
}

std::string_view stripControls(std::string_view text) {
    while (!text.empty() && isStrippableControl(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && (isStrippableControl(text.back()) || text.back() == kGroupSeparator))
        text.remove_suffix(1);
    return text;
}

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || isStrippableControl(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || isStrippableControl(text.back())))
        text.remove_suffix(1);
    return text;
}

bool startsWithParenthesisedAi(std::string_view text) {
    std::size_t digits = 0;
    while (1 + digits < text.size() && isDigit(text[1 + digits]))
        ++digits;
    return !text.empty() && text[0] == '(' && digits >= 2 && digits <= 4 && 1 + digits < text.size() &&
           text[1 + digits] == ')';
}

Unreadable unreadable(std::string_view text, std::string reason) {
    return Unreadable{detail::displayText(text), std::move(reason)};
}

// `scanned` is the input as it arrived, shown when the data cannot be read.
Meaning fromGs1(std::string_view data, std::string_view scanned, const Gs1Options& options) {
    auto parsed = parseGs1(data, options);
    if (!parsed) return unreadable(scanned, std::move(parsed.error().message));
    return std::move(*parsed);
}

std::optional<std::string> asGtin(std::string_view text) {
    if (!allDigits(text) ||
        !(text.size() == 8 || text.size() == 12 || text.size() == 13 || text.size() == 14)) {
        return std::nullopt;
    }
    if (gs1CheckDigit(text.substr(0, text.size() - 1)) != text.back() - '0') return std::nullopt;
    return std::string(14 - text.size(), '0') + std::string{text};
}

// UPC-E (8 digits, also sent as ]E0) is a zero-suppressed UPC-A; the GTIN is the expanded 12 digits.
std::optional<std::string> expandUpcE(std::string_view upcE) {
    if (upcE.size() != 8 || !allDigits(upcE) || (upcE[0] != '0' && upcE[0] != '1')) return std::nullopt;
    const std::string d{upcE.substr(1, 6)};
    std::string body; // manufacturer (5) + product (5)
    switch (d[5]) {
    case '0':
    case '1':
    case '2':
        body = d.substr(0, 2) + d[5] + "0000" + d.substr(2, 3);
        break;
    case '3':
        body = d.substr(0, 3) + "00000" + d.substr(3, 2);
        break;
    case '4':
        body = d.substr(0, 4) + "00000" + d[4];
        break;
    default:
        body = d.substr(0, 5) + "0000" + d[5];
        break;
    }
    return std::string{upcE[0]} + body + upcE[7];
}

bool isGtinCarrier(std::string_view id) {
    return id == "]E0" || id == "]E4" || id == "]I0" || id == "]I1";
}

Meaning lookupKey(std::string_view data, std::string_view text) {
    const std::string_view key = trimSpaces(data);
    if (key.empty()) return unreadable(text, "nothing was read");
    if (!detail::isValidUtf8(key)) return unreadable(text, "not text (invalid UTF-8 bytes)");
    const bool control = std::any_of(key.begin(), key.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
    if (control) return unreadable(text, "contains control characters, so it is no code the station knows");
    if (key.size() > kMaxLookupKeyLength) {
        return unreadable(text, "too long for a code (" + std::to_string(key.size()) + " characters)");
    }
    return LookupKey{std::string{key}, asGtin(key)};
}

} // namespace

Meaning interpret(std::string_view text, std::string_view symbologyId, const InterpretOptions& options) {
    const Gs1Options gs1Options{options.referenceYear};
    std::string_view data = stripControls(text);
    std::string_view id = symbologyId;
    if ((id.empty() && startsWithAimId(data)) || (!id.empty() && data.starts_with(id))) {
        id = data.substr(0, 3);
        data = stripControls(data.substr(3));
    }
    if (data.empty()) return unreadable(text, "nothing was read");

    if (isGs1SymbologyId(id) || data.front() == kGroupSeparator || startsWithParenthesisedAi(data)) {
        return fromGs1(data, text, gs1Options);
    }
    if (isGtinCarrier(id)) {
        const auto upcA = id == "]E0" ? expandUpcE(data) : std::nullopt;
        if (auto gtin = asGtin(upcA ? std::string_view{*upcA} : data))
            return fromGs1("01" + *gtin, text, gs1Options);
    }
    if (isOwnLabelPayload(data)) {
        auto label = decodeOwnLabel(data);
        if (!label) return unreadable(text, std::move(label.error().message));
        return std::visit([](auto&& value) -> Meaning { return std::move(value); }, std::move(*label));
    }
    if (isWebAddress(data)) {
        auto link = parseDigitalLink(trimSpaces(data), gs1Options);
        if (!link) return unreadable(text, std::move(link.error().message));
        return std::move(*link);
    }
    const bool gs1Start =
        data.size() >= 2 && data[0] == '0' && (data[1] == '0' || data[1] == '1' || data[1] == '2');
    if (id.empty() && gs1Start) {
        if (auto parsed = parseGs1(data, gs1Options)) return std::move(*parsed);
    }
    if (id.empty() && formats::looksLikeEpc(trimSpaces(data)))
        return detail::meaningOfEpc(trimSpaces(data), text, gs1Options);
    return lookupKey(data, text);
}

Meaning interpret(const ScannedCode& code, const InterpretOptions& options) {
    return interpret(code.text, code.symbologyId, options);
}

std::string displayScannedText(std::string_view text) {
    return detail::displayText(text);
}

} // namespace lotstation::scan
