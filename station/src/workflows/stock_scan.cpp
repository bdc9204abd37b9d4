#include "lotstation/station/workflows/stock_scan.hpp"

#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/lookup.hpp"

#include <algorithm>

namespace lotstation::station {
namespace {

storage::Uom uomOf(BaseUnit unit) {
    switch (unit) {
    case BaseUnit::Milligram:
        return storage::Uom::Gram;
    case BaseUnit::Microlitre:
        return storage::Uom::Millilitre;
    case BaseUnit::Piece:
        break;
    }
    return storage::Uom::Piece;
}

const char* dimension(storage::Uom uom) {
    switch (uom) {
    case storage::Uom::Gram:
        return "a weight";
    case storage::Uom::Millilitre:
        return "a volume";
    case storage::Uom::Piece:
        break;
    }
    return "a count";
}

std::expected<ScannedLot, std::string> withItem(const storage::Ledger& ledger, storage::Lot lot) {
    auto item = ledger.item(lot.sku);
    if (!item) return std::unexpected(item.error().message);
    return ScannedLot{std::move(lot), std::move(*item)};
}

} // namespace

std::expected<ScannedLot, std::string> lotOfScan(const storage::Ledger& ledger, const scan::Meaning& meaning,
                                                 const std::vector<std::string>& preferSkus) {
    const LookupResult found = lookUp(ledger, meaning);
    if (const auto* lots = std::get_if<FoundLots>(&found)) {
        if (lots->lots.size() == 1) return withItem(ledger, lots->lots.front());
        std::vector<storage::Lot> preferred;
        for (const auto& lot : lots->lots)
            if (std::ranges::find(preferSkus, lot.sku) != preferSkus.end()) preferred.push_back(lot);
        if (preferred.size() == 1) return withItem(ledger, preferred.front());
        std::string codes;
        for (const auto& lot : lots->lots)
            codes += (codes.empty() ? "" : ", ") + lot.code;
        return std::unexpected("that code names " + std::to_string(lots->lots.size()) + " lots (" + codes +
                               "): scan our lot label on the container");
    }
    if (const auto* item = std::get_if<FoundItem>(&found))
        return std::unexpected("that is the item " + item->item.name +
                               ", not a lot: scan the lot label on the container");
    if (const auto* location = std::get_if<FoundLocation>(&found))
        return std::unexpected("that is the location " + location->location.name + ", not a lot");
    if (std::holds_alternative<FoundUser>(found)) return std::unexpected("that is a badge, not a lot");
    if (std::holds_alternative<FoundCommand>(found))
        return std::unexpected("that is a command label, not a lot");
    return std::unexpected(std::get<NotFound>(found).reason);
}

std::optional<storage::Location> locationOfScan(const storage::Ledger& ledger, const scan::Meaning& meaning) {
    if (const auto* own = std::get_if<scan::OwnLocation>(&meaning)) {
        if (auto location = ledger.location(own->location)) return *location;
        return std::nullopt;
    }
    if (const auto* key = std::get_if<scan::LookupKey>(&meaning)) {
        if (ledger.lot(key->key)) return std::nullopt; // a lot code wins over a location of the same name
        if (auto location = ledger.location(key->key)) return *location;
    }
    return std::nullopt;
}

std::expected<std::int64_t, std::string> amountFor(const Quantity& quantity, const storage::Item& item) {
    if (uomOf(quantity.unit) != item.uom)
        return std::unexpected("That is " + std::string(dimension(uomOf(quantity.unit))) + "; " + item.name +
                               " is measured in " + storage::toString(item.uom));
    if (quantity.amount <= 0) return std::unexpected(std::string("Enter more than zero"));
    return quantity.amount;
}

std::vector<UsageProblem> usageProblems(const storage::Lot& lot, storage::Date today) {
    using storage::LotStatus;
    std::vector<UsageProblem> out;
    const std::string& code = lot.code;
    switch (lot.status) {
    case LotStatus::Hold:
        out.push_back({"hold", "lot " + code + " is on hold"});
        break;
    case LotStatus::Quarantine:
        out.push_back({"quarantine", "lot " + code + " is in quarantine"});
        break;
    case LotStatus::Rejected:
        out.push_back({"rejected", "lot " + code + " is rejected by QC"});
        break;
    case LotStatus::Recalled:
        out.push_back({"recalled", "lot " + code + " is recalled"});
        break;
    case LotStatus::Expired:
        out.push_back({"expired", "lot " + code + " is marked expired"});
        break;
    case LotStatus::Available:
    case LotStatus::Depleted:
        break;
    }
    if (lot.status != LotStatus::Expired && lot.expiry &&
        std::chrono::sys_days{*lot.expiry} < std::chrono::sys_days{today})
        out.push_back({"expired", "lot " + code + " expired on " + storage::formatDate(*lot.expiry)});
    return out;
}

std::string joinMessages(const std::vector<UsageProblem>& problems) {
    std::string out;
    for (const auto& problem : problems)
        out += (out.empty() ? "" : "; ") + problem.message;
    return out;
}

std::optional<storage::Balance> mainPlace(const storage::Ledger& ledger, const std::string& lot) {
    std::optional<storage::Balance> best;
    for (const auto& balance : ledger.balances(lot))
        if (balance.quantity > 0 && (!best || balance.quantity > best->quantity)) best = balance;
    return best;
}

storage::Date ledgerToday(const storage::Ledger& ledger) {
    return storage::dateOf(ledger.now());
}

} // namespace lotstation::station
