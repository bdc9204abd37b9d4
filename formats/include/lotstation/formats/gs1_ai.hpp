#pragma once
// The GS1 Application Identifier dictionary as data: every AI's format (N14, X..20, N6 [N6], ...), whether it
// has a predefined length (no FNC1/GS needed after it), the content checks ("linters") of each component, and
// the GS1 Digital Link roles. Generated once from GS1's Barcode Syntax Dictionary and committed as C++ data.
#include "lotstation/core/error.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace lotstation::formats {

enum class CharSet : std::uint8_t {
    Numeric, // N: 0-9
    Cset82,  // X: GS1 AI encodable character set 82
    Cset39,  // Y: GS1 AI encodable character set 39
    Cset64,  // Z: base64url (file-safe) characters
};

// Content checks named as in the dictionary, every one implemented except the two coupon linters (see
// linterImplemented). Code lists (ISO 3166, ISO 4217, package types) are carried as data; a GS1 Company
// Prefix is checked as GS1's reference linter does without a prefix lookup service (4 leading digits).
enum class Linter : std::uint8_t {
    None,
    Csum,                // GS1 mod-10 check digit
    CsumAlpha,           // check character pair (GMN, MUDI)
    GcpPos1,             // GS1 Company Prefix at position 1 (4 leading digits)
    GcpPos2,             // GS1 Company Prefix at position 2 (4 digits after the first)
    Yymmd0,              // date, day 00 = last day of the month
    Yymmdd,              // date
    Yyyymmdd,            // date with four-digit year
    Hhmi,                // hours and minutes
    Hh,                  // hours
    Mi,                  // minutes
    Ss,                  // seconds
    Iso3166,             // numeric country code, ISO 3166-1
    Iso3166With999,      // numeric country code or 999
    Iso3166Alpha2,       // two-letter country code, ISO 3166-1
    Iso4217,             // numeric currency code, ISO 4217
    Iso5218,             // sex: 0, 1, 2 or 9
    PercentEncoded,      // valid %XX escapes
    YesNo,               // 0 or 1
    Hyphen,              // "-"
    NonZero,             // not all zeros
    Zero,                // "0"
    Winding,             // 0, 1 or 9
    PieceOfTotal,        // piece number NN of total NN, 1 <= piece <= total
    ImporterIndex,       // one of 0-9 A-Z a-z - _
    PackageType,         // UN/ECE Rec. 21 package type code
    MediaType,           // AIDC media type 01-10 or 80-99
    PositionInSequence,  // "N/M"
    NoZeroPrefix,        // no leading zero unless the value is "0"
    HasNonDigit,         // at least one non-digit
    CouponCode,          // not implemented (see linterImplemented)
    CouponPositiveOffer, // not implemented (see linterImplemented)
    Iban,                // ISO 13616 IBAN with mod-97 check
    Latitude,            // 0..1800000000
    Longitude,           // 0..3600000000
};

struct AiComponent {
    CharSet charset = CharSet::Numeric;
    std::uint8_t minLength = 0;
    std::uint8_t maxLength = 0;
    bool optional = false;
    std::array<Linter, 3> linters{};
};

// One dictionary line; `first`..`last` is a range such as 3100-3105 (equal for a single AI).
struct AiSpec {
    std::string_view first;
    std::string_view last;
    bool predefinedLength = false; // "*": fixed length, no separator follows it
    bool dlDataAttribute = false;  // "?": allowed as a Digital Link query attribute
    std::array<AiComponent, 5> components{};
    std::uint8_t componentCount = 0;
    std::string_view
        requiredWith;          // "req=" groups joined by ';' (kept as data; see gs1.hpp for why not enforced)
    std::string_view excludes; // "ex=" list: AIs or patterns (n = any digit) that must not appear alongside
    bool dlPrimaryKey = false; // "dlpkey": may start a Digital Link path
    std::string_view dlQualifiers; // qualifier sequences after the key, e.g. "22,10,21|235"
    std::string_view title;

    [[nodiscard]] std::span<const AiComponent> parts() const { return {components.data(), componentCount}; }
    [[nodiscard]] std::size_t minLength() const;
    [[nodiscard]] std::size_t maxLength() const;
    [[nodiscard]] bool fixedLength() const { return minLength() == maxLength(); }
};

// The whole table, in the dictionary's order.
[[nodiscard]] std::span<const AiSpec> aiTable();

// The entry for exactly this AI ("01", "3103", "8200"), or nullptr when GS1 defines no such AI.
[[nodiscard]] const AiSpec* findAi(std::string_view ai);

// The AI at the start of `data` (AIs are prefix-free, so at most one matches), or nullptr.
struct AiMatch {
    const AiSpec* spec = nullptr;
    std::string_view ai;
};
[[nodiscard]] AiMatch matchAiPrefix(std::string_view data);

// How many leading digits of `data` a person should read as "the AI" in an error about an unknown AI: the
// length GS1 uses for AIs sharing its first two digits, else 2.
[[nodiscard]] std::size_t unknownAiLength(std::string_view data);

// A short name for messages: "GTIN", "SSCC", "expiry", "lot", ... or "AI (nnn)".
[[nodiscard]] std::string aiDisplayName(std::string_view ai);

// False only for the linters left out on purpose: CouponCode and CouponPositiveOffer (AIs 8110 / 8112, North
// American coupons, no use on a lot-tracking floor); their AIs still get their character and length checks.
[[nodiscard]] bool linterImplemented(Linter linter);

// Checks one AI value against its format and content rules. Errors read like
// "GTIN check digit wrong (expected 3, got 4)" or "AI (10) longer than 20 characters".
[[nodiscard]] Result<void> validateAiValue(std::string_view ai, std::string_view value);

} // namespace lotstation::formats
