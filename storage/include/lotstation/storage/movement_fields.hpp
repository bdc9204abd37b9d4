#pragma once
// A movement's fields, listed once. The canonical hash text (canonicalMovementText, src/canonical.cpp) and
// sync's JSON reader and writers all walk this list, so a field cannot be added to one and forgotten in
// another. The order is the hash text's and may never change (it would break every chain ever written); a new
// field goes at the end, where format 2 of the hash text (src/canonical.cpp) takes it.
//
// visitMovementFields(m, visit) calls visit(name, member) once per field, in that order, with a reference to
// the member (const when `m` is const). Members are std::string, std::int64_t, Timestamp, MovementKind, and
// std::optional of std::string, std::int64_t (Micros) and LotStatus; an absent optional is an absent field.
// `hash` is not among them: it is the hash of the others, and the codecs carry it themselves.
#include "lotstation/storage/model.hpp"

#include <type_traits>

namespace lotstation::storage {

template <typename M, typename Visit>
requires std::is_same_v<std::remove_const_t<M>, Movement>
void visitMovementFields(M& m, Visit&& visit) {
    visit("id", m.id);
    visit("station", m.stationId);
    visit("seq", m.seq);
    visit("at", m.at);
    visit("user", m.user);
    visit("kind", m.kind);
    visit("lot", m.lot);
    visit("quantity", m.quantity);
    visit("from", m.from);
    visit("to", m.to);
    visit("run", m.run);
    visit("party", m.party);
    visit("reference", m.reference);
    visit("reason", m.reason);
    visit("unit_cost", m.unitCost);
    visit("reverses", m.reverses);
    visit("lot_status", m.lotStatus);
    visit("approved_by", m.approvedBy);
    visit("overridden", m.overridden);
    visit("prev_hash", m.prevHash);
    // Fields added after format 1 come last; canonicalMovementText writes them (format 2) only when present.
    visit("scale", m.scale);
}

} // namespace lotstation::storage
