#include "lotstation/station/workflows/stock_scan.hpp"

#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/lookup.hpp"

#include <algorithm>

namespace lotstation::station {
namespace {

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

Result<ScannedLot> withItem(const storage::Ledger& ledger, storage::Lot lot) {
    auto item = ledger.item(lot.sku);
    if (!item) return std::unexpected(item.error());
    return ScannedLot{std::move(lot), std::move(*item)};
}

} // namespace

Result<ScannedLot> lotOfScan(const storage::Ledger& ledger, const scan::Meaning& meaning,
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
        return fail(ErrorKind::Invalid, "that code names " + std::to_string(lots->lots.size()) + " lots (" + codes +
                               "): scan our lot label on the container");
    }
    if (const auto* item = std::get_if<FoundItem>(&found))
        return fail(ErrorKind::Invalid, "that is the item " + item->item.name +
                               ", not a lot: scan the lot label on the container");
    if (const auto* location = std::get_if<FoundLocation>(&found))
        return fail(ErrorKind::Invalid, "that is the location " + location->location.name + ", not a lot");
    if (std::holds_alternative<FoundUser>(found)) return fail(ErrorKind::Invalid, "that is a badge, not a lot");
    if (std::holds_alternative<FoundCommand>(found))
        return fail(ErrorKind::Invalid, "that is a command label, not a lot");
    return fail(ErrorKind::NotFound, std::get<NotFound>(found).reason);
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

std::optional<std::string> unitMismatch(const Quantity& quantity, const storage::Item& item) {
    if (quantity.unit == item.uom) return std::nullopt;
    return "That is " + std::string(dimension(quantity.unit)) + "; " + item.name + " is measured in " +
           storage::toString(item.uom);
}

Result<std::int64_t> amountFor(const Quantity& quantity, const storage::Item& item) {
    if (auto mismatch = unitMismatch(quantity, item)) return fail(ErrorKind::Invalid, std::move(*mismatch));
    if (quantity.amount <= 0) return fail(ErrorKind::Invalid, "Enter more than zero");
    return quantity.amount;
}

std::vector<UsageProblem> sayUsage(const storage::Usage& usage, const std::string& itemName,
                                   const std::string& productName) {
    using storage::UsageRule;
    const bool onlyFefo = std::ranges::all_of(
        usage.blockers, [](const storage::UsageBlocker& blocker) { return blocker.rule == UsageRule::Fefo; });
    std::vector<UsageProblem> out;
    for (const auto& blocker : usage.blockers) {
        const std::string rule = storage::toString(blocker.rule);
        switch (blocker.rule) {
        case UsageRule::Fefo:
            if (onlyFefo) // a held or expired lot is refused for that; which lot goes first is moot
                out.push_back({rule, "take lot " + blocker.firstLot.value_or("?") + " first (use by " +
                                         (blocker.firstExpiry ? storage::formatDate(*blocker.firstExpiry) : "-") +
                                         "); this one keeps longer"});
            break;
        case UsageRule::NotInRecipe:
            out.push_back({rule, itemName + " is not in the recipe of " + productName});
            break;
        default:
            out.push_back({rule, blocker.message});
        }
    }
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
    const auto balances = ledger.balances(lot);
    if (!balances) return best;
    for (const auto& balance : *balances)
        if (balance.quantity > 0 && (!best || balance.quantity > best->quantity)) best = balance;
    return best;
}

Result<storage::Balance> placeToTake(const storage::Ledger& ledger, const std::string& lot,
                                     const std::optional<std::string>& from) {
    auto place = mainPlace(ledger, lot);
    if (from) {
        auto there = ledger.onHand(lot, *from);
        if (!there) return std::unexpected(there.error());
        place = storage::Balance{lot, *from, *there};
    }
    if (!place || place->quantity <= 0)
        return fail(ErrorKind::Refused, "nothing of lot " + lot + " is on hand" + (from ? " at " + *from : ""));
    return *place;
}

Result<std::int64_t> amountToTake(const Quantity& quantity, const storage::Item& item,
                                  const storage::Balance& place) {
    auto wanted = amountFor(quantity, item);
    if (!wanted) return wanted;
    if (*wanted > place.quantity)
        return fail(ErrorKind::Refused, "only " + storage::formatQuantity(place.quantity, item.uom) + " of lot " +
                                            place.lot + " is at " + place.location);
    return wanted;
}

storage::Date ledgerToday(const storage::Ledger& ledger) {
    return storage::dateOf(ledger.now());
}

} // namespace lotstation::station
