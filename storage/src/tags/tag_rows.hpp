#pragma once
// Rows of lot_tags and lot_tag_voids for the record log (quality_sync.hpp): read by id, and written as they
// came from another station.
#include "../ledger_core.hpp"
#include "lotstation/storage/lot_tags.hpp"

#include <optional>
#include <string_view>

namespace lotstation::storage {

[[nodiscard]] std::optional<LotTag> findTagById(LedgerCore& core, std::string_view id);
[[nodiscard]] std::optional<TagVoid> findTagVoid(LedgerCore& core, std::string_view tagId);

// Conflict when another tag holds the same GTIN and serial here (never overwritten).
[[nodiscard]] Result<void> insertRemoteTag(LedgerCore& core, const LotTag& tag);
// NotFound when the tag it voids has not arrived here.
[[nodiscard]] Result<void> insertRemoteTagVoid(LedgerCore& core, const TagVoid& tagVoid);

} // namespace lotstation::storage
