// Properties of the formats/ parsers and scan/ interpreter: what parses re-serialises and re-parses to the same data, what is
// refused is refused with a reason, and the interpreter turns any bytes into a meaning it can describe.
#include "lotstation/formats/digital_link.hpp"
#include "lotstation/formats/gs1.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/formats/own_labels.hpp"
#include "properties.hpp"

#include <algorithm>
#include <array>
#include <chrono>

namespace lotstation::fuzz {
namespace {

using namespace std::chrono_literals;

// A fixed reference year keeps two-digit GS1 years deterministic across runs.
constexpr formats::Gs1Options kGs1Options{.referenceYear = std::chrono::year{2026}};

bool validUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t point = 0;
        if (lead < 0x80) {
            length = 1;
            point = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            point = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            point = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            point = lead & 0x07;
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            point = (point << 6) | (next & 0x3F);
        }
        constexpr std::array<char32_t, 5> kSmallest{0, 0, 0x80, 0x800, 0x10000};
        if (point < kSmallest[length] || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

bool hasControlCharacter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
}

std::string shown(std::string_view text) {
    return "\"" + scan::displayScannedText(text) + "\"";
}

// Parsing `text` must give exactly `expected` (elements and every typed field).
void requireSameGs1(std::string_view form, const std::string& text, const scan::Gs1Data& expected) {
    const auto again = formats::parseGs1(text, kGs1Options);
    require(again.has_value(),
            std::string(form) + " form " + shown(text) +
                " of parsed GS1 data is refused: " + (again ? std::string() : again.error().message));
    require(*again == expected, std::string(form) + " form " + shown(text) + " parses to different data");
}

void checkGs1Data(const scan::Gs1Data& data) {
    require(!data.elements.empty(), "parsed GS1 data without elements");
    requireSameGs1("element string", formats::toElementString(data.elements), data);
    requireSameGs1("human-readable", formats::toHumanReadable(data.elements), data);
    const auto rebuilt = formats::gs1FromElements(data.elements, kGs1Options);
    require(rebuilt.has_value() && *rebuilt == data, "gs1FromElements disagrees with parseGs1");
    if (data.gtin) require(data.gtin->size() == 14, "GTIN is not 14 digits: " + *data.gtin);
    if (data.netWeight) {
        require(data.netWeight->units >= 0, "negative net weight");
        (void)scan::toMilligrams(*data.netWeight);
        require(!scan::formatNetWeight(*data.netWeight).empty(), "empty net weight text");
    }
}

void checkLabelRoundTrip(const formats::OwnLabel& label) {
    const auto payload = formats::encodeOwnLabel(label);
    require(formats::isOwnLabelPayload(payload), "encoded label " + shown(payload) + " is not an own payload");
    const auto decoded = formats::decodeOwnLabel(payload);
    require(decoded.has_value(), "encoded label " + shown(payload) + " does not decode: " +
                                     (decoded ? std::string() : decoded.error().message));
    require(*decoded == label, "label " + shown(payload) + " decodes to a different label");
}

// Which values a label may carry: non-empty UTF-8 text without control characters.
bool labelValueAllowed(std::string_view value) {
    return !value.empty() && validUtf8(value) && !hasControlCharacter(value);
}

} // namespace

void checkGs1(Bytes input) {
    const auto text = asText(input);
    const auto parsed = formats::parseGs1(text, kGs1Options);
    if (!parsed) {
        require(!parsed.error().message.empty(), "GS1 refusal without a reason for " + shown(text));
        return;
    }
    checkGs1Data(*parsed);
}

void checkDigitalLink(Bytes input) {
    const auto text = asText(input);
    const auto parsed = formats::parseDigitalLink(text, kGs1Options);
    if (!parsed) {
        require(!parsed.error().message.empty(), "Digital Link refusal without a reason for " + shown(text));
        return;
    }
    require(formats::isWebAddress(text), "a Digital Link that is not a web address: " + shown(text));
    checkGs1Data(parsed->data);
    // The canonical URI built from the elements reads back as the same data.
    const auto built = formats::buildDigitalLink(parsed->data.elements);
    require(built.has_value(), "parsed Digital Link " + shown(text) +
                                   " cannot be rebuilt: " + (built ? std::string() : built.error().message));
    const auto again = formats::parseDigitalLink(*built, kGs1Options);
    require(again.has_value(), "rebuilt Digital Link " + shown(*built) +
                                   " is refused: " + (again ? std::string() : again.error().message));
    require(again->data == parsed->data,
            "rebuilt Digital Link " + shown(*built) + " reads as different data");
}

void checkInterpreter(Bytes input) {
    // The first byte picks the symbology identifier the camera or scanner would have sent with the text.
    constexpr std::array<std::string_view, 12> kIds{"",    "]C1", "]d2", "]Q3", "]e0", "]E0",
                                                    "]E4", "]I1", "]Q1", "]C0", "]d1", "]J1"};
    const auto symbologyId = input.empty() ? std::string_view{} : kIds[input[0] % kIds.size()];
    const auto text = asText(input.empty() ? input : input.subspan(1));
    const scan::InterpretOptions options{.referenceYear = std::chrono::year{2026}};
    const auto meaning = scan::interpret(text, symbologyId, options);
    require(meaning == scan::interpret(text, symbologyId, options), "interpret is not deterministic");

    const auto description = scan::describe(meaning);
    require(!description.empty() && validUtf8(description), "describe() gives empty or invalid UTF-8 text");
    const auto display = scan::displayScannedText(text);
    require(validUtf8(display) && !hasControlCharacter(display),
            "displayScannedText leaves control characters or invalid UTF-8");

    if (const auto* data = std::get_if<scan::Gs1Data>(&meaning)) {
        checkGs1Data(*data);
    } else if (const auto* link = std::get_if<scan::DigitalLink>(&meaning)) {
        checkGs1Data(link->data);
    } else if (const auto* key = std::get_if<scan::LookupKey>(&meaning)) {
        require(!key->key.empty() && key->key.size() <= 4 * 256, "lookup key empty or too long");
        require(validUtf8(key->key) && !hasControlCharacter(key->key),
                "lookup key with control characters or invalid UTF-8: " + shown(key->key));
        if (key->gtin) {
            require(key->gtin->size() == 14 && std::all_of(key->gtin->begin(), key->gtin->end(),
                                                           [](char c) { return c >= '0' && c <= '9'; }),
                    "lookup GTIN is not 14 digits: " + *key->gtin);
        }
    } else if (const auto* unreadable = std::get_if<scan::Unreadable>(&meaning)) {
        require(!unreadable->reason.empty(), "unreadable without a reason: " + shown(text));
        require(validUtf8(unreadable->shown) && !hasControlCharacter(unreadable->shown),
                "unreadable text shown with control characters or invalid UTF-8");
    } else if (const auto* lot = std::get_if<scan::OwnLot>(&meaning)) {
        checkLabelRoundTrip(*lot);
    } else if (const auto* location = std::get_if<scan::OwnLocation>(&meaning)) {
        checkLabelRoundTrip(*location);
    } else if (const auto* badge = std::get_if<scan::OwnBadge>(&meaning)) {
        checkLabelRoundTrip(*badge);
    } else if (const auto* command = std::get_if<scan::OwnCommand>(&meaning)) {
        checkLabelRoundTrip(*command);
    }
}

void checkOwnLabels(Bytes input) {
    const auto text = asText(input);
    // 1. Any payload: what decodes encodes to a payload that decodes to the same label.
    const auto decoded = formats::decodeOwnLabel(text);
    if (decoded) {
        checkLabelRoundTrip(*decoded);
    } else {
        require(!decoded.error().message.empty(), "label refusal without a reason for " + shown(text));
    }
    // 2. Any value: encode then decode is the identity for every value a label may carry, and a clear
    // refusal for the rest.
    const auto allowed = labelValueAllowed(text);
    const std::array<formats::OwnLabel, 3> labels{scan::OwnLot{std::string(text)},
                                               scan::OwnLocation{std::string(text)},
                                               scan::OwnBadge{std::string(text)}};
    for (const auto& label : labels) {
        const auto payload = formats::encodeOwnLabel(label);
        const auto back = formats::decodeOwnLabel(payload);
        if (allowed) {
            require(back.has_value() && *back == label, "encode then decode of " + shown(text) + " differs");
        } else {
            require(!back.has_value(), "value " + shown(text) + " that a label cannot carry was accepted");
        }
    }
    const auto escaped = formats::percentEncodeLabelValue(text);
    require(!hasControlCharacter(escaped) && validUtf8(escaped), "escaped value has unsafe bytes");
    const auto unescaped = formats::percentDecodeLabelValue(escaped);
    require(unescaped.has_value() == (validUtf8(text) && !hasControlCharacter(text)),
            "percent-decoding an escaped value accepts or refuses the wrong values");
    if (unescaped) require(*unescaped == text, "percent escaping does not round-trip " + shown(text));
}

} // namespace lotstation::fuzz
