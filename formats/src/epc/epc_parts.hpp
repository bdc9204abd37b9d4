#pragma once
// The fields of the partitioned schemes (SGTIN, SSCC, SGLN, GRAI, GIAI) as the EPC URIs write them, and the
// conversions to and from their GS1 keys.
#include "lotstation/formats/epc.hpp"

namespace lotstation::formats::epc {

enum class Family { Sgtin, Sscc, Sgln, Grai, Giai };

struct Parts {
    Family family = Family::Sgtin;
    std::string companyPrefix; // 6-12 digits
    std::string reference;     // SGTIN indicator + item ref, SSCC extension + serial ref, SGLN location ref,
                               // GRAI asset type, GIAI individual asset ref
    std::string serial;        // SGTIN / GRAI serial, SGLN extension; empty for SSCC and GIAI
};

[[nodiscard]] Family familyOf(EpcScheme scheme);
[[nodiscard]] const char* uriName(Family family); // "sgtin", "sscc", ...

// Epc (GS1 elements plus the company prefix length) <-> parts.
[[nodiscard]] Result<Parts> partsOf(Family family, const Epc& epc);
[[nodiscard]] Result<std::vector<EpcElement>> elementsOf(const Parts& parts);

// The 96 / 198-bit binary encodings.
[[nodiscard]] Result<std::string> encodePartitioned(EpcScheme scheme, int filter, const Parts& parts);
[[nodiscard]] Result<Epc> decodePartitioned(EpcScheme scheme, std::vector<bool> bits);

// The GS1 check digit, from the one place the GS1 rules live.
[[nodiscard]] char checkDigitOf(std::string_view digits);

// SGTIN-198 / GS1 AI serials: the 82 characters GS1 allows.
[[nodiscard]] bool isGs1Character(char c);

} // namespace lotstation::formats::epc
