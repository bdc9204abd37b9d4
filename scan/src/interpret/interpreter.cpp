#include "lotstation/scan/interpreter.hpp"

#include "lotstation/formats/digital_link.hpp"
#include "lotstation/formats/display_text.hpp"
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/gtin.hpp"
#include "lotstation/formats/own_labels.hpp"
#include "epc_meaning.hpp"
#include "lotstation/formats/epc.hpp"

#include <algorithm>

namespace lotstation::scan {

namespace {

using formats::Gs1Options;
using formats::kGroupSeparator;

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
    return Unreadable{formats::displayText(text), std::move(reason)};
}

// `scanned` is the input as it arrived, shown when the data cannot be read.
Meaning fromGs1(std::string_view data, std::string_view scanned, const Gs1Options& options) {
    auto parsed = formats::parseGs1(data, options);
    if (!parsed) return unreadable(scanned, std::move(parsed.error().message));
    return std::move(*parsed);
}

// EAN-13, EAN-8, UPC-A and UPC-E carry a GTIN and nothing else.
bool isEanUpc(std::string_view id) {
    return id == "]E0" || id == "]E4";
}

bool isGtinCarrier(std::string_view id) {
    return id == "]E0" || id == "]E4" || id == "]I0" || id == "]I1";
}

Meaning lookupKey(std::string_view data, std::string_view text) {
    const std::string_view key = trimSpaces(data);
    if (key.empty()) return unreadable(text, "nothing was read");
    if (!formats::isValidUtf8(key)) return unreadable(text, "not text (invalid UTF-8 bytes)");
    const bool control = std::any_of(key.begin(), key.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
    if (control) return unreadable(text, "contains control characters, so it is no code the station knows");
    if (key.size() > kMaxLookupKeyLength) {
        return unreadable(text, "too long for a code (" + std::to_string(key.size()) + " characters)");
    }
    return LookupKey{std::string{key}, formats::asGtin14(key)};
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

    if (formats::isGs1SymbologyId(id) || data.front() == kGroupSeparator || startsWithParenthesisedAi(data)) {
        return fromGs1(data, text, gs1Options);
    }
    if (isGtinCarrier(id)) {
        const auto upcA = id == "]E0" ? formats::expandUpcE(data) : std::nullopt;
        const std::string_view digits = upcA ? std::string_view{*upcA} : data;
        if (auto gtin = formats::asGtin14(digits)) return fromGs1("01" + *gtin, text, gs1Options);
        // An EAN/UPC symbol is a GTIN by definition: a wrong check digit is said as such (never a lookup that
        // ends in "not found").
        if (isEanUpc(id) && allDigits(digits) && formats::isGtinLength(digits.size()))
            return fromGs1("01" + std::string(14 - digits.size(), '0') + std::string{digits}, text, gs1Options);
    }
    if (formats::isOwnLabelPayload(data)) {
        auto label = formats::decodeOwnLabel(data);
        if (!label) return unreadable(text, std::move(label.error().message));
        return std::visit([](auto&& value) -> Meaning { return std::move(value); }, std::move(*label));
    }
    if (formats::isWebAddress(data)) {
        auto link = formats::parseDigitalLink(trimSpaces(data), gs1Options);
        if (!link) return unreadable(text, std::move(link.error().message));
        return std::move(*link);
    }
    const bool gs1Start =
        data.size() >= 2 && data[0] == '0' && (data[1] == '0' || data[1] == '1' || data[1] == '2');
    if (id.empty() && gs1Start) {
        if (auto parsed = formats::parseGs1(data, gs1Options)) return std::move(*parsed);
    }
    if (id.empty() && formats::looksLikeEpc(trimSpaces(data)))
        return detail::meaningOfEpc(trimSpaces(data), text, gs1Options);
    return lookupKey(data, text);
}

Meaning interpret(const ScannedCode& code, const InterpretOptions& options) {
    return interpret(code.text, code.symbologyId, options);
}

std::string displayScannedText(std::string_view text) {
    return formats::displayText(text);
}

} // namespace lotstation::scan
