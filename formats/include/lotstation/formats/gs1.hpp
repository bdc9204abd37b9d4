#pragma once
// GS1 element strings, as GS1-128, GS1 DataMatrix, GS1 QR and DataBar carry them, parsed into Application
// Identifiers with their check digits and dates validated, plus the fields a lot-tracking station uses.
//
// Accepted input forms:
//   "0109501101530003" "17261231" "10AB-12"      raw element string, variable-length fields ended by GS
//                                                 (ASCII 29) or the end of the data
//   "]C1..." "]d2..." "]Q3..." "]e0..." "]J1..."  the same behind an AIM symbology identifier
//   "\x1D0109501101530003..."                     a leading FNC1 transmitted as GS
//   "(01)09501101530003(17)261231(10)AB-12"       the parenthesised human-readable form
//
// Not enforced: the dictionary's "req=" pairings (a lot needs a GTIN, ...), because GS1 evaluates them over
// all codes on a package and one code of several may legitimately carry only (10)/(17). "ex=" exclusions and
// conflicting repeats are enforced: they are wrong in any single code.
#include "lotstation/core/error.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::formats {

inline constexpr char kGroupSeparator = '\x1D';

struct Gs1Element {
    std::string ai;    // "01", "3103", "7003"
    std::string value; // as encoded, e.g. "001750" for (3103)
    friend bool operator==(const Gs1Element&, const Gs1Element&) = default;
};

enum class WeightUnit { Kilogram, Pound };

// An exact decimal: `units` / 10^`decimals`, e.g. (3103)001750 is 1750 / 10^3 kg = 1.750 kg. Never a double.
struct NetWeight {
    std::int64_t units = 0;
    int decimals = 0;
    WeightUnit unit = WeightUnit::Kilogram;
    friend bool operator==(const NetWeight&, const NetWeight&) = default;
};

// Milligrams: exact for kilograms (310n, n <= 5); for pounds (320n) rounded to the nearest milligram from the
// exact definition 1 lb = 453.59237 g, in integer arithmetic.
[[nodiscard]] std::int64_t toMilligrams(const NetWeight& weight);
// "1.750 kg", "12.5 lb"
[[nodiscard]] std::string formatNetWeight(const NetWeight& weight);

struct Gs1DateTime {
    std::chrono::year_month_day date;
    std::chrono::minutes timeOfDay{0};
    friend bool operator==(const Gs1DateTime&, const Gs1DateTime&) = default;
};

struct Gs1Data {
    std::vector<Gs1Element> elements; // in the order they appear in the code

    std::optional<std::string> sscc;                           // (00)
    std::optional<std::string> gtin;                           // (01), 14 digits
    std::optional<std::string> contentGtin;                    // (02)
    std::optional<std::string> lot;                            // (10)
    std::optional<std::string> serial;                         // (21)
    std::optional<std::chrono::year_month_day> productionDate; // (11)
    std::optional<std::chrono::year_month_day> packagingDate;  // (13)
    std::optional<std::chrono::year_month_day> bestBefore;     // (15)
    std::optional<std::chrono::year_month_day> sellBy;         // (16)
    std::optional<std::chrono::year_month_day> expiry;         // (17), or the date of (7003)
    std::optional<Gs1DateTime> expiryTime;                     // (7003)
    std::optional<std::int64_t> count;  // (37) count of trade items, else (30) variable count
    std::optional<NetWeight> netWeight; // (3100)-(3105) kg or (3200)-(3205) lb

    // The value of the first element with this AI.
    [[nodiscard]] std::optional<std::string_view> value(std::string_view ai) const;
    // Company-internal elements (90)-(99), in order.
    [[nodiscard]] std::vector<Gs1Element> internal() const;

    friend bool operator==(const Gs1Data&, const Gs1Data&) = default;
};

struct Gs1Options {
    // Two-digit years are placed in a century by the GS1 rule (General Specifications 7.12: up to 49 years
    // ahead, 50 years back) relative to this year; absent = the current UTC year.
    std::optional<std::chrono::year> referenceYear;
};

// Parses any of the accepted forms (see top of file). Every element is validated (format, check digits,
// dates, exclusions); the first problem is the error.
[[nodiscard]] Result<Gs1Data> parseGs1(std::string_view text, const Gs1Options& options = {});

// Validates elements that arrived some other way (a Digital Link) and fills the typed fields.
[[nodiscard]] Result<Gs1Data> gs1FromElements(std::vector<Gs1Element> elements, const Gs1Options& options = {});

// True when text starts with an AIM identifier that announces GS1 data: ]C1 ]d2 ]Q3 ]e0 ]J1 (and the DataBar
// composite ids ]e1 ]e2).
[[nodiscard]] bool isGs1SymbologyId(std::string_view symbologyId);

// The raw element string: AIs concatenated, GS after each variable-length field except the last.
[[nodiscard]] std::string toElementString(const std::vector<Gs1Element>& elements);
// The human-readable form "(01)09501101530003(10)AB-12" ("(" of a value that would read as an AI is "\(").
[[nodiscard]] std::string toHumanReadable(const std::vector<Gs1Element>& elements);

// The raw element string of parenthesised text ("(01)...(10)LOT" -> "01..." "10LOT"), as decoders that hand
// back the human-readable form (ZXing's DataBar Expanded) must pass it on; nothing when the text is not
// valid parenthesised GS1 data (the interpreter then reports why from the text itself).
[[nodiscard]] std::optional<std::string> elementStringFromHumanReadable(std::string_view text);

// A date as YYMMDD for the date AIs (11, 13, 15, 17, ...). `what` names it in errors: "expiry is not a valid
// date", "expiry 2126-01-01 is outside 2000-2099" (the years a label printed today can mean).
[[nodiscard]] Result<std::string> toGs1Date(const std::chrono::year_month_day& date, std::string_view what);

// A two-digit year placed in its century by the GS1 rule.
[[nodiscard]] std::chrono::year gs1Year(int twoDigitYear, std::chrono::year referenceYear);

} // namespace lotstation::formats
