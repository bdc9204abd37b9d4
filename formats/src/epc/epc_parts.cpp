#include "epc/epc_parts.hpp"

#include "epc/epc_bits.hpp"
#include "lotstation/formats/gtin.hpp"

#include <algorithm>

namespace lotstation::formats::epc {
namespace {

struct PartitionRow {
    int companyBits, companyDigits, referenceBits, referenceDigits;
};

// TDS partition tables, row = partition value 0-6 (company prefix of 12 down to 6 digits).
const PartitionRow& partitionRow(Family family, int partition) {
    static const PartitionRow sgtin[7] = {{40, 12, 4, 1},  {37, 11, 7, 2},  {34, 10, 10, 3}, {30, 9, 14, 4},
                                          {27, 8, 17, 5},  {24, 7, 20, 6},  {20, 6, 24, 7}};
    static const PartitionRow sscc[7] = {{40, 12, 18, 5}, {37, 11, 21, 6}, {34, 10, 24, 7}, {30, 9, 28, 8},
                                         {27, 8, 31, 9},  {24, 7, 34, 10}, {20, 6, 38, 11}};
    static const PartitionRow sgln[7] = {{40, 12, 1, 0},  {37, 11, 4, 1},  {34, 10, 7, 2},  {30, 9, 11, 3},
                                         {27, 8, 14, 4},  {24, 7, 17, 5},  {20, 6, 21, 6}};
    static const PartitionRow grai[7] = {{40, 12, 4, 0},  {37, 11, 7, 1},  {34, 10, 10, 2}, {30, 9, 14, 3},
                                         {27, 8, 17, 4},  {24, 7, 20, 5},  {20, 6, 24, 6}};
    static const PartitionRow giai[7] = {{40, 12, 42, 13}, {37, 11, 45, 14}, {34, 10, 48, 15}, {30, 9, 52, 16},
                                         {27, 8, 55, 17},  {24, 7, 58, 18},  {20, 6, 62, 19}};
    switch (family) {
    case Family::Sgtin: return sgtin[partition];
    case Family::Sscc: return sscc[partition];
    case Family::Sgln: return sgln[partition];
    case Family::Grai: return grai[partition];
    case Family::Giai: return giai[partition];
    }
    return sgtin[partition];
}

int headerOf(EpcScheme scheme) {
    switch (scheme) {
    case EpcScheme::Sgtin96: return 0x30;
    case EpcScheme::Sgtin198: return 0x36;
    case EpcScheme::Sscc96: return 0x31;
    case EpcScheme::Sgln96: return 0x32;
    case EpcScheme::Grai96: return 0x33;
    case EpcScheme::Giai96: return 0x34;
    case EpcScheme::SgtinPlus: return 0xF7;
    case EpcScheme::DsgtinPlus: return 0xFB;
    }
    return 0;
}

// The trailing integer field of SGTIN-96, GRAI-96 (serial) and SGLN-96 (extension), and GIAI-96's asset ref.
Result<void> checkInteger(std::string_view value, int bits, std::string_view what, EpcScheme scheme) {
    if (!allDigits(value) || (value.size() > 1 && value.front() == '0'))
        return fail(ErrorKind::Invalid, std::string(what) + " '" + std::string(value) + "' cannot be held by " +
                                            toString(scheme) + ": it takes digits only, without leading zeros" +
                                            (scheme == EpcScheme::Sgtin96 ? " (use sgtin-198 or sgtin+)" : ""));
    if (!decimalLess(value, powerOfTwo(bits)))
        return fail(ErrorKind::Invalid, std::string(what) + " " + std::string(value) + " is too large for " +
                                            toString(scheme) + " (at most " +
                                            std::to_string(bits) + " bits)");
    return {};
}

} // namespace

char checkDigitOf(std::string_view digits) { return static_cast<char>('0' + gs1CheckDigit(digits)); }

bool isGs1Character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("!\"%&'()*+,-./:;<=>?_").find(c) != std::string_view::npos;
}

