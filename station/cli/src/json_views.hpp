#pragma once
// The ledger's values as JSON (for --json) and as one line of text (for people). Quantities appear both as
// exact base units and as display text with the item's unit.
#include "lotstation/storage/model.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace lotstation::station::cli {

[[nodiscard]] nlohmann::json toJson(const storage::Item& item);
[[nodiscard]] nlohmann::json toJson(const storage::Party& party);
[[nodiscard]] nlohmann::json toJson(const storage::Location& location);
[[nodiscard]] nlohmann::json toJson(const storage::User& user);
[[nodiscard]] nlohmann::json toJson(const storage::Lot& lot);
[[nodiscard]] nlohmann::json toJson(const storage::Run& run);
[[nodiscard]] nlohmann::json toJson(const storage::Recipe& recipe);
// `uom` formats the quantity for display.
[[nodiscard]] nlohmann::json toJson(const storage::Movement& movement, storage::Uom uom);

[[nodiscard]] std::string describe(const storage::Movement& movement, storage::Uom uom);

} // namespace lotstation::station::cli
