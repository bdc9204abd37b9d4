#pragma once
// Quality records for people (text) and machines (JSON): specs, inspections, signatures, documents.
#include "lotstation/storage/quality.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace lotstation::station::cli {

[[nodiscard]] nlohmann::json toJson(const storage::Spec& spec);
[[nodiscard]] nlohmann::json toJson(const storage::Inspection& inspection);
[[nodiscard]] nlohmann::json toJson(const storage::Signature& signature);
[[nodiscard]] nlohmann::json toJson(const storage::Attachment& attachment);

[[nodiscard]] std::string describe(const storage::Spec& spec);
[[nodiscard]] std::string describe(const storage::Inspection& inspection);
// "2026-12-04T18:00:00.000Z  released  by sue (sue): I release lot X for use  [hash 1a2b…]"
[[nodiscard]] std::string describe(const storage::Signature& signature);
[[nodiscard]] std::string describe(const storage::Attachment& attachment);

} // namespace lotstation::station::cli
