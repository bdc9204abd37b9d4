// RFID tags of lots (lot_tags.hpp): the serial a station assigns, the EPC checked by formats' one lot-tag
// rule, and the append-only record that lets a scan of the tag find the lot.
#include "lotstation/storage/lot_tags.hpp"

#include "../crypto.hpp"
#include "../ledger_core.hpp"
#include "../rows.hpp"
#include "../validation.hpp"
#include "tag_rows.hpp"
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/gtin.hpp"
#include "lotstation/formats/lot_epc.hpp"

#include <cctype>

namespace lotstation::storage {
namespace {

constexpr std::int64_t kSerialsPerStation = 100000; // N×100000+1 … N×100000+99999

constexpr std::string_view kColumns = "id, gtin, serial, lot_code, scheme, epc_hex, station_id, user_name, at";

template <typename Row> LotTag readTag(const Row& s) {
    return LotTag{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                  parseTimestamp(s.text(8)).value_or(Timestamp{})};
}

std::optional<LotTag> findTag(LedgerCore& core, const std::string& gtin, std::string_view serial) {
    auto s = core.db.cached("SELECT " + std::string(kColumns) + " FROM lot_tags WHERE gtin = ?1 AND serial = ?2");
    s.bindAll(gtin, serial);
    if (!s.step()) return std::nullopt;
    return readTag(s);
}

constexpr std::string_view kNotVoided = " AND NOT EXISTS (SELECT 1 FROM lot_tag_voids v WHERE v.tag_id = lot_tags.id)";

// The next free serial of this station's range for the GTIN, read inside the caller's write transaction.
Result<std::string> nextSerial(LedgerCore& core, const std::string& gtin) {
    auto base = tagSerialBase(core.identity.shortCode);
    if (!base) return std::unexpected(base.error());
    auto s = core.db.cached("SELECT max(CAST(serial AS INTEGER)) FROM lot_tags WHERE gtin = ?1 AND "
                            "length(serial) <= 12 AND CAST(serial AS INTEGER) BETWEEN ?2 AND ?3");
    s.bindAll(gtin, *base, *base + kSerialsPerStation - 2);
    const auto last = s.step() ? s.optInt64(0) : std::nullopt;
    const auto next = last ? *last + 1 : *base;
    if (next > *base + kSerialsPerStation - 2)
        return fail(ErrorKind::Refused, "this station has assigned all " +
                                            std::to_string(kSerialsPerStation - 1) + " tag serials of GTIN " +
                                            gtin + " (its range starts at " + std::to_string(*base) + ")");
    return std::to_string(next);
}

std::optional<std::string> gs1Date(const std::optional<Date>& date) {
    if (!date) return std::nullopt;
    auto text = formats::toGs1Date(*date, "date");
    return text ? std::optional(*text) : std::nullopt;
}

} // namespace

Result<std::int64_t> tagSerialBase(std::string_view shortCode) {
    static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    if (shortCode.size() > 4)
        return fail(ErrorKind::Invalid, "station short code '" + std::string(shortCode) + "' is longer than 4");
    std::int64_t number = 0;
    for (char c : shortCode) {
        const auto digit = kDigits.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        if (digit == std::string_view::npos)
            return fail(ErrorKind::Invalid, "station short code may hold only letters and digits");
        number = number * 36 + static_cast<std::int64_t>(digit) + 1;
    }
    return number * kSerialsPerStation + 1;
}

Result<LotTag> tagLot(Ledger& ledger, const TagRequest& request) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<LotTag> {
        auto scheme = formats::parseEpcScheme(request.scheme);
        if (!scheme) return std::unexpected(scheme.error());
        auto user = requireUser(core, request.user);
        if (!user) return std::unexpected(user.error());
        sql::Transaction transaction(core.db);
        auto lot = requireLot(core, request.lot);
        if (!lot) return std::unexpected(lot.error());
        auto item = requireItem(core, lot->lot.sku);
        if (!item) return std::unexpected(item.error());
        formats::LotTag tag{*scheme, request.filter, request.companyPrefixDigits, lot->lot.code, item->item.gtin,
                            request.serial.value_or(""), gs1Date(lot->lot.expiry), gs1Date(lot->lot.bestBefore)};
        if (!tag.gtin) { // the sentence formats gives, before any serial is taken from the range
            auto refused = formats::lotEpc(tag);
            return std::unexpected(refused ? Error{ErrorKind::Invalid, "no GTIN"} : refused.error());
        }
        if (!request.serial) {
            auto serial = nextSerial(core, *tag.gtin);
            if (!serial) return std::unexpected(serial.error());
            tag.serial = *serial;
        }
        auto hex = formats::lotEpcHex(tag);
        if (!hex) return std::unexpected(hex.error());
        if (auto existing = findTag(core, *tag.gtin, tag.serial)) {
            if (existing->lot == lot->lot.code) return *existing;
            return fail(ErrorKind::Conflict, "serial " + tag.serial + " of GTIN " + *tag.gtin +
                                                 " is already the tag of lot " + existing->lot +
                                                 ": nothing was recorded");
        }
        LotTag record;
        record.at = core.clock();
        record.id = newUuidV7(record.at);
        record.gtin = *tag.gtin;
        record.serial = tag.serial;
        record.lot = lot->lot.code;
        record.scheme = formats::toString(*scheme);
        record.epcHex = *hex;
        record.stationId = core.identity.stationId;
        record.user = user->name;
        core.db
            .cached("INSERT INTO lot_tags (" + std::string(kColumns) + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bindAll(record.id, record.gtin, record.serial, record.lot, record.scheme, record.epcHex,
                     record.stationId, record.user, formatTimestamp(record.at))
            .run();
        transaction.commit();
        return record;
    });
}

