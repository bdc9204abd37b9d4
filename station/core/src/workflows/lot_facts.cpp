#include "lotstation/station/workflows/lot_facts.hpp"

#include "lotstation/storage/usage.hpp"

#include <chrono>

namespace lotstation::station {

LotStanding standingOf(storage::LotStatus status, const std::optional<storage::Date>& expiry,
                       storage::Date today) {
    // The ledger's usage rule (storage/usage.hpp) says what blocks the lot; the card shows the worst of it.
    storage::Lot lot;
    lot.status = status;
    lot.expiry = expiry;
    const storage::Usage usage = storage::statusUsage(lot, today);
    using storage::UsageRule;
    if (usage.has(UsageRule::Recalled)) return LotStanding::Recalled;
    if (usage.has(UsageRule::Expired)) return LotStanding::Expired;
    if (usage.has(UsageRule::Hold)) return LotStanding::OnHold;
    if (usage.has(UsageRule::Rejected)) return LotStanding::Rejected;
    if (usage.has(UsageRule::Quarantine)) return LotStanding::Quarantine;
    if (status == storage::LotStatus::Depleted) return LotStanding::Depleted;
    return LotStanding::Released;
}

LotStanding standingOf(const storage::Lot& lot, storage::Date today) {
    return standingOf(lot.status, lot.expiry, today);
}

const char* toString(LotStanding standing) {
    switch (standing) {
    case LotStanding::Released:
        return "Released";
    case LotStanding::Quarantine:
        return "Quarantine";
    case LotStanding::OnHold:
        return "On hold";
    case LotStanding::Rejected:
        return "Rejected";
    case LotStanding::Recalled:
        return "Recalled";
    case LotStanding::Expired:
        return "Expired";
    case LotStanding::Depleted:
        return "Used up";
    }
    return "?";
}

std::vector<std::string> holdReasons() {
    return {"Quality check pending",   "Damaged container", "Smell, colour or texture off",
            "Customer complaint",      "Supplier recall",   "Labelling problem",
            "Suspected contamination", "Counting mistake"};
}

std::vector<std::string> releaseReasons() {
    return {"Quality check passed", "Supplier cleared the lot", "Held by mistake", "Complaint not confirmed",
            "Relabelled"};
}

std::vector<ItemLot> lotsInStock(const storage::Ledger& ledger, std::string_view sku) {
    std::vector<ItemLot> lots;
    auto stock = storage::stockByItem(ledger, sku);
    if (!stock) return lots;
    for (const auto& line : *stock) { // ordered by lot, then location
        if (lots.empty() || lots.back().code != line.lot)
            lots.push_back(ItemLot{line.lot, 0, line.status, line.expiry, line.uom});
        lots.back().onHand += line.quantity;
    }
    return lots;
}

ItemLot itemLotOf(const storage::Ledger& ledger, const storage::Lot& lot) {
    auto item = ledger.item(lot.sku);
    return ItemLot{lot.code, ledger.onHand(lot.code).value_or(0), lot.status, lot.expiry,
                   item ? item->uom : storage::Uom::Piece};
}

int daysBetween(storage::Date from, storage::Date to) {
    return static_cast<int>((std::chrono::sys_days(to) - std::chrono::sys_days(from)).count());
}

std::string daysLeftText(int daysLeft) {
    if (daysLeft == 0) return "expires today";
    if (daysLeft == 1) return "expires tomorrow";
    if (daysLeft > 1) return "in " + std::to_string(daysLeft) + " days";
    if (daysLeft == -1) return "expired yesterday";
    return "expired " + std::to_string(-daysLeft) + " days ago";
}

} // namespace lotstation::station