Family familyOf(EpcScheme scheme) {
    switch (scheme) {
    case EpcScheme::Sscc96: return Family::Sscc;
    case EpcScheme::Sgln96: return Family::Sgln;
    case EpcScheme::Grai96: return Family::Grai;
    case EpcScheme::Giai96: return Family::Giai;
    default: return Family::Sgtin;
    }
}

const char* uriName(Family family) {
    switch (family) {
    case Family::Sgtin: return "sgtin";
    case Family::Sscc: return "sscc";
    case Family::Sgln: return "sgln";
    case Family::Grai: return "grai";
    case Family::Giai: return "giai";
    }
    return "sgtin";
}

Result<std::vector<EpcElement>> elementsOf(const Parts& parts) {
    const auto& cp = parts.companyPrefix;
    const auto& ref = parts.reference;
    switch (parts.family) {
    case Family::Sgtin: {
        if (ref.empty()) return fail(ErrorKind::Invalid, "an SGTIN needs the indicator digit and item reference");
        const std::string body = ref.substr(0, 1) + cp + ref.substr(1);
        return std::vector<EpcElement>{{"01", body + checkDigitOf(body)}, {"21", parts.serial}};
    }
    case Family::Sscc: {
        if (ref.empty()) return fail(ErrorKind::Invalid, "an SSCC needs the extension digit and serial reference");
        const std::string body = ref.substr(0, 1) + cp + ref.substr(1);
        return std::vector<EpcElement>{{"00", body + checkDigitOf(body)}};
    }
    case Family::Sgln: {
        const std::string body = cp + ref;
        std::vector<EpcElement> elements{{"414", body + checkDigitOf(body)}};
        if (parts.serial != "0") elements.push_back({"254", parts.serial});
        return elements;
    }
    case Family::Grai: {
        const std::string body = "0" + cp + ref;
        return std::vector<EpcElement>{{"8003", body + checkDigitOf(body.substr(1)) + parts.serial}};
    }
    case Family::Giai: return std::vector<EpcElement>{{"8004", cp + ref}};
    }
    return fail(ErrorKind::Invalid, "unknown EPC scheme");
}

Result<Parts> partsOf(Family family, const Epc& epc) {
    const int cpd = epc.companyPrefixDigits;
    if (cpd < 6 || cpd > 12)
        return fail(ErrorKind::Invalid, "a company prefix of " + std::to_string(cpd) +
                                            " digits does not fit any partition (6 to 12 digits)");
    auto value = [&](std::string_view ai) -> std::string {
        for (const auto& element : epc.elements)
            if (element.ai == ai) return element.value;
        return {};
    };
    Parts parts;
    parts.family = family;
    const auto need = [&](std::string_view ai, std::size_t minimum) -> Result<std::string> {
        auto text = value(ai);
        if (text.size() < minimum) return fail(ErrorKind::Invalid, "the EPC needs GS1 AI (" + std::string(ai) + ")");
        return text;
    };
    switch (family) {
    case Family::Sgtin: {
        auto gtin = need("01", 14);
        if (!gtin) return std::unexpected(gtin.error());
        parts.companyPrefix = gtin->substr(1, static_cast<std::size_t>(cpd));
        parts.reference = gtin->substr(0, 1) + gtin->substr(1 + static_cast<std::size_t>(cpd), 12 - static_cast<std::size_t>(cpd));
        parts.serial = value("21");
        if (parts.serial.empty()) return fail(ErrorKind::Invalid, "an SGTIN needs a serial (21)");
        break;
    }
    case Family::Sscc: {
        auto sscc = need("00", 18);
        if (!sscc) return std::unexpected(sscc.error());
        parts.companyPrefix = sscc->substr(1, static_cast<std::size_t>(cpd));
        parts.reference = sscc->substr(0, 1) + sscc->substr(1 + static_cast<std::size_t>(cpd), 16 - static_cast<std::size_t>(cpd));
        break;
    }
    case Family::Sgln: {
        auto gln = need("414", 13);
        if (!gln) return std::unexpected(gln.error());
        parts.companyPrefix = gln->substr(0, static_cast<std::size_t>(cpd));
        parts.reference = gln->substr(static_cast<std::size_t>(cpd), 12 - static_cast<std::size_t>(cpd));
        parts.serial = value("254").empty() ? "0" : value("254");
        break;
    }
    case Family::Grai: {
        auto grai = need("8003", 15);
        if (!grai) return std::unexpected(grai.error());
        parts.companyPrefix = grai->substr(1, static_cast<std::size_t>(cpd));
        parts.reference = grai->substr(1 + static_cast<std::size_t>(cpd), 12 - static_cast<std::size_t>(cpd));
        parts.serial = grai->substr(14);
        break;
    }
    case Family::Giai: {
        auto giai = need("8004", static_cast<std::size_t>(cpd) + 1);
        if (!giai) return std::unexpected(giai.error());
        parts.companyPrefix = giai->substr(0, static_cast<std::size_t>(cpd));
        parts.reference = giai->substr(static_cast<std::size_t>(cpd));
        break;
    }
    }
    return parts;
}

