#pragma once
// What a scan names in this station's ledger (DESIGN §3): a lot (by our code, a GS1 GTIN + lot, a Digital
// Link, or the supplier's lot code), an item (by SKU or GTIN), a location, a user's badge or a command —
// or nothing, with the reason a person reads. Used by the app's every screen and by `lotstation lookup`.
#include "lotstation/scan/meaning.hpp"
#include "lotstation/storage/ledger.hpp"

#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

struct FoundLots {
    std::vector<storage::Lot> lots; // usually one; several when a supplier lot code is shared
    std::string via;                // "lot code", "GS1 label", "supplier lot", ...
};
struct FoundItem {
    storage::Item item;
    std::string via;
};
struct FoundLocation {
    storage::Location location;
};
struct FoundUser {
    storage::User user;
};
struct FoundCommand {
    scan::StationCommand command;
};
struct NotFound {
    std::string reason; // "nothing called XYZ-1: not a lot, supplier lot, SKU or location code"
};

using LookupResult = std::variant<FoundLots, FoundItem, FoundLocation, FoundUser, FoundCommand, NotFound>;

[[nodiscard]] LookupResult lookUp(const storage::Ledger& ledger, const scan::Meaning& meaning);

// The same for typed or pasted text: interpreted first, then looked up.
[[nodiscard]] LookupResult lookUpText(const storage::Ledger& ledger, std::string_view text);

} // namespace lotstation::station
