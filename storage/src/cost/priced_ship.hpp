#pragma once
// The one place a shipment and its price are written together: Ledger::ship, then the price beside the ship
// movement (source 'typed', 'price_list' or 'order'), in one transaction. No price: the shipment only.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/money.hpp"

#include <optional>
#include <string_view>

namespace lotstation::storage {

[[nodiscard]] Result<Movement> shipAndRecordPrice(Ledger& ledger, const ShipRequest& request,
                                                  std::optional<Micros> unitPrice, std::string_view source);

} // namespace lotstation::storage
