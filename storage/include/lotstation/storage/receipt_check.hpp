#pragma once
// A quantity typed 1,000 times larger than any earlier receipt of the item is most likely a slip (kg for g,
// an extra row of zeros): it needs the person's confirmation (the station asks; the command line wants
// --confirm-large). The first receipt of an item has nothing to compare with and passes.
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <string_view>

namespace lotstation::storage {

inline constexpr std::int64_t kSuspiciousReceiptFactor = 1000;

// NeedsOverride with a sentence naming the largest earlier receipt when `quantity` is suspiciously large.
[[nodiscard]] Result<void> checkReceiptSize(const Ledger& ledger, std::string_view sku, std::int64_t quantity);

} // namespace lotstation::storage
