#pragma once
// What a scanned code means to the station (DESIGN §3): one of a closed set of typed values.
#include "lotstation/formats/digital_link.hpp"
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/own_labels.hpp"

#include <optional>
#include <string>
#include <variant>

namespace lotstation::scan {

// The formats a scan reads live in lotstation_formats (labels writes them); the station names them through
// scan, the module that hands it meanings.
using formats::DigitalLink;
using formats::Gs1Data;
using formats::Gs1DateTime;
using formats::Gs1Element;
using formats::NetWeight;
using formats::OwnBadge;
using formats::OwnCommand;
using formats::OwnLocation;
using formats::OwnLot;
using formats::StationCommand;
using formats::WeightUnit;
using formats::commandName;
using formats::formatNetWeight;
using formats::toMilligrams;

// Anything else: the station looks it up as an internal lot code, a supplier lot code, a SKU or a location
// code.
struct LookupKey {
    std::string key; // trimmed of surrounding whitespace and control characters
    // The key as a 14-digit GTIN when it is 8, 12, 13 or 14 digits with a valid GS1 check digit (a retail or
    // carton barcode scanned without its symbology identifier), so the station can also try it as an item
    // GTIN.
    std::optional<std::string> gtin;
    friend bool operator==(const LookupKey&, const LookupKey&) = default;
};

// Read, but not understood. `shown` is the input made safe to display (control characters and invalid UTF-8
// escaped, cut at 80 characters); `reason` says why, e.g. "GTIN check digit wrong (expected 3, got 4)".
struct Unreadable {
    std::string shown;
    std::string reason;
    friend bool operator==(const Unreadable&, const Unreadable&) = default;
};

using Meaning =
    std::variant<Gs1Data, DigitalLink, OwnLot, OwnLocation, OwnBadge, OwnCommand, LookupKey, Unreadable>;

} // namespace lotstation::scan
