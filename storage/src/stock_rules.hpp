#pragma once
// Rules about taking stock out of a location: which location, how much is there, whether the lot may be used
// (the usage check of lotstation/storage/usage.hpp, on a LedgerCore).
#include "lotstation/storage/usage.hpp"
#include "rows.hpp"

#include <optional>
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

// The usage check on a lot row at `today`: status and expiry; then, when `intoItemId` is given, recipe
// membership; then, when `fefo`, first-expiry-first-out (lots without a use-by date are not ranked).
[[nodiscard]] Usage usageOf(LedgerCore& core, const LotRow& lot, Date today,
                            std::optional<std::int64_t> intoItemId, bool fefo);

} // namespace lotstation::storage
