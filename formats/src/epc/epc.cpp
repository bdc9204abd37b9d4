// The public EPC codec: the header picks the scheme; URIs are split into the partitioned fields.
#include "lotstation/formats/epc.hpp"

#include "epc/epc_bits.hpp"
#include "epc/epc_parts.hpp"
#include "epc/epc_plus.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace lotstation::formats {

using namespace epc;

namespace {

constexpr std::array<EpcScheme, 8> kSchemes{EpcScheme::Sgtin96, EpcScheme::Sgtin198, EpcScheme::Sscc96,
                                            EpcScheme::Sgln96,  EpcScheme::Grai96,   EpcScheme::Giai96,
                                            EpcScheme::SgtinPlus, EpcScheme::DsgtinPlus};

std::optional<EpcScheme> schemeOfHeader(int header) {
    switch (header) {
    case 0x30: return EpcScheme::Sgtin96;
    case 0x36: return EpcScheme::Sgtin198;
    case 0x31: return EpcScheme::Sscc96;
    case 0x32: return EpcScheme::Sgln96;
    case 0x33: return EpcScheme::Grai96;
    case 0x34: return EpcScheme::Giai96;
    case 0xF7: return EpcScheme::SgtinPlus;
    case 0xFB: return EpcScheme::DsgtinPlus;
    default: return std::nullopt;
    }
}

bool isPlus(EpcScheme scheme) { return scheme == EpcScheme::SgtinPlus || scheme == EpcScheme::DsgtinPlus; }

std::vector<std::string> splitDots(std::string_view text) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const auto dot = text.find('.', start);
        fields.emplace_back(text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) return fields;
        start = dot + 1;
    }
}

Result<std::string> percentDecode(std::string_view text) {
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
            return fail(ErrorKind::Invalid, "a broken %-escape in the EPC URI");
        decoded.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
    }
    return decoded;
}

std::string percentEncode(std::string_view text) {
    std::string encoded;
    for (char c : text) {
        if (std::string_view("\"%&/<>?#").find(c) != std::string_view::npos) {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
            encoded += escaped;
        } else {
            encoded.push_back(c);
        }
    }
    return encoded;
}

Result<Family> familyNamed(std::string_view name) {
    for (Family family : {Family::Sgtin, Family::Sscc, Family::Sgln, Family::Grai, Family::Giai})
        if (name == uriName(family)) return family;
    return fail(ErrorKind::Invalid, "'" + std::string(name) + "' is not an EPC scheme the station reads");
}

// "0614141.812345.6789" -> parts of `family`.
Result<Parts> partsFromUri(Family family, std::string_view body) {
    const auto fields = splitDots(body);
    const std::size_t expected = family == Family::Sscc || family == Family::Giai ? 2 : 3;
    if (fields.size() != expected)
        return fail(ErrorKind::Invalid, "an EPC " + std::string(uriName(family)) + " URI has " +
                                            std::to_string(expected) + " dot-separated fields");
    Parts parts;
    parts.family = family;
    parts.companyPrefix = fields[0];
    if (!allDigits(parts.companyPrefix) || parts.companyPrefix.size() < 6 || parts.companyPrefix.size() > 12)
        return fail(ErrorKind::Invalid, "company prefix '" + parts.companyPrefix + "' is not 6-12 digits");
    auto reference = percentDecode(fields[1]);
    if (!reference) return std::unexpected(reference.error());
    parts.reference = *reference;
    if (expected == 3) {
        auto serial = percentDecode(fields[2]);
        if (!serial) return std::unexpected(serial.error());
        parts.serial = *serial;
    }
    // The key's digits must add up (GTIN 13 + check, SSCC 17, GLN / GRAI 12) before any check digit is made.
    const std::size_t keyDigits = family == Family::Sgtin ? 13 : family == Family::Sscc ? 17 : 12;
    if (family != Family::Giai &&
        (parts.companyPrefix.size() + parts.reference.size() != keyDigits ||
         (!parts.reference.empty() && !allDigits(parts.reference))))
        return fail(ErrorKind::Invalid, "company prefix " + parts.companyPrefix + " and reference '" + parts.reference +
                                            "' do not make the " + std::to_string(keyDigits) + " digits of a " +
                                            uriName(family));
    if (family == Family::Giai && parts.reference.empty())
        return fail(ErrorKind::Invalid, "a GIAI needs an asset reference");
    if (family == Family::Sgtin && (parts.serial.empty() || parts.serial.size() > 20))
        return fail(ErrorKind::Invalid, "an SGTIN serial has 1-20 characters");
    return parts;
}

