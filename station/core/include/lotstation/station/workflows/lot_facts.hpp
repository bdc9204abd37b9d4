#pragma once
// Small facts about lots that several screens show the same way: the standing a person reads (released, on
// hold, recalled, expired), the reasons offered for a hold or a release, and the lots an item has in stock.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/queries.hpp"

#include <string>
#include <vector>

namespace lotstation::station {

// What the operator needs to know before using a lot, worst first: an expired lot is expired whatever its
// recorded status says.
// Rejected: QC refused the lot (storage's LotStatus::Rejected); it may only be scrapped or returned.
enum class LotStanding { Released, Quarantine, OnHold, Rejected, Recalled, Expired, Depleted };

[[nodiscard]] LotStanding standingOf(const storage::Lot& lot, storage::Date today);
[[nodiscard]] LotStanding standingOf(storage::LotStatus status, const std::optional<storage::Date>& expiry,
                                     storage::Date today);
[[nodiscard]] const char* toString(LotStanding standing); // "Released", "On hold", ...
// A lot may go into production or out to a customer.
[[nodiscard]] inline bool usable(LotStanding standing) {
    return standing == LotStanding::Released;
}

// The reasons a picker offers (a tablet has no keyboard); a status change always carries one.
[[nodiscard]] std::vector<std::string> holdReasons();
[[nodiscard]] std::vector<std::string> releaseReasons();

// One lot of an item with what is on hand of it, all locations together.
struct ItemLot {
    std::string code;
    std::int64_t onHand = 0;
    storage::LotStatus status = storage::LotStatus::Available;
    std::optional<storage::Date> expiry;
    storage::Uom uom = storage::Uom::Piece;
};
// The item's lots with stock, by lot code.
[[nodiscard]] std::vector<ItemLot> lotsInStock(const storage::Ledger& ledger, std::string_view sku);
// One lot as such a row, whatever its stock.
[[nodiscard]] ItemLot itemLotOf(const storage::Ledger& ledger, const storage::Lot& lot);

// "2026-11-24" and "in 5 days" / "expired 3 days ago" / "today".
[[nodiscard]] std::string daysLeftText(int daysLeft);
[[nodiscard]] int daysBetween(storage::Date from, storage::Date to);

} // namespace lotstation::station
