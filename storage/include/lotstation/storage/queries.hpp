#pragma once
// Read-only questions about stock: on hand by lot / item / location, a lot's history, FEFO picking order and
// what expires soon. Free functions over a Ledger (zxing-cpp style): they read the same SQLite file the
// ledger writes and never change it. Quantities are exact base units of the item's uom (see quantity.hpp).
// "Today" is always passed in: the queries never read a clock.
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

// One lot at one location.
struct StockLine {
    std::string lot;
    std::string sku;
    std::string itemName;
    Uom uom = Uom::Gram;
    std::string location;
    std::string locationName;
    std::int64_t quantity = 0; // base units
    LotStatus status = LotStatus::Available;
    std::optional<Date> expiry;
};

// Non-zero balances, ordered by SKU, lot code, location code. An unknown lot / item / location is NotFound.
[[nodiscard]] Result<std::vector<StockLine>> stockByLot(const Ledger& ledger, std::string_view lot);
[[nodiscard]] Result<std::vector<StockLine>> stockByItem(const Ledger& ledger, std::string_view sku);
[[nodiscard]] Result<std::vector<StockLine>> stockByLocation(const Ledger& ledger, std::string_view location);
[[nodiscard]] Result<std::vector<StockLine>> allStock(const Ledger& ledger);

// Totals per item (every item, also those with nothing on hand), ordered by SKU.
struct ItemTotal {
    std::string sku;
    std::string name;
    Uom uom = Uom::Gram;
    std::int64_t onHand = 0;
    std::optional<std::int64_t> reorderPoint;
    std::int64_t lots = 0; // lots with stock
};
[[nodiscard]] Result<std::vector<ItemTotal>> stockTotals(const Ledger& ledger);

// Every movement of a lot, oldest first (local arrival order), with the reversal that undid it if any.
struct HistoryEntry {
    Movement movement;
    std::optional<std::string> reversedBy; // id of the reversal movement
};
[[nodiscard]] Result<std::vector<HistoryEntry>> lotHistory(const Ledger& ledger, std::string_view lot);

// A lot with what is on hand of it (all locations) and where.
struct LotStock {
    Lot lot;
    Uom uom = Uom::Gram;
    std::int64_t onHand = 0;
    std::vector<Balance> balances; // largest first
};

// The item's usable lots in first-expiry-first-out order: expiry (none last), then best-before (none last),
// then origin date, then lot code. Only lots that are available, not past their use-by date on `today` and
// have stock on hand; held, quarantined, recalled, expired and depleted lots are left out.
[[nodiscard]] Result<std::vector<LotStock>> fefo(const Ledger& ledger, std::string_view sku, Date today);

// Lots with stock whose use-by date is on or before today + days, already expired ones included (daysLeft
// negative), soonest first. A lot whose status is "expired" but has no date is listed with daysLeft 0.
struct ExpiringLot {
    LotStock stock;
    std::string itemName;
    int daysLeft = 0; // expiry - today, in days
};
[[nodiscard]] Result<std::vector<ExpiringLot>> expiring(const Ledger& ledger, Date today, int days);

// Production runs not finished yet, oldest first, so a run left open on one screen can be resumed.
[[nodiscard]] Result<std::vector<Run>> openRuns(const Ledger& ledger);
// What a run consumed so far: its consume movements that were not reversed, in the order recorded.
[[nodiscard]] Result<std::vector<Movement>> runInputs(const Ledger& ledger, std::string_view run);

} // namespace lotstation::storage