Result<Epc> epcFromParts(std::optional<EpcScheme> scheme, int filter, const Parts& parts) {
    Epc epc;
    epc.scheme = scheme;
    epc.filter = filter;
    epc.companyPrefixDigits = static_cast<int>(parts.companyPrefix.size());
    auto elements = elementsOf(parts);
    if (!elements) return std::unexpected(elements.error());
    epc.elements = std::move(*elements);
    if (scheme) {
        // A tag URI must also be encodable: the serial and filter fit the scheme.
        if (auto encoded = encodeEpcHex(epc); !encoded) return std::unexpected(encoded.error());
    }
    return epc;
}

} // namespace

const char* toString(EpcScheme scheme) {
    switch (scheme) {
    case EpcScheme::Sgtin96: return "sgtin-96";
    case EpcScheme::Sgtin198: return "sgtin-198";
    case EpcScheme::Sscc96: return "sscc-96";
    case EpcScheme::Sgln96: return "sgln-96";
    case EpcScheme::Grai96: return "grai-96";
    case EpcScheme::Giai96: return "giai-96";
    case EpcScheme::SgtinPlus: return "sgtin+";
    case EpcScheme::DsgtinPlus: return "dsgtin+";
    }
    return "sgtin-96";
}

Result<EpcScheme> parseEpcScheme(std::string_view name) {
    for (EpcScheme scheme : kSchemes)
        if (name == toString(scheme)) return scheme;
    return fail(ErrorKind::Invalid, "'" + std::string(name) +
                                        "' is not an EPC scheme (sgtin-96, sgtin-198, sscc-96, sgln-96, grai-96, "
                                        "giai-96, sgtin+, dsgtin+)");
}

Result<Epc> decodeEpcHex(std::string_view hex) {
    auto bits = bitsFromHex(hex);
    if (!bits) return std::unexpected(bits.error());
    if (bits->size() < 8) return fail(ErrorKind::Invalid, "an EPC is longer than one byte");
    int header = 0;
    for (int i = 0; i < 8; ++i) header = (header << 1) | ((*bits)[static_cast<std::size_t>(i)] ? 1 : 0);
    const auto scheme = schemeOfHeader(header);
    if (!scheme) {
        char shown[8];
        std::snprintf(shown, sizeof shown, "%02X", header);
        return fail(ErrorKind::Invalid, std::string("EPC header ") + shown +
                                            " is not one the station reads (30-34, 36, F7, FB)");
    }
    if (isPlus(*scheme)) return decodePlus(*scheme, std::move(*bits));
    return decodePartitioned(*scheme, std::move(*bits));
}

Result<std::string> encodeEpcHex(const Epc& epc) {
    if (!epc.scheme) return fail(ErrorKind::Invalid, "choose an EPC scheme to encode (sgtin-96, sgtin+, ...)");
    if (isPlus(*epc.scheme)) return encodePlus(epc);
    auto parts = partsOf(familyOf(*epc.scheme), epc);
    if (!parts) return std::unexpected(parts.error());
    return encodePartitioned(*epc.scheme, epc.filter, *parts);
}