Result<std::string> encodePartitioned(EpcScheme scheme, int filter, const Parts& parts) {
    if (filter < 0 || filter > 7) return fail(ErrorKind::Invalid, "filter " + std::to_string(filter) + " is not 0-7");
    const int cpd = static_cast<int>(parts.companyPrefix.size());
    if (cpd < 6 || cpd > 12 || !allDigits(parts.companyPrefix))
        return fail(ErrorKind::Invalid, "company prefix '" + parts.companyPrefix +
                                            "' does not fit any partition (6 to 12 digits)");
    const int partition = 12 - cpd;
    const auto& row = partitionRow(parts.family, partition);
    BitWriter writer;
    writer.put(static_cast<std::uint64_t>(headerOf(scheme)), 8);
    writer.put(static_cast<std::uint64_t>(filter), 3);
    writer.put(static_cast<std::uint64_t>(partition), 3);
    if (auto ok = writer.putDecimal(parts.companyPrefix, row.companyBits, "company prefix"); !ok)
        return std::unexpected(ok.error());
    if (parts.family == Family::Giai) {
        if (auto ok = checkInteger(parts.reference, row.referenceBits, "asset reference", scheme); !ok)
            return std::unexpected(ok.error());
    } else if (static_cast<int>(parts.reference.size()) != row.referenceDigits ||
               (!parts.reference.empty() && !allDigits(parts.reference))) {
        return fail(ErrorKind::Invalid, "with a " + std::to_string(cpd) + "-digit company prefix the " +
                                            uriName(parts.family) + " reference takes " +
                                            std::to_string(row.referenceDigits) + " digits, not '" +
                                            parts.reference + "'");
    }
    if (auto ok = writer.putDecimal(parts.reference.empty() ? "0" : parts.reference, row.referenceBits, "reference"); !ok)
        return std::unexpected(ok.error());
    switch (scheme) {
    case EpcScheme::Sgtin96:
    case EpcScheme::Grai96:
        if (auto ok = checkInteger(parts.serial, 38, "serial", scheme); !ok) return std::unexpected(ok.error());
        (void)writer.putDecimal(parts.serial, 38, "serial");
        break;
    case EpcScheme::Sgln96:
        if (auto ok = checkInteger(parts.serial, 41, "extension", scheme); !ok) return std::unexpected(ok.error());
        (void)writer.putDecimal(parts.serial, 41, "extension");
        break;
    case EpcScheme::Sgtin198:
        if (parts.serial.empty() || parts.serial.size() > 20 ||
            !std::all_of(parts.serial.begin(), parts.serial.end(), isGs1Character))
            return fail(ErrorKind::Invalid, "serial '" + parts.serial +
                                                "' cannot be held by sgtin-198: 1-20 characters of the GS1 set");
        for (std::size_t i = 0; i < 20; ++i)
            writer.put(i < parts.serial.size() ? static_cast<unsigned char>(parts.serial[i]) : 0U, 7);
        break;
    case EpcScheme::Sscc96: writer.put(0, 24); break;
    default: break;
    }
    return writer.hex(scheme == EpcScheme::Sgtin198 ? 16 : 8);
}

