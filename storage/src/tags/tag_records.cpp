// Tags and their voids in the record log (quality_sync.hpp): read by id for the outbox and the server's pull,
// and written as another station made them.
#include "tag_rows.hpp"

#include "../rows.hpp"

namespace lotstation::storage {

std::optional<TagVoid> findTagVoid(LedgerCore& core, std::string_view tagId) {
    auto s = core.db.cached("SELECT tag_id, station_id, user_name, at, reason FROM lot_tag_voids WHERE tag_id = ?1");
    s.bindAll(tagId);
    if (!s.step()) return std::nullopt;
    return TagVoid{s.text(0), s.text(1), s.text(2), parseTimestamp(s.text(3)).value_or(Timestamp{}), s.text(4)};
}

Result<void> insertRemoteTag(LedgerCore& core, const LotTag& tag) {
    auto taken = core.db.cached("SELECT id, lot_code FROM lot_tags WHERE gtin = ?1 AND serial = ?2");
    taken.bindAll(tag.gtin, tag.serial);
    if (taken.step())
        return fail(ErrorKind::Conflict, "tag " + tag.id + ": serial " + tag.serial + " of GTIN " + tag.gtin +
                                             " is already tag " + taken.text(0) + " of lot " + taken.text(1) +
                                             " here; never overwritten");
    core.db
        .cached("INSERT INTO lot_tags (id, gtin, serial, lot_code, scheme, epc_hex, station_id, user_name, at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bindAll(tag.id, tag.gtin, tag.serial, tag.lot, tag.scheme, tag.epcHex, tag.stationId, tag.user,
                 formatTimestamp(tag.at))
        .run();
    return {};
}

Result<void> insertRemoteTagVoid(LedgerCore& core, const TagVoid& tagVoid) {
    if (!findTagById(core, tagVoid.tagId))
        return fail(ErrorKind::NotFound, "void of tag " + tagVoid.tagId + ": the tag is not known here yet");
    core.db
        .cached("INSERT INTO lot_tag_voids (tag_id, station_id, user_name, at, reason) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bindAll(tagVoid.tagId, tagVoid.stationId, tagVoid.user, formatTimestamp(tagVoid.at), tagVoid.reason)
        .run();
    return {};
}

} // namespace lotstation::storage
