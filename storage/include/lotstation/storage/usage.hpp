#pragma once
// "May this lot be used here?" — the one rule, asked by the ledger before a consumption or a shipment and by
// the station before it offers a lot (stock scan, lot card, produce). A refusal is typed: each blocker names
// its rule (and, for FEFO, the lot to take first), so a caller renders it in its own words or offers a
// supervisor's override without reading sentences. Status and expiry block shipping outright; for production
// every blocker may be overridden by a supervisor (the ledger refuses with ErrorKind::NeedsOverride).
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {

class Ledger;

enum class UsageRule { Hold, Quarantine, Recalled, Expired, Fefo, NotInRecipe };

// As recorded on an override movement: "hold", "quarantine", "recalled", "expired", "fefo", "not-in-recipe".
[[nodiscard]] const char* toString(UsageRule rule);

struct UsageBlocker {
    UsageRule rule = UsageRule::Hold;
    std::string message;                 // the ledger's sentence: "lot X is on hold", "lot X expired on ..."
    std::optional<std::string> firstLot; // Fefo: the usable lot that expires first
    std::optional<Date> firstExpiry;     // Fefo: its use-by date
};

struct Usage {
    std::vector<UsageBlocker> blockers; // empty: the lot may be used
    [[nodiscard]] bool allowed() const { return blockers.empty(); }
    [[nodiscard]] bool has(UsageRule rule) const;
    [[nodiscard]] std::string rules() const;    // "hold,fefo": as recorded on an override
    [[nodiscard]] std::string messages() const; // the ledger's sentences joined with "; "
};

// What its status and use-by date say of a lot today (no database: the rule for lists and cards). A lot is
// expired when its status says so or its use-by date is before today.
[[nodiscard]] Usage statusUsage(const Lot& lot, Date today);

struct UsageQuery {
    std::string lot;                 // our lot code
    std::optional<std::string> into; // the SKU being made: the lot's item must be in its recipe
    bool fefo = true;                // another usable lot of the item that expires first blocks it
};

// The whole check at the ledger's today: status, expiry, recipe membership and FEFO.
[[nodiscard]] Result<Usage> checkUsage(const Ledger& ledger, const UsageQuery& query);

} // namespace lotstation::storage
