#pragma once
// What goes on a label, taken from the ledger: the bridge between storage/ and labels/, which know nothing
// of each other.
#include "lotstation/labels/label_data.hpp"
#include "lotstation/storage/ledger.hpp"

#include <string_view>

namespace lotstation::station {

// Item, lot code, GTIN, dates, supplier lot and the quantity on hand (or `quantityText` when given, e.g. the
// quantity of one container).
[[nodiscard]] storage::Result<labels::LotLabelData>
lotLabelContent(const storage::Ledger& ledger, std::string_view lotCode, std::string_view quantityText = {});
[[nodiscard]] storage::Result<labels::LocationLabelData> locationLabelContent(const storage::Ledger& ledger,
                                                                              std::string_view code);
// By user name or badge code; the user needs a badge.
[[nodiscard]] storage::Result<labels::BadgeLabelData> badgeLabelContent(const storage::Ledger& ledger,
                                                                        std::string_view nameOrBadge);

} // namespace lotstation::station