Result<Epc> decodePartitioned(EpcScheme scheme, std::vector<bool> bits) {
    const std::size_t needed = scheme == EpcScheme::Sgtin198 ? 198 : 96;
    const std::size_t hexDigits = bits.size() / 4;
    if (bits.size() < needed || (scheme != EpcScheme::Sgtin198 && bits.size() != 96))
        return fail(ErrorKind::Invalid, std::string(toString(scheme)) + " takes " +
                                            (scheme == EpcScheme::Sgtin198 ? "50 or 52" : "24") +
                                            " hex digits, not " + std::to_string(hexDigits));
    BitReader reader(std::move(bits));
    (void)reader.get(8);
    Epc epc;
    epc.scheme = scheme;
    epc.filter = static_cast<int>(*reader.get(3));
    const auto partition = static_cast<int>(*reader.get(3));
    if (partition > 6) return fail(ErrorKind::Invalid, "partition value 7 is not defined");
    const Family family = familyOf(scheme);
    const auto& row = partitionRow(family, partition);
    Parts parts;
    parts.family = family;
    auto cp = reader.getDecimal(row.companyBits);
    if (!decimalLess(*cp, powerOfTen(row.companyDigits)))
        return fail(ErrorKind::Invalid, "company prefix " + *cp + " has more than " + std::to_string(row.companyDigits) + " digits");
    parts.companyPrefix = std::string(static_cast<std::size_t>(row.companyDigits) - cp->size(), '0') + *cp;
    auto ref = reader.getDecimal(row.referenceBits);
    if (family == Family::Giai) {
        parts.reference = *ref;
    } else {
        if (!decimalLess(*ref, powerOfTen(row.referenceDigits)))
            return fail(ErrorKind::Invalid, "the reference " + *ref + " does not fit " + std::to_string(row.referenceDigits) + " digits");
        parts.reference = row.referenceDigits == 0 ? "" : std::string(static_cast<std::size_t>(row.referenceDigits) - ref->size(), '0') + *ref;
    }
    switch (scheme) {
    case EpcScheme::Sgtin96:
    case EpcScheme::Grai96: parts.serial = *reader.getDecimal(38); break;
    case EpcScheme::Sgln96: parts.serial = *reader.getDecimal(41); break;
    case EpcScheme::Sgtin198:
        for (int i = 0; i < 20; ++i) {
            const auto c = static_cast<char>(*reader.get(7));
            if (c == 0) break;
            if (!isGs1Character(c)) return fail(ErrorKind::Invalid, "the serial holds a character GS1 does not allow");
            parts.serial.push_back(c);
        }
        if (parts.serial.empty()) return fail(ErrorKind::Invalid, "the sgtin-198 serial is empty");
        break;
    case EpcScheme::Sscc96:
        if (*reader.get(24) != 0) return fail(ErrorKind::Invalid, "sscc-96's reserved bits are not zero");
        break;
    default: break;
    }
    if (!reader.restIsZero()) return fail(ErrorKind::Invalid, "bits after the " + std::string(toString(scheme)) + " are not zero");
    epc.companyPrefixDigits = row.companyDigits;
    auto elements = elementsOf(parts);
    if (!elements) return std::unexpected(elements.error());
    epc.elements = std::move(*elements);
    return epc;
}

} // namespace lotstation::formats::epc