Result<LotTag> lotTag(const Ledger& ledger, std::string_view gtin, std::string_view serial) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<LotTag> {
        const auto gtin14 = formats::asGtin14(gtin);
        if (!gtin14) return fail(ErrorKind::Invalid, "'" + std::string(gtin) + "' is not a GTIN");
        if (auto tag = findTag(core, *gtin14, serial)) {
            if (auto voided = findTagVoid(core, tag->id))
                return fail(ErrorKind::NotFound, "the tag of GTIN " + *gtin14 + " serial " + std::string(serial) +
                                                     " was voided (" + voided->reason + "): it names no lot");
            return *tag;
        }
        return fail(ErrorKind::NotFound, "no lot has the tag of GTIN " + *gtin14 + " serial " + std::string(serial));
    });
}

std::vector<LotTag> tagsOfLot(const Ledger& ledger, std::string_view lot) {
    auto& core = LedgerAccess::core(ledger);
    auto s = core.db.cached("SELECT " + std::string(kColumns) + " FROM lot_tags WHERE lot_code = ?1" + std::string(kNotVoided) +
                            " ORDER BY pos");
    s.bindAll(lot);
    std::vector<LotTag> out;
    while (s.step()) out.push_back(readTag(s));
    return out;
}

std::optional<LotTag> findTagById(LedgerCore& core, std::string_view id) {
    auto s = core.db.cached("SELECT " + std::string(kColumns) + " FROM lot_tags WHERE id = ?1");
    s.bindAll(id);
    if (!s.step()) return std::nullopt;
    return readTag(s);
}

Result<TagVoid> voidLotTag(Ledger& ledger, std::string_view tagId, std::string_view reason, std::string_view user) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<TagVoid> {
        auto why = validReason(reason, "voiding a tag");
        if (!why) return std::unexpected(why.error());
        auto who = requireUser(core, std::string(user));
        if (!who) return std::unexpected(who.error());
        sql::Transaction transaction(core.db);
        if (!findTagById(core, tagId)) return fail(ErrorKind::NotFound, "no tag " + std::string(tagId));
        if (auto earlier = findTagVoid(core, tagId)) return *earlier;
        TagVoid record{std::string(tagId), core.identity.stationId, who->name, core.clock(), *why};
        core.db
            .cached("INSERT INTO lot_tag_voids (tag_id, station_id, user_name, at, reason) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bindAll(record.tagId, record.stationId, record.user, formatTimestamp(record.at), record.reason)
            .run();
        transaction.commit();
        return record;
    });
}

} // namespace lotstation::storage
