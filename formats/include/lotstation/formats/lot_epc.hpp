#pragma once
// The EPC a lot's RFID tag carries: one rule for the label printer (ZPL ^RFW) and `lotstation epc encode`.
//   sgtin-96: (01) GTIN + (21) serial (digits, below 2^38), the company prefix length from the template
//   sgtin+:   (01) GTIN + (21) serial + (10) lot + (17) expiry when the lot has one
//   dsgtin+:  the expiry (else the best-before date) in its header + (01) GTIN + (21) serial + (10) lot
#include "lotstation/formats/epc.hpp"

#include <optional>
#include <string>

namespace lotstation::formats {

struct LotTag {
    EpcScheme scheme = EpcScheme::Sgtin96;
    int filter = 1;                  // 1: point-of-sale item
    int companyPrefixDigits = 7;     // sgtin-96 only
    std::string lot;                 // the lot code, for messages and (10)
    std::optional<std::string> gtin; // any GTIN length; normalised to 14 digits
    std::string serial;
    std::optional<std::string> expiry;     // YYMMDD
    std::optional<std::string> bestBefore; // YYMMDD
};

// Refuses, in a sentence: another scheme, a lot without GTIN, no serial, a serial or lot the scheme cannot
// hold, a dsgtin+ lot without a date.
[[nodiscard]] Result<Epc> lotEpc(const LotTag& tag);

// lotEpc, then its upper-case hex.
[[nodiscard]] Result<std::string> lotEpcHex(const LotTag& tag);

} // namespace lotstation::formats
