#pragma once
// Checks shared by the master data writers that change records in place (master_updates.cpp) and that copy
// them from another ledger (master_sync.cpp): what a record may hold given what else is in this ledger.
#include "ledger_core.hpp"
#include "lotstation/storage/master_data.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::storage {

// Codes compare as the database does (COLLATE NOCASE: ASCII letters without case).
[[nodiscard]] inline bool sameCode(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// An item's columns as stored: normalised GTIN, the default location's row id.
struct ItemColumns {
    std::string sku;
    std::string name;
    std::string kind;
    std::string uom;
    std::optional<std::string> gtin;
    std::int64_t lotTracked = 1;
    std::optional<std::int64_t> shelfLifeDays;
    std::optional<std::int64_t> defaultLocationId;
    std::optional<std::int64_t> reorderPoint;
};

// Validates `item` against this ledger: a valid SKU, a GTIN no other item has, a known default location,
// no negative shelf life or reorder point, and — when the item exists here — no change of unit once it has
// lots.
[[nodiscard]] Result<ItemColumns> itemColumns(LedgerCore& core, const NewItem& item);

// A badge no other user than `name` has; empty when none is given.
[[nodiscard]] Result<std::optional<std::string>>
freeBadge(LedgerCore& core, const std::optional<std::string>& badge, std::string_view name);

} // namespace lotstation::storage
