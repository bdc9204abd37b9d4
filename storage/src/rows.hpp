#pragma once
// Reading master data and movements out of the database into the public value types, with the row ids the
// operation files need. All lookups by code are case-insensitive (the columns are COLLATE NOCASE).
#include "ledger_core.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lotstation::storage {

struct ItemRow {
    std::int64_t id = 0;
    Item item;
};
struct LotRow {
    std::int64_t id = 0;
    std::int64_t itemId = 0;
    Uom uom = Uom::Gram;
    Lot lot;
};
struct LocationRow {
    std::int64_t id = 0;
    Location location;
};
struct PartyRow {
    std::int64_t id = 0;
    Party party;
};
struct RunRow {
    std::int64_t id = 0;
    std::int64_t itemId = 0;
    Run run;
};

[[nodiscard]] std::optional<ItemRow> findItem(LedgerCore& core, std::string_view sku);
// The SKU of the item with this (normalised) GTIN.
[[nodiscard]] std::optional<std::string> findItemGtin(LedgerCore& core, std::string_view gtin14);
[[nodiscard]] std::optional<ItemRow> findItemById(LedgerCore& core, std::int64_t id);
[[nodiscard]] std::optional<LotRow> findLot(LedgerCore& core, std::string_view code);
[[nodiscard]] std::optional<LocationRow> findLocation(LedgerCore& core, std::string_view code);
[[nodiscard]] std::optional<PartyRow> findSupplier(LedgerCore& core, std::string_view code);
[[nodiscard]] std::optional<PartyRow> findCustomer(LedgerCore& core, std::string_view code);
[[nodiscard]] std::optional<RunRow> findRun(LedgerCore& core, std::string_view code);
[[nodiscard]] std::optional<User> findUser(LedgerCore& core, std::string_view name);
[[nodiscard]] std::optional<Movement> findMovement(LedgerCore& core, std::string_view id);

// SELECT list and FROM clause that readMovement() understands; append WHERE / ORDER BY.
extern const std::string_view kMovementSelect;
[[nodiscard]] Movement readMovement(const sql::Statement& row);

// The lot's non-zero balances as (location row, quantity), largest first.
struct Stock {
    LocationRow location;
    std::int64_t quantity = 0;
};
[[nodiscard]] std::vector<Stock> stockOf(LedgerCore& core, std::int64_t lotId);
[[nodiscard]] std::int64_t onHandAt(LedgerCore& core, std::int64_t lotId, std::int64_t locationId);

// Lookups that turn "missing" into the NotFound error the operations return.
[[nodiscard]] Result<ItemRow> requireItem(LedgerCore& core, std::string_view sku);
[[nodiscard]] Result<LotRow> requireLot(LedgerCore& core, std::string_view code);
[[nodiscard]] Result<LocationRow> requireLocation(LedgerCore& core, std::string_view code);
[[nodiscard]] Result<User> requireUser(LedgerCore& core, std::string_view name);

} // namespace lotstation::storage
