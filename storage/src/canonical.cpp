// The canonical serialization every movement hash is computed over. Changing it breaks every chain ever
// written: a new format gets a new header line ("lotstation-movement/2") and old movements keep theirs.
//
//   lotstation-movement/1\n
//   then one line per field, in the order of lotstation/storage/movement_fields.hpp:
//   id station seq at user kind lot quantity from to run party reference reason unit_cost reverses
//   lot_status approved_by overridden prev_hash
//   a present value:  <name>=<byte length>:<value>\n     (so a value may hold any byte, newlines included)
//   an absent value:  <name>-\n                          (absent and empty are different)
// Numbers are decimal without leading zeros; `at` is YYYY-MM-DDTHH:MM:SS.mmmZ; enums are their lower-case
// names; lot and locations are codes as stored.
//
//   lotstation-movement/2\n   a movement weighed on a scale: format 1's lines, then scale=...
// Format 2 is used only when the scale is present, so every movement without one (all written before it
// existed included) keeps format 1's exact text and hash.
#include "canonical_fields.hpp"
#include "crypto.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/movement_fields.hpp"

namespace lotstation::storage {

using canonical::CanonicalLines;

namespace {

// The fields format 2 adds after format 1's.
bool addedInFormat2(std::string_view name) {
    return name == "scale";
}

} // namespace

std::string canonicalMovementText(const Movement& m) {
    const bool format2 = m.scale.has_value();
    std::string out = format2 ? "lotstation-movement/2\n" : "lotstation-movement/1\n";
    const CanonicalLines lines{out};
    visitMovementFields(m, [&](std::string_view name, const auto& value) {
        if (format2 || !addedInFormat2(name)) lines(name, value);
    });
    return out;
}

std::string movementHash(const Movement& movement) {
    return sha256Hex(canonicalMovementText(movement));
}

} // namespace lotstation::storage
