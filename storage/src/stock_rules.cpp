#include "stock_rules.hpp"

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

std::vector<Blocker> usageBlockers(const LotRow& lot, Date today) {
    std::vector<Blocker> out;
    const auto& code = lot.lot.code;
    switch (lot.lot.status) {
    case LotStatus::Hold:
        out.push_back({"hold", "lot " + code + " is on hold"});
        break;
    case LotStatus::Quarantine:
        out.push_back({"quarantine", "lot " + code + " is in quarantine: only a QC release ends it", false});
        break;
    case LotStatus::Rejected:
        out.push_back({"rejected",
                       "lot " + code + " is rejected by QC: it can only be scrapped or returned to the supplier",
                       false});
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
    if (lot.lot.status != LotStatus::Expired && lot.lot.expiry &&
        std::chrono::sys_days{*lot.lot.expiry} < std::chrono::sys_days{today}) {
        out.push_back({"expired", "lot " + code + " expired on " + formatDate(*lot.lot.expiry)});
    }
    return out;
}

std::optional<Blocker> fefoBlocker(LedgerCore& core, const LotRow& lot, Date today) {
    if (!lot.lot.expiry) return std::nullopt;
    auto s = core.db.cached(
        "SELECT l.code, l.expiry FROM lots l WHERE l.item_id = ?1 AND l.id <> ?2 AND l.status = 'available' "
        "AND l.expiry IS NOT NULL AND l.expiry >= ?3 AND l.expiry < ?4 "
        "AND EXISTS (SELECT 1 FROM balances b WHERE b.lot_id = l.id AND b.quantity > 0) "
        "ORDER BY l.expiry, l.code LIMIT 1");
    s.bindAll(lot.itemId, lot.id, formatDate(today), formatDate(*lot.lot.expiry));
    if (!s.step()) return std::nullopt;
    return Blocker{"fefo", "lot " + s.text(0) + " expires first (" + s.text(1) + "; lot " + lot.lot.code +
                               " on " + formatDate(*lot.lot.expiry) + "): FEFO takes " + s.text(0)};
}

const Blocker* hardBlocker(const std::vector<Blocker>& blockers) {
    for (const auto& blocker : blockers)
        if (!blocker.overridable) return &blocker;
    return nullptr;
}

std::string joinRules(const std::vector<Blocker>& blockers) {
    std::string out;
    for (const auto& blocker : blockers)
        out += (out.empty() ? "" : ",") + blocker.rule;
    return out;
}

} // namespace lotstation::storage
