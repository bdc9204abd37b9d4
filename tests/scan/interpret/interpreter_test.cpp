// The interpreter's classification table: each kind of scanned text, from the camera (with a symbology
// identifier) and from a wedge scanner (prefix in the text, or none), and the one-line descriptions.
#include "lotstation/scan/interpreter.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace lotstation::scan;
using namespace lotstation::formats;
using namespace std::chrono;

namespace {

const InterpretOptions kOptions{year{2026}};
const std::string GS{kGroupSeparator};

enum class Kind { Gs1, Link, Lot, Location, Badge, Command, Lookup, Unreadable };

Kind kindOf(const Meaning& meaning) {
    return static_cast<Kind>(meaning.index());
}

struct Row {
    std::string text;
    std::string symbologyId;
    Kind kind;
    std::string description;
};

// What must hold for any input: GS1 results re-parse from their own element string to the same elements,
// lookup keys are clean non-empty text, unreadable results say why, and every meaning has a description.
void checkInvariants(const Meaning& meaning) {
    if (const auto* gs1 = std::get_if<Gs1Data>(&meaning)) {
        const auto again = parseGs1(toElementString(gs1->elements), Gs1Options{year{2026}});
        REQUIRE(again.has_value());
        CHECK(again->elements == gs1->elements);
    } else if (const auto* key = std::get_if<LookupKey>(&meaning)) {
        CHECK_FALSE(key->key.empty());
        CHECK(key->key.front() != ' ');
        CHECK(std::none_of(key->key.begin(), key->key.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    } else if (const auto* unreadable = std::get_if<Unreadable>(&meaning)) {
        CHECK_FALSE(unreadable->reason.empty());
        CHECK(std::none_of(unreadable->shown.begin(), unreadable->shown.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    }
    CHECK_FALSE(describe(meaning).empty());
}

} // namespace

TEST_CASE("interpreter: classification table") {
    const std::vector<Row> rows{
        // GS1 by symbology identifier, passed in or leading the text
        {"0109501101530003"
         "17261231"
         "10AB-12",
         "]C1", Kind::Gs1, "GS1: GTIN 09501101530003, lot AB-12, expiry 2026-12-31"},
        {"]d2"
         "0109501101530003"
         "10AB-12" +
             GS + "17261200",
         "", Kind::Gs1, "GS1: GTIN 09501101530003, lot AB-12, expiry 2026-12-31"},
        {"0109501101530003"
         "3103001750",
         "]Q3", Kind::Gs1, "GS1: GTIN 09501101530003, net 1.750 kg"},
        {"(01)09501101530003(3202)000150", "]e0", Kind::Gs1, "GS1: GTIN 09501101530003, net 1.50 lb"},
        {"]J1"
         "00106141411234567897"
         "0209501101530003"
         "3724",
         "", Kind::Gs1, "GS1: SSCC 106141411234567897, contains GTIN 09501101530003, count 24"},
        // GS1 by a leading FNC1 (GS) or the parenthesised form, whatever the symbology
        {GS + "0109501101530003"
              "7003"
              "2612311430",
         "", Kind::Gs1, "GS1: GTIN 09501101530003, expiry 2026-12-31 14:30"},
        {"(01)09501101530003(15)270600(11)260101", "]Q1", Kind::Gs1,
         "GS1: GTIN 09501101530003, best before 2027-06-30, produced 2026-01-01"},
        {"(91)SHELF-4", "", Kind::Gs1, "GS1: (91)SHELF-4"},
        // GS1 with bad data stays GS1's problem, never a lookup key
        {"0109501101530004"
         "10X",
         "]C1", Kind::Unreadable,
         "Not understood: \"0109501101530004"
         "10X\": GTIN check digit wrong (expected 3, got 4)"},
        {"(01)09501101530003(17)261331", "", Kind::Unreadable,
         "Not understood: \"(01)09501101530003(17)261331\": expiry 261331 is not a date"},
        {"]C1"
         "0109501101530003"
         "1726",
         "", Kind::Unreadable,
         "Not understood: \"]C1"
         "0109501101530003"
         "1726\": data ends inside AI (17)"},
        {"HELLO", "]d2", Kind::Unreadable,
         "Not understood: \"HELLO\": expected an AI but found 'H' at \"HELLO\""},
        // Bare GS1 from a scanner that dropped the prefix: parses completely with valid checks
        {"0109501101530003"
         "17261231"
         "10AB-12",
         "", Kind::Gs1, "GS1: GTIN 09501101530003, lot AB-12, expiry 2026-12-31"},
        {"0109501101530003", "", Kind::Gs1, "GS1: GTIN 09501101530003"},
        {"00106141411234567897", "", Kind::Gs1, "GS1: SSCC 106141411234567897"},
        // ...but not when the check digit fails, the data is incomplete, or the symbology says it is not GS1
        {"0109501101530004", "", Kind::Lookup, "Code 0109501101530004"},
        {"01095011015300", "", Kind::Lookup, "Code 01095011015300"},
        {"0109501101530003"
         "17261231"
         "10AB-12",
         "]C0", Kind::Lookup,
         "Code 0109501101530003"
         "17261231"
         "10AB-12"},
        {"10AB-12", "", Kind::Lookup, "Code 10AB-12"},
        // EAN/UPC and ITF-14 carry GTINs
        {"9501101530003", "]E0", Kind::Gs1, "GS1: GTIN 09501101530003"},
        {"95011011", "]E4", Kind::Gs1, "GS1: GTIN 00000095011011"},
        {"036000291452", "]E0", Kind::Gs1, "GS1: GTIN 00036000291452"}, // UPC-A
        {"01234565", "]E0", Kind::Gs1, "GS1: GTIN 00012345000065"},     // UPC-E, expanded
        {"04252614", "]E0", Kind::Gs1, "GS1: GTIN 00042100005264"},
        {"01234531", "]E0", Kind::Gs1, "GS1: GTIN 00012300000451"},
        {"01234543", "]E0", Kind::Gs1, "GS1: GTIN 00012340000053"},
        {"04210000526", "]E0", Kind::Lookup, "Code 04210000526"},
        {"19501101530000", "]I0", Kind::Gs1, "GS1: GTIN 19501101530000"},
        {"12345", "]I0", Kind::Lookup, "Code 12345"},
        // Digital Link
        {"https://id.gs1.org/01/09501101530003/10/SOAP-261124-01?17=271124", "]Q1", Kind::Link,
         "GS1 Digital Link: GTIN 09501101530003, lot SOAP-261124-01, expiry 2027-11-24 (id.gs1.org)"},
        {"https://id.gs1.org/01/09501101530004", "]Q1", Kind::Unreadable,
         "Not understood: \"https://id.gs1.org/01/09501101530004\": GTIN check digit wrong (expected 3, got "
         "4)"},
        {"https://example.com/contact", "]Q1", Kind::Unreadable,
         "Not understood: \"https://example.com/contact\": web address without a GS1 key in its path (such "
         "as /01/ "
         "and a GTIN), so not a GS1 Digital Link"},
        // Our own labels
        {"LS:LOT:SOAP-261124-01", "]Q1", Kind::Lot, "Lot label SOAP-261124-01"},
        {"ls:loc:DOCK-1", "", Kind::Location, "Location label DOCK-1"},
        {"LS:USR:BADGE-0042", "", Kind::Badge, "User badge ending 42"},
        {"LS:CMD:FINISH", "]Q1", Kind::Command, "Command label FINISH"},
        {"LS:CMD:REBOOT", "]Q1", Kind::Unreadable,
         "Not understood: \"LS:CMD:REBOOT\": unknown command \"REBOOT\" on a command label"},
        // Anything else is a lookup key, trimmed; a GTIN-shaped one says so
        {"  SOAP-261124-01 \r\n", "", Kind::Lookup, "Code SOAP-261124-01"},
        {"supplier lot 7/B", "]C0", Kind::Lookup, "Code supplier lot 7/B"},
        {"4006381333931", "", Kind::Lookup, "Code 4006381333931 (a GTIN)"},
        {"Grüße", "]Q1", Kind::Lookup, "Code Grüße"},
        // Nothing sensible
        {"", "", Kind::Unreadable, "Not understood: \"\": nothing was read"},
        {" \r\n", "]Q1", Kind::Unreadable, "Not understood: \" <CR><LF>\": nothing was read"},
        {"AB\x01"
         "CD",
         "]Q1", Kind::Unreadable,
         "Not understood: \"AB\\x01CD\": contains control characters, so it is no code the station knows"},
        {"AB" + GS + "CD", "]Q1", Kind::Unreadable,
         "Not understood: \"AB<GS>CD\": contains control characters, so it is no code the station knows"},
        {"\xFF\xFE"
         "bin",
         "]Q1", Kind::Unreadable, "Not understood: \"\\xFF\\xFEbin\": not text (invalid UTF-8 bytes)"},
        {std::string(300, 'A'), "]Q1", Kind::Unreadable,
         "Not understood: \"" + std::string(80, 'A') + "…\": too long for a code (300 characters)"},
    };
    for (const auto& row : rows) {
        INFO("text: " << displayScannedText(row.text) << "  id: " << row.symbologyId);
        const Meaning meaning = interpret(row.text, row.symbologyId, kOptions);
        CHECK(kindOf(meaning) == row.kind);
        CHECK(describe(meaning) == row.description);
    }
}

TEST_CASE("interpreter: typed results carry the fields the station needs") {
    const Meaning gs1 = interpret("]C1"
                                  "0109501101530003"
                                  "10AB-12" +
                                      GS + "3103001750",
                                  "", kOptions);
    REQUIRE(std::holds_alternative<Gs1Data>(gs1));
    CHECK(std::get<Gs1Data>(gs1).lot == "AB-12");
    CHECK(toMilligrams(*std::get<Gs1Data>(gs1).netWeight) == 1'750'000);

    const Meaning key = interpret("036000291452", "", kOptions);
    REQUIRE(std::holds_alternative<LookupKey>(key));
    CHECK(std::get<LookupKey>(key) == LookupKey{"036000291452", "00036000291452"});

    const Meaning command = interpret("LS:CMD:undo", "]Q1", kOptions);
    CHECK(command == Meaning{OwnCommand{StationCommand::Undo}});

    ScannedCode code;
    code.text = "0109501101530003"
                "17261231";
    code.symbologyId = "]C1";
    const Meaning fromCode = interpret(code, kOptions);
    REQUIRE(std::holds_alternative<Gs1Data>(fromCode));
    CHECK(std::get<Gs1Data>(fromCode).expiry == year_month_day{year{2026}, December, day{31}});
}

TEST_CASE("interpreter: survives arbitrary bytes") {
    // Every short byte pattern and a pseudo-random stream: no crash, and always a description.
    std::string text;
    std::uint32_t state = 12345;
    for (int i = 0; i < 20000; ++i) {
        state = state * 1664525u + 1013904223u;
        const auto length = static_cast<std::size_t>((state >> 8) % 40);
        text.clear();
        for (std::size_t j = 0; j < length; ++j) {
            state = state * 1664525u + 1013904223u;
            // Bias towards the characters that steer classification.
            constexpr std::string_view interesting = "0123456789()]C1dQLS:%/?=&\x1D"
                                                     "https://";
            const auto pick = state >> 24;
            text += pick < 200 ? interesting[pick % interesting.size()] : static_cast<char>(pick);
        }
        checkInvariants(interpret(text, (i % 3 == 0) ? "]C1" : "", kOptions));
    }
}

TEST_CASE("interpreter: survives mutations of every kind of valid input") {
    // Flipped, inserted and deleted bytes in real payloads reach the deepest parser paths.
    const std::vector<std::string> seeds{
        "0109501101530003"
        "17261231"
        "10AB-12" +
            GS +
            "3103001750"
            "7003"
            "2612311430",
        "(01)09501101530003(17)261200(10)AB-12(21)S1(91)X",
        "https://id.gs1.org/01/09501101530003/22/V/10/A%26B/21/S%2F1?17=261231&3103=001750",
        "LS:LOT:SEIFE-%C3%9C",
        "(8013)1987654Ad4X4bL5ttr2310c2K(8007)GB82WEST12345698765432(4309)18000000010000000000",
    };
    std::uint32_t state = 987654321;
    const auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (int i = 0; i < 20000; ++i) {
        std::string text = seeds[next() % seeds.size()];
        const auto edits = 1 + next() % 4;
        for (std::uint32_t e = 0; e < edits && !text.empty(); ++e) {
            const auto at = next() % text.size();
            switch (next() % 3) {
            case 0:
                text[at] = static_cast<char>(next());
                break;
            case 1:
                text.insert(at, 1, static_cast<char>(next()));
                break;
            default:
                text.erase(at, 1 + next() % 3);
                break;
            }
        }
        checkInvariants(interpret(text, (i % 2 == 0) ? "]C1" : "", kOptions));
    }
}
