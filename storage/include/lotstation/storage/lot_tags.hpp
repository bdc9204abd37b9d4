#pragma once
// RFID tags of lots: which (GTIN, serial) the station wrote on a lot's tag, recorded append-only with who and
// when, so a scan of the tag (an SGTIN carries GTIN + serial, no lot) finds the lot. Free functions over a
// Ledger.
//
// Serials the station assigns are unique across stations working offline the way lot codes are: by the
// station's short code. Its 1-4 letters / digits, read as a bijective base-36 number N (A=1 … Z=26, 0=27 …
// 9=36, so "A" and "0A" differ; no short code is 0), give the station the range N×100000+1 … N×100000+99999
// per GTIN; the largest range (short code "9999") ends below 2^38, the most an SGTIN-96 serial holds.
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

struct TagRequest {
    std::string lot{};
    std::string scheme = "sgtin-96"; // sgtin-96, sgtin+ or dsgtin+
    int filter = 1;
    int companyPrefixDigits = 7;      // sgtin-96
    std::optional<std::string> serial{}; // given by hand; empty: the station assigns the next one
    std::string user{};
};

struct LotTag {
    std::string id{};     // UUID v7
    std::string gtin{};   // 14 digits
    std::string serial{};
    std::string lot{};
    std::string scheme{};
    std::string epcHex{}; // what was written on the tag
    std::string stationId{};
    std::string user{};
    Timestamp at{};
};

// A tag taken for a label that did not print: its serial stays taken (never assigned again), but it names no
// lot any more. Append-only, and it travels to other stations like the tag.
struct TagVoid {
    std::string tagId{};
    std::string stationId{};
    std::string user{};
    Timestamp at{};
    std::string reason{};
};

// Checks the whole EPC (lot, its item's GTIN, scheme, serial, dates) and then records the tag. A serial given
// by hand that this lot already has returns the earlier record; one another lot has is a Conflict. Errors
// are sentences and nothing is written.
[[nodiscard]] Result<LotTag> tagLot(Ledger& ledger, const TagRequest& request);

// Voids a tag recorded here (its label did not print), with the reason. Voiding it again returns the first
// void; NotFound when no tag has this id.
[[nodiscard]] Result<TagVoid> voidLotTag(Ledger& ledger, std::string_view tagId, std::string_view reason,
                                         std::string_view user);

// The tag recorded for this GTIN (any length) and serial; NotFound when none, or when it was voided.
[[nodiscard]] Result<LotTag> lotTag(const Ledger& ledger, std::string_view gtin, std::string_view serial);
[[nodiscard]] std::vector<LotTag> tagsOfLot(const Ledger& ledger, std::string_view lot); // voided ones left out

// The first serial of this short code's range (see above): "" → 1, "A" → 100001, "A1" → 6400001.
[[nodiscard]] Result<std::int64_t> tagSerialBase(std::string_view shortCode);

} // namespace lotstation::storage