Result<Epc> parseEpcUri(std::string_view uri) {
    constexpr std::string_view tagPrefix = "urn:epc:tag:", idPrefix = "urn:epc:id:", classPrefix = "urn:epc:class:lgtin:";
    if (uri.starts_with(classPrefix)) {
        const auto fields = splitDots(uri.substr(classPrefix.size()));
        if (fields.size() != 3) return fail(ErrorKind::Invalid, "an lgtin URI is company prefix . item reference . lot");
        Parts parts;
        parts.family = Family::Sgtin;
        parts.companyPrefix = fields[0];
        parts.reference = fields[1];
        auto lot = percentDecode(fields[2]);
        if (!lot) return std::unexpected(lot.error());
        if (lot->empty() || lot->size() > 20) return fail(ErrorKind::Invalid, "a lot has 1-20 characters");
        parts.serial = "0"; // placeholder so the SGTIN checks pass; the class has no serial
        auto checked = partsFromUri(Family::Sgtin, parts.companyPrefix + "." + parts.reference + ".0");
        if (!checked) return std::unexpected(checked.error());
        auto epc = epcFromParts(std::nullopt, 0, *checked);
        if (!epc) return std::unexpected(epc.error());
        epc->elements[1] = {"10", *lot};
        return epc;
    }
    if (uri.starts_with(idPrefix)) {
        const auto rest = uri.substr(idPrefix.size());
        const auto colon = rest.find(':');
        if (colon == std::string_view::npos) return fail(ErrorKind::Invalid, "an EPC URI names its scheme");
        auto family = familyNamed(rest.substr(0, colon));
        if (!family) return std::unexpected(family.error());
        auto parts = partsFromUri(*family, rest.substr(colon + 1));
        if (!parts) return std::unexpected(parts.error());
        return epcFromParts(std::nullopt, 0, *parts);
    }
    if (uri.starts_with(tagPrefix)) {
        const auto rest = uri.substr(tagPrefix.size());
        const auto colon = rest.find(':');
        if (colon == std::string_view::npos) return fail(ErrorKind::Invalid, "an EPC tag URI names its scheme");
        auto scheme = parseEpcScheme(rest.substr(0, colon));
        if (!scheme) return std::unexpected(scheme.error());
        if (isPlus(*scheme))
            return fail(ErrorKind::Invalid, std::string(toString(*scheme)) + " tags are read from their hex, not a URI");
        const auto body = rest.substr(colon + 1);
        const auto dot = body.find('.');
        if (dot != 1 || body[0] < '0' || body[0] > '7')
            return fail(ErrorKind::Invalid, "an EPC tag URI starts with the filter value 0-7");
        auto parts = partsFromUri(familyOf(*scheme), body.substr(2));
        if (!parts) return std::unexpected(parts.error());
        return epcFromParts(*scheme, body[0] - '0', *parts);
    }
    return fail(ErrorKind::Invalid, "not an EPC URI (urn:epc:tag:..., urn:epc:id:..., urn:epc:class:lgtin:...)");
}

Result<std::string> tagUri(const Epc& epc) {
    if (!epc.scheme || isPlus(*epc.scheme))
        return fail(ErrorKind::Invalid, "only the partitioned schemes (sgtin-96, sscc-96, ...) have a tag URI");
    if (auto encoded = encodeEpcHex(epc); !encoded) return std::unexpected(encoded.error());
    auto pure = pureIdentityUri(epc);
    if (!pure) return std::unexpected(pure.error());
    const auto body = pure->substr(pure->find(':', std::string_view("urn:epc:id:").size()) + 1);
    return "urn:epc:tag:" + std::string(toString(*epc.scheme)) + ":" + std::to_string(epc.filter) + "." + body;
}

Result<std::string> pureIdentityUri(const Epc& epc) {
    if (epc.companyPrefixDigits == 0)
        return fail(ErrorKind::Invalid, "the company prefix length is unknown (sgtin+ carries the whole GTIN)");
    const bool lotClass = !epc.elements.empty() && epc.elements[0].ai == "01" && epc.elements.size() == 2 &&
                          epc.elements[1].ai == "10";
    Family family = epc.scheme ? familyOf(*epc.scheme) : Family::Sgtin;
    if (!epc.scheme && !epc.elements.empty()) {
        const auto& ai = epc.elements[0].ai;
        family = ai == "00" ? Family::Sscc : ai == "414" ? Family::Sgln : ai == "8003" ? Family::Grai
               : ai == "8004" ? Family::Giai : Family::Sgtin;
    }
    Epc probe = epc;
    if (lotClass) probe.elements[1] = {"21", "0"};
    auto parts = partsOf(family, probe);
    if (!parts) return std::unexpected(parts.error());
    if (lotClass)
        return "urn:epc:class:lgtin:" + parts->companyPrefix + "." + parts->reference + "." +
               percentEncode(epc.elements[1].value);
    std::string uri = "urn:epc:id:" + std::string(uriName(family)) + ":" + parts->companyPrefix + "." +
                      percentEncode(parts->reference);
    if (family != Family::Sscc && family != Family::Giai) uri += "." + percentEncode(parts->serial);
    return uri;
}

bool looksLikeEpc(std::string_view text) {
    if (text.starts_with("urn:epc:")) return true;
    if (text.size() < 20 || text.size() % 2 != 0) return false;
    for (char c : text)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    const int header = std::stoi(std::string(text.substr(0, 2)), nullptr, 16);
    if (header >= 0x30 && header <= 0x34) return text.size() == 24;
    if (header == 0x36) return text.size() == 50 || text.size() == 52;
    return header == 0xF7 || header == 0xFB;
}

} // namespace lotstation::formats
