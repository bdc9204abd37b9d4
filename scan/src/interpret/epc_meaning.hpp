#pragma once
// An EPC an RFID reader typed (hex) or a URI, as the same GS1 meaning a barcode would give (GTIN + serial,
// SSCC, lot, expiry), so every screen works with tags unchanged.
#include "lotstation/scan/meaning.hpp"

#include <string_view>

namespace lotstation::scan::detail {

// `data` looks like an EPC (formats::looksLikeEpc); `text` is the raw input for the Unreadable message.
[[nodiscard]] Meaning meaningOfEpc(std::string_view data, std::string_view text, const formats::Gs1Options& options);

} // namespace lotstation::scan::detail
