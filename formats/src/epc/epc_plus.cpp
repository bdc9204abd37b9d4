#include "epc/epc_plus.hpp"

#include "epc/epc_bits.hpp"
#include "epc/epc_parts.hpp"

#include <algorithm>
#include <array>

namespace lotstation::formats::epc {
namespace {

// DSGTIN+'s date type field: the AI of the date it carries.
constexpr std::array<std::string_view, 7> kDateTypes{"11", "13", "15", "16", "17", "7006", "7007"};
constexpr std::array<std::string_view, 5> kDateAis{"11", "13", "15", "16", "17"};

bool isDateAi(std::string_view ai) { return std::find(kDateAis.begin(), kDateAis.end(), ai) != kDateAis.end(); }

Result<void> putAi(BitWriter& writer, const EpcElement& element) {
    if (element.ai != "10" && !isDateAi(element.ai))
        return fail(ErrorKind::Invalid, "AI (" + element.ai + ") cannot go in the tag's +AIDC data here (lot 10 and "
                                        "the dates 11, 13, 15, 16, 17 can)");
    for (char digit : element.ai) writer.put(static_cast<std::uint64_t>(digit - '0'), 4);
    if (element.ai == "10") {
        if (element.value.empty() || element.value.size() > 20 ||
            !std::all_of(element.value.begin(), element.value.end(), isGs1Character))
            return fail(ErrorKind::Invalid, "lot '" + element.value + "' is not 1-20 GS1 characters");
        putAlphanumeric(writer, element.value, 5);
        return {};
    }
    return putDate(writer, element.value);
}

// How many digits an AI starting with these two has (GS1 General Specifications, the AI prefix table).
int aiLength(std::uint64_t firstTwoBcd) {
    switch (firstTwoBcd) {
    case 0x23: case 0x24: case 0x25: case 0x40: case 0x41: case 0x42: case 0x71: return 3;
    case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x39: case 0x43: case 0x70:
    case 0x72: case 0x80: case 0x81: case 0x82: return 4;
    default: return 2;
    }
}

Result<EpcElement> getAi(BitReader& reader) {
    auto firstTwo = reader.get(8);
    if (!firstTwo) return std::unexpected(firstTwo.error());
    std::string ai;
    auto appendBcd = [&](std::uint64_t bcd, int digits) -> bool {
        for (int i = digits - 1; i >= 0; --i) {
            const auto digit = (bcd >> (4 * i)) & 0xFU;
            if (digit > 9) return false;
            ai.push_back(static_cast<char>('0' + digit));
        }
        return true;
    };
    if (!appendBcd(*firstTwo, 2)) return fail(ErrorKind::Invalid, "the tag's +AIDC data holds a malformed AI");
    const int extra = aiLength(*firstTwo) - 2;
    if (extra > 0) {
        auto rest = reader.get(4 * extra);
        if (!rest || !appendBcd(*rest, extra)) return fail(ErrorKind::Invalid, "the tag's +AIDC data holds a malformed AI");
    }
    if (ai == "10") {
        auto lot = getAlphanumeric(reader, 5);
        if (!lot) return std::unexpected(lot.error());
        return EpcElement{ai, *lot};
    }
    if (isDateAi(ai)) {
        auto date = getDate(reader);
        if (!date) return std::unexpected(date.error());
        return EpcElement{ai, *date};
    }
    return fail(ErrorKind::Invalid, "AI (" + ai + ") in the tag's +AIDC data is not one the station reads");
}

const std::string* valueOf(const Epc& epc, std::string_view ai) {
    for (const auto& element : epc.elements)
        if (element.ai == ai) return &element.value;
    return nullptr;
}

} // namespace

Result<std::string> encodePlus(const Epc& epc) {
    const bool dated = epc.scheme == EpcScheme::DsgtinPlus;
    if (epc.filter < 0 || epc.filter > 7) return fail(ErrorKind::Invalid, "filter " + std::to_string(epc.filter) + " is not 0-7");
    const auto* gtin = valueOf(epc, "01");
    const auto* serial = valueOf(epc, "21");
    if (gtin == nullptr || gtin->size() != 14 || !allDigits(*gtin))
        return fail(ErrorKind::Invalid, std::string(toString(*epc.scheme)) + " needs a 14-digit GTIN (01)");
    if (serial == nullptr || serial->empty() || serial->size() > 20 ||
        !std::all_of(serial->begin(), serial->end(), isGs1Character))
        return fail(ErrorKind::Invalid, std::string(toString(*epc.scheme)) + " needs a serial (21) of 1-20 GS1 characters");
    const EpcElement* date = nullptr;
    if (dated) {
        for (std::string_view preferred : {"17", "15", "16", "11", "13"})
            for (const auto& element : epc.elements)
                if (date == nullptr && element.ai == preferred) date = &element;
        if (date == nullptr) return fail(ErrorKind::Invalid, "dsgtin+ needs a date: expiry (17), best before (15), ...");
    }
    std::vector<const EpcElement*> aidc;
    for (const auto& element : epc.elements)
        if (element.ai != "01" && element.ai != "21" && &element != date) aidc.push_back(&element);
    BitWriter writer;
    writer.put(dated ? 0xFB : 0xF7, 8);
    writer.put(aidc.empty() ? 0 : 1, 1);
    writer.put(static_cast<std::uint64_t>(epc.filter), 3);
    if (dated) {
        const auto type = std::find(kDateTypes.begin(), kDateTypes.end(), date->ai) - kDateTypes.begin();
        writer.put(static_cast<std::uint64_t>(type), 4);
        if (auto ok = putDate(writer, date->value); !ok) return std::unexpected(ok.error());
    }
    for (char digit : *gtin) writer.put(static_cast<std::uint64_t>(digit - '0'), 4);
    putAlphanumeric(writer, *serial, 5);
    for (const auto* element : aidc)
        if (auto ok = putAi(writer, *element); !ok) return std::unexpected(ok.error());
    return writer.hex(16);
}

Result<Epc> decodePlus(EpcScheme scheme, std::vector<bool> bits) {
    BitReader reader(std::move(bits));
    (void)reader.get(8);
    auto toggle = reader.get(1);
    auto filter = reader.get(3);
    if (!toggle || !filter) return fail(ErrorKind::Invalid, std::string(toString(scheme)) + " is too short");
    Epc epc;
    epc.scheme = scheme;
    epc.filter = static_cast<int>(*filter);
    std::optional<EpcElement> date;
    if (scheme == EpcScheme::DsgtinPlus) {
        auto type = reader.get(4);
        if (!type) return std::unexpected(type.error());
        if (*type >= kDateTypes.size()) return fail(ErrorKind::Invalid, "dsgtin+ date type " + std::to_string(*type) + " is not defined");
        auto value = getDate(reader);
        if (!value) return std::unexpected(value.error());
        date = EpcElement{std::string(kDateTypes[*type]), *value};
    }
    std::string gtin;
    for (int i = 0; i < 14; ++i) {
        auto digit = reader.get(4);
        if (!digit) return std::unexpected(digit.error());
        if (*digit > 9) return fail(ErrorKind::Invalid, "the GTIN in the tag holds a non-digit");
        gtin.push_back(static_cast<char>('0' + *digit));
    }
    if (checkDigitOf(std::string_view(gtin).substr(0, 13)) != gtin[13])
        return fail(ErrorKind::Invalid, "GTIN " + gtin + " in the tag has a wrong check digit");
    auto serial = getAlphanumeric(reader, 5);
    if (!serial) return std::unexpected(serial.error());
    epc.elements.push_back({"01", gtin});
    epc.elements.push_back({"21", *serial});
    if (date) epc.elements.push_back(*date);
    if (*toggle == 1) {
        while (reader.left() >= 8 && !reader.restIsZero()) {
            auto element = getAi(reader);
            if (!element) return std::unexpected(element.error());
            epc.elements.push_back(std::move(*element));
        }
    }
    if (!reader.restIsZero()) return fail(ErrorKind::Invalid, "bits after the " + std::string(toString(scheme)) + " are not zero");
    return epc;
}

} // namespace lotstation::formats::epc
