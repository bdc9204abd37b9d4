#pragma once
// What the floor workflows (produce, ship, move, count) make of a scan and a keypad quantity: the lot a
// container label names, the location a shelf label names, an amount in the item's base units, and why a lot
// may not be used today. Read-only over the ledger; every "no" is a sentence for the operator.
#include "lotstation/scan/meaning.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/storage/usage.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/core/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::station {

struct ScannedLot {
    storage::Lot lot;
    storage::Item item;
};

// The lot a scan names: our lot label, a GS1 label or Digital Link (GTIN + lot), our lot code or a supplier's
// lot code typed or scanned plainly. When a supplier's lot code names several lots, the one of an item in
// `preferSkus` wins if there is exactly one. Anything else is refused with what was read and why.
[[nodiscard]] Result<ScannedLot>
lotOfScan(const storage::Ledger& ledger, const scan::Meaning& meaning,
          const std::vector<std::string>& preferSkus = {});

// The location a scan names: our location label, or a plain code that is a location (and not a lot).
[[nodiscard]] std::optional<storage::Location> locationOfScan(const storage::Ledger& ledger,
                                                              const scan::Meaning& meaning);

// Why a keypad quantity does not fit the item's unit ("That is a weight; Box is measured in pc"), if it does not.
[[nodiscard]] std::optional<std::string> unitMismatch(const Quantity& quantity, const storage::Item& item);

// A keypad quantity in the item's base units, or why it does not fit ("That is a weight; Box is counted in
// pc").
[[nodiscard]] Result<std::int64_t> amountFor(const Quantity& quantity, const storage::Item& item);

// A blocker of the ledger's usage check (lotstation/storage/usage.hpp) as the floor says it.
struct UsageProblem {
    std::string rule;    // as recorded on an override: "hold", "expired", "not-in-recipe", "fefo", ...
    std::string message; // "lot X is on hold", "take lot Y first (use by ...); this one keeps longer"
};
// The floor's words for the ledger's verdict on `itemName` going into `productName`: FEFO names the lot to
// take first (said only when nothing else blocks the lot), a component outside the recipe is named by item;
// the rest in the ledger's own sentences.
[[nodiscard]] std::vector<UsageProblem> sayUsage(const storage::Usage& usage, const std::string& itemName,
                                                 const std::string& productName);
[[nodiscard]] std::string joinMessages(const std::vector<UsageProblem>& problems);

// Where a lot is taken from by default: the location holding most of it. Empty when nothing is on hand.
[[nodiscard]] std::optional<storage::Balance> mainPlace(const storage::Ledger& ledger,
                                                        const std::string& lot);

// Where a lot is taken from: `from` when the operator picked a place, else its main place. Refused when
// nothing of the lot is there.
[[nodiscard]] Result<storage::Balance> placeToTake(const storage::Ledger& ledger, const std::string& lot,
                                                   const std::optional<std::string>& from);

// A keypad quantity of `item` to take from `place`: in the item's units, more than zero, no more than is there.
[[nodiscard]] Result<std::int64_t> amountToTake(const Quantity& quantity, const storage::Item& item,
                                                const storage::Balance& place);

// The ledger's today (its clock, so tests and the demo decide what "expired" means).
[[nodiscard]] storage::Date ledgerToday(const storage::Ledger& ledger);

} // namespace lotstation::station
