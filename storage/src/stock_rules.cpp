#include "stock_rules.hpp"

#include "ledger_core.hpp"
#include "lotstation/storage/ledger.hpp"

#include <chrono>

namespace lotstation::storage {

Result<LocationRow> sourceLocation(LedgerCore& core, const LotRow& lot,
                                   const std::optional<std::string>& requested,
                                   const std::optional<std::string>& preferred) {
    if (requested) return requireLocation(core, *requested);
    const auto stock = stockOf(core, lot.id);
    std::vector<const Stock*> positive;
    for (const auto& entry : stock) {
        if (entry.quantity > 0) positive.push_back(&entry);
    }
    if (positive.empty()) return fail(ErrorKind::Refused, "nothing of lot " + lot.lot.code + " is on hand");
    if (positive.size() == 1) return positive.front()->location;
    std::string names;
    for (const auto* entry : positive) {
        if (preferred && entry->location.location.code == *preferred) return entry->location;
        names += (names.empty() ? "" : ", ") + entry->location.location.code + " (" +
                 formatQuantity(entry->quantity, lot.uom) + ")";
    }
    return fail(ErrorKind::Invalid, "lot " + lot.lot.code + " is at " + names + ": say which location");
}

Result<std::int64_t> requireOnHand(LedgerCore& core, const LotRow& lot, const LocationRow& at,
                                   std::int64_t quantity) {
    const auto available = onHandAt(core, lot.id, at.id);
    if (quantity > available) {
        return fail(ErrorKind::Refused, "only " + formatQuantity(available, lot.uom) + " of lot " +
                                            lot.lot.code + " is at " + at.location.code + "; " +
                                            formatQuantity(quantity, lot.uom) + " asked");
    }
    return available;
}

const char* toString(UsageRule rule) {
    switch (rule) {
    case UsageRule::Hold:
        return "hold";
    case UsageRule::Quarantine:
        return "quarantine";
    case UsageRule::Recalled:
        return "recalled";
    case UsageRule::Expired:
        return "expired";
    case UsageRule::Fefo:
        return "fefo";
    case UsageRule::NotInRecipe:
        return "not-in-recipe";
    }
    return "?";
}

bool Usage::has(UsageRule rule) const {
    for (const auto& blocker : blockers)
        if (blocker.rule == rule) return true;
    return false;
}

std::string Usage::rules() const {
    std::string out;
    for (const auto& blocker : blockers)
        out += (out.empty() ? "" : ",") + std::string(toString(blocker.rule));
    return out;
}

std::string Usage::messages() const {
    std::string out;
    for (const auto& blocker : blockers)
        out += (out.empty() ? "" : "; ") + blocker.message;
    return out;
}

Usage statusUsage(const Lot& lot, Date today) {
    Usage usage;
    auto& out = usage.blockers;
    const auto& code = lot.code;
    switch (lot.status) {
    case LotStatus::Hold:
        out.push_back({UsageRule::Hold, "lot " + code + " is on hold", {}, {}});
        break;
    case LotStatus::Quarantine:
        out.push_back({UsageRule::Quarantine, "lot " + code + " is in quarantine", {}, {}});
        break;
    case LotStatus::Recalled:
        out.push_back({UsageRule::Recalled, "lot " + code + " is recalled", {}, {}});
        break;
    case LotStatus::Expired:
        out.push_back({UsageRule::Expired, "lot " + code + " is marked expired", {}, {}});
        break;
    case LotStatus::Available:
    case LotStatus::Depleted:
        break;
    }
    if (lot.status != LotStatus::Expired && lot.expiry &&
        std::chrono::sys_days{*lot.expiry} < std::chrono::sys_days{today}) {
        out.push_back({UsageRule::Expired, "lot " + code + " expired on " + formatDate(*lot.expiry), {}, {}});
    }
    return usage;
}

namespace {

bool inRecipe(LedgerCore& core, std::int64_t outputItemId, std::int64_t componentItemId) {
    auto s = core.db.cached("SELECT 1 FROM recipe_components WHERE item_id = ?1 AND component_id = ?2");
    s.bindAll(outputItemId, componentItemId);
    return s.step();
}

std::optional<UsageBlocker> fefoBlocker(LedgerCore& core, const LotRow& lot, Date today) {
    if (!lot.lot.expiry) return std::nullopt;
    auto s = core.db.cached(
        "SELECT l.code, l.expiry FROM lots l WHERE l.item_id = ?1 AND l.id <> ?2 AND l.status = 'available' "
        "AND l.expiry IS NOT NULL AND l.expiry >= ?3 AND l.expiry < ?4 "
        "AND EXISTS (SELECT 1 FROM balances b WHERE b.lot_id = l.id AND b.quantity > 0) "
        "ORDER BY l.expiry, l.code LIMIT 1");
    s.bindAll(lot.itemId, lot.id, formatDate(today), formatDate(*lot.lot.expiry));
    if (!s.step()) return std::nullopt;
    const std::string first = s.text(0);
    const std::string firstDate = s.text(1);
    auto parsed = parseDate(firstDate);
    return UsageBlocker{UsageRule::Fefo,
                        "lot " + first + " expires first (" + firstDate + "; lot " + lot.lot.code + " on " +
                            formatDate(*lot.lot.expiry) + "): FEFO takes " + first,
                        first, parsed ? std::optional<Date>(*parsed) : std::nullopt};
}

} // namespace

Usage usageOf(LedgerCore& core, const LotRow& lot, Date today, std::optional<std::int64_t> intoItemId,
              bool fefo) {
    Usage usage = statusUsage(lot.lot, today);
    if (fefo)
        if (auto first = fefoBlocker(core, lot, today)) usage.blockers.push_back(std::move(*first));
    if (intoItemId && !inRecipe(core, *intoItemId, lot.itemId)) {
        auto into = findItemById(core, *intoItemId);
        usage.blockers.push_back({UsageRule::NotInRecipe,
                                  lot.lot.sku + " is not in the recipe of " + (into ? into->item.sku : "?"),
                                  {}, {}});
    }
    return usage;
}

Result<Usage> checkUsage(const Ledger& ledger, const UsageQuery& query) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<Usage> {
        auto lot = requireLot(core, query.lot);
        if (!lot) return std::unexpected(lot.error());
        std::optional<std::int64_t> into;
        if (query.into) {
            auto item = requireItem(core, *query.into);
            if (!item) return std::unexpected(item.error());
            into = item->id;
        }
        return usageOf(core, *lot, dateOf(core.clock()), into, query.fefo);
    });
}

} // namespace lotstation::storage
