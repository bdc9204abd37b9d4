#pragma once
// The JSON shapes of the sync protocol (docs: sync/PROTOCOL.md): ledger values to JSON and back. Parsing is
// strict and says which field is wrong ("movements[3].seq must be an integer"); it throws WireError, which
// the server turns into a 400 answer and the client into a protocol error.
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/model.hpp"
#include "lotstation/storage/quality_sync.hpp"
#include "lotstation/storage/requests.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace lotstation::sync::wire {

using Json = nlohmann::json;

inline constexpr int kProtocolVersion = 1;

class WireError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

[[nodiscard]] Json toJson(const storage::Movement& movement);
[[nodiscard]] Json toJson(const storage::Lot& lot);
[[nodiscard]] Json toJson(const storage::Item& item);
[[nodiscard]] Json toJson(const storage::Location& location);
[[nodiscard]] Json toJson(const storage::Party& party);
[[nodiscard]] Json toJson(const storage::User& user); // name, role, badge: never a PIN or its hash
[[nodiscard]] Json toJson(const storage::Recipe& recipe);
// Field by field from storage's one list (signature_fields.hpp), "hash" after them.
[[nodiscard]] Json toJson(const storage::Signature& signature);

// The same JSON as toJson(movement).dump(), appended to `out` without building a document.
void appendJson(std::string& out, const storage::Movement& movement);

// `where` names the value in messages, e.g. "movements[3]".
[[nodiscard]] storage::Movement movementFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::Lot lotFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::Item itemFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::Location locationFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::Party partyFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::NewUser userFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::Recipe recipeFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::Signature signatureFrom(const Json& json, const std::string& where);

// The batch record's records (batch_wire.cpp): a procedure version (its file as stored) and a run's entry.
[[nodiscard]] Json toJson(const storage::Procedure& procedure);
[[nodiscard]] Json toJson(const storage::BatchEntry& entry);
[[nodiscard]] storage::Procedure procedureFrom(const Json& json, const std::string& where);
[[nodiscard]] storage::BatchEntry batchEntryFrom(const Json& json, const std::string& where);

// A quality record (storage/quality_sync.hpp) as {"station", "seq", "kind", "record": {...}}; a document's
// bytes, when it carries them, as base64 in record.content.
[[nodiscard]] Json toJson(const storage::QualityRecord& record);
[[nodiscard]] storage::QualityRecord qualityRecordFrom(const Json& json, const std::string& where);

// GET /v1/master's body (without the epoch) and back: every record with its revision, users with their
// PIN hashes.
[[nodiscard]] Json masterToJson(const storage::MasterData& data);
[[nodiscard]] storage::MasterData masterFrom(const Json& body);

// Field access with clear messages.
[[nodiscard]] const Json& member(const Json& object, const char* name, const std::string& where);
[[nodiscard]] std::string stringAt(const Json& object, const char* name, const std::string& where);
[[nodiscard]] std::int64_t integerAt(const Json& object, const char* name, const std::string& where);
[[nodiscard]] const Json& arrayAt(const Json& object, const char* name, const std::string& where);

// The body of every refusal: {"error": code, "detail": sentence}.
[[nodiscard]] std::string errorBody(std::string_view code, std::string_view detail);

} // namespace lotstation::sync::wire
