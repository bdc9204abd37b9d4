// The canonical serialization every movement hash is computed over. Changing it breaks every chain ever
// written: a new format gets a new header line ("lotstation-movement/2") and old movements keep theirs.
//
//   lotstation-movement/1\n
//   then one line per field, in this order:
//   id station seq at user kind lot quantity from to run party reference reason unit_cost reverses
//   lot_status approved_by overridden prev_hash
//   a present value:  <name>=<byte length>:<value>\n     (so a value may hold any byte, newlines included)
//   an absent value:  <name>-\n                          (absent and empty are different)
// Numbers are decimal without leading zeros; `at` is YYYY-MM-DDTHH:MM:SS.mmmZ; enums are their lower-case
// names; lot and locations are codes as stored.
#include "canonical_fields.hpp"
#include "crypto.hpp"
#include "lotstation/storage/ledger.hpp"

namespace lotstation::storage {
namespace {

using canonical::field;

std::optional<std::string> number(const std::optional<std::int64_t>& value) {
    return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

} // namespace

std::string canonicalMovementText(const Movement& m) {
    std::string out = "lotstation-movement/1\n";
    field(out, "id", m.id);
    field(out, "station", m.stationId);
    field(out, "seq", std::to_string(m.seq));
    field(out, "at", formatTimestamp(m.at));
    field(out, "user", m.user);
    field(out, "kind", std::string(toString(m.kind)));
    field(out, "lot", m.lot);
    field(out, "quantity", std::to_string(m.quantity));
    field(out, "from", m.from);
    field(out, "to", m.to);
    field(out, "run", m.run);
    field(out, "party", m.party);
    field(out, "reference", m.reference);
    field(out, "reason", m.reason);
    field(out, "unit_cost", number(m.unitCost));
    field(out, "reverses", m.reverses);
    field(out, "lot_status",
          m.lotStatus ? std::optional<std::string>(toString(*m.lotStatus)) : std::optional<std::string>());
    field(out, "approved_by", m.approvedBy);
    field(out, "overridden", m.overridden);
    field(out, "prev_hash", m.prevHash);
    return out;
}

std::string movementHash(const Movement& movement) {
    return sha256Hex(canonicalMovementText(movement));
}

} // namespace lotstation::storage
