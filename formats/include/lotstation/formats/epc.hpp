#pragma once
// EPC Tag Data Standard (GS1 TDS 2.x, DOMAIN §6): the binary EPC an RFID tag carries, as the hex a reader
// shows, and the EPC URIs, to and from the GS1 element strings the rest of the station already understands.
//   binary (hex): SGTIN-96, SGTIN-198, SSCC-96, SGLN-96, GRAI-96, GIAI-96, SGTIN+ and DSGTIN+ (+AIDC data:
//                 lot (10) and the dates (11) (13) (15) (16) (17))
//   URIs:         urn:epc:tag:<scheme>:F.…   urn:epc:id:<sgtin|sscc|sgln|grai|giai>:…   urn:epc:class:lgtin:…
// Refusals name the problem: an unknown header, a wrong length, a company prefix that does not fit the
// partition, a serial the scheme cannot hold.
#include "lotstation/core/error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::formats {

enum class EpcScheme { Sgtin96, Sgtin198, Sscc96, Sgln96, Grai96, Giai96, SgtinPlus, DsgtinPlus };

// "sgtin-96", "sgtin-198", "sscc-96", "sgln-96", "grai-96", "giai-96", "sgtin+", "dsgtin+".
[[nodiscard]] const char* toString(EpcScheme scheme);
[[nodiscard]] Result<EpcScheme> parseEpcScheme(std::string_view name);

struct EpcElement {
    std::string ai;    // "01", "21", "10", "17", "00", "414", "254", "8003", "8004"
    std::string value; // as in a GS1 element string (dates YYMMDD)
    friend bool operator==(const EpcElement&, const EpcElement&) = default;
};

// One EPC, however it was written down.
struct Epc {
    std::optional<EpcScheme> scheme; // empty for a pure identity or class URI (no binary encoding chosen)
    int filter = 0;                  // 0-7
    int companyPrefixDigits = 0;     // 6-12; 0 when unknown (SGTIN+ and DSGTIN+ carry the whole GTIN)
    std::vector<EpcElement> elements;
    friend bool operator==(const Epc&, const Epc&) = default;
};

// "3074257BF7194E4000001A85" (either case; spaces and a 0x prefix allowed).
[[nodiscard]] Result<Epc> decodeEpcHex(std::string_view hex);
// Upper-case hex of the binary encoding, padded with zero bits to a 16-bit word as tags store it.
[[nodiscard]] Result<std::string> encodeEpcHex(const Epc& epc);
// urn:epc:tag:…, urn:epc:id:…, urn:epc:class:lgtin:…
[[nodiscard]] Result<Epc> parseEpcUri(std::string_view uri);
// "urn:epc:tag:sgtin-96:3.0614141.812345.6789"; Invalid for the + schemes (they have no partition).
[[nodiscard]] Result<std::string> tagUri(const Epc& epc);
// "urn:epc:id:sgtin:0614141.812345.6789", or for a lot class "urn:epc:class:lgtin:0614141.812345.L42".
[[nodiscard]] Result<std::string> pureIdentityUri(const Epc& epc);

// True when `text` is shaped like an EPC a reader typed: hex of a known header and length, or urn:epc:.
[[nodiscard]] bool looksLikeEpc(std::string_view text);

} // namespace lotstation::formats
