#pragma once
// Rules about taking stock out of a location: which location, how much is there, whether the lot may be used.
#include "rows.hpp"

#include <string>
#include <vector>

namespace lotstation::storage {

// The location to take lot stock from: the requested one; else the only location holding the lot; else
// `preferred` (a run's workstation) when it holds some; else a refusal naming the candidates.
[[nodiscard]] Result<LocationRow> sourceLocation(LedgerCore& core, const LotRow& lot,
                                                 const std::optional<std::string>& requested,
                                                 const std::optional<std::string>& preferred = {});

// Refuses taking more than is on hand at that location ("only 450 g of lot X is at DOCK; 500 g asked").
[[nodiscard]] Result<std::int64_t> requireOnHand(LedgerCore& core, const LotRow& lot, const LocationRow& at,
                                                 std::int64_t quantity);

// Why the lot may not be used today (empty when it may): "expired", "hold", "quarantine", "recalled", with a
// sentence for each. A lot is expired when its status says so or its use-by date is before today.
// Quarantine and rejected are not overridable: only a QC release (by qa, signed) ends a quarantine, and a
// rejected lot may only be scrapped or returned to its supplier.
struct Blocker {
    std::string rule; // short name recorded on an override
    std::string message;
    bool overridable = true;
};
// The first blocker no supervisor may override, if any.
[[nodiscard]] const Blocker* hardBlocker(const std::vector<Blocker>& blockers);
[[nodiscard]] std::vector<Blocker> usageBlockers(const LotRow& lot, Date today);

// FEFO (first expiry, first out): when another usable lot of the same item, with stock anywhere at this
// station, expires before this one, taking this one breaks a rule ("fefo") and needs an override. Lots
// without a use-by date are not ranked (nothing says which goes first).
[[nodiscard]] std::optional<Blocker> fefoBlocker(LedgerCore& core, const LotRow& lot, Date today);

[[nodiscard]] std::string joinRules(const std::vector<Blocker>& blockers);

} // namespace lotstation::storage
