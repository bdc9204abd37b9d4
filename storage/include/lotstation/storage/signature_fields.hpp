#pragma once
// A signature's fields, listed once (like movement_fields.hpp): its canonical hash text
// (canonicalSignatureText) and sync's JSON reader and writer walk this list. The order is the hash text's and
// may never change. Members are std::string, std::int64_t, Timestamp, SignatureMeaning and
// std::optional<std::string>; `hash` is not among them (the codecs carry it themselves).
#include "lotstation/storage/signatures.hpp"

#include <type_traits>

namespace lotstation::storage {

template <typename S, typename Visit>
requires std::is_same_v<std::remove_const_t<S>, Signature>
void visitSignatureFields(S& s, Visit&& visit) {
    visit("id", s.id);
    visit("station", s.stationId);
    visit("seq", s.seq);
    visit("at", s.at);
    visit("signer", s.signer);
    visit("printed_name", s.printedName);
    visit("meaning", s.meaning);
    visit("record_kind", s.recordKind);
    visit("record_id", s.recordId);
    visit("subject", s.subject);
    visit("record_hash", s.recordHash);
    visit("statement", s.statement);
    visit("reason", s.reason);
    visit("prev_hash", s.prevHash);
}

} // namespace lotstation::storage
