// GS1 element strings in every form: raw with GS, behind symbology identifiers, parenthesised; typed fields;
// and bad data, each with the exact reason an operator would read.
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/gs1_ai.hpp"
#include "lotstation/formats/gtin.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace lotstation::formats;
using namespace std::chrono;
using namespace std::string_literals;

namespace {

const Gs1Options kOptions{year{2026}};
const std::string GS{kGroupSeparator};

Gs1Data parseOk(std::string_view text) {
    auto parsed = parseGs1(text, kOptions);
    INFO("input: " << std::string{text});
    REQUIRE_MESSAGE(parsed.has_value(), (parsed ? "" : parsed.error().message));
    return *parsed;
}

} // namespace

TEST_CASE("gs1: GTIN, expiry and lot in every input form give the same data") {
    const std::vector<std::string> forms{
        "0109501101530003"
        "17261231"
        "10AB-12",
        "]C1"
        "0109501101530003"
        "17261231"
        "10AB-12",
        "]d2"
        "0109501101530003"
        "10AB-12" +
            GS + "17261231",
        "]Q3"
        "0109501101530003"
        "17261231"
        "10AB-12",
        "]e0"
        "0109501101530003"
        "17261231"
        "10AB-12",
        "]J1"
        "0109501101530003"
        "17261231"
        "10AB-12",
        GS + "0109501101530003"
             "17261231"
             "10AB-12",
        "(01)09501101530003(17)261231(10)AB-12",
        "]e0(01)09501101530003(17)261231(10)AB-12",
    };
    for (const auto& form : forms) {
        const Gs1Data data = parseOk(form);
        CHECK(data.gtin == "09501101530003");
        CHECK(data.lot == "AB-12");
        CHECK(data.expiry == year_month_day{year{2026}, December, day{31}});
        CHECK(data.elements.size() == 3);
    }
}

TEST_CASE("gs1: the parenthesised form may be spaced out as printed under a barcode") {
    const Gs1Data data = parseOk("(01) 09501101530003 (17) 261231 (10) AB-12");
    CHECK(data.elements ==
          std::vector<Gs1Element>{{"01", "09501101530003"}, {"17", "261231"}, {"10", "AB-12"}});
    const auto inside = parseGs1("(01)09501101530003(10)AB 12", kOptions);
    REQUIRE_FALSE(inside.has_value());
    CHECK(inside.error().message == "AI (10) contains ' ', which GS1 does not allow there");
}

TEST_CASE("gs1: variable-length fields end at GS in the middle and at the end of data without GS") {
    const Gs1Data data = parseOk("]C1"
                                 "10LOT-7" +
                                 GS + "21SER/9" + GS +
                                 "0109501101530003"
                                 "30"
                                 "12");
    CHECK(data.lot == "LOT-7");
    CHECK(data.serial == "SER/9");
    CHECK(data.gtin == "09501101530003");
    CHECK(data.count == 12);
    CHECK(data.elements ==
          std::vector<Gs1Element>{{"10", "LOT-7"}, {"21", "SER/9"}, {"01", "09501101530003"}, {"30", "12"}});
    // A needless GS after a predefined-length field and a trailing GS are tolerated.
    CHECK(parseOk("0109501101530003" + GS + "10A" + GS).lot == "A");
}

TEST_CASE("gs1: day 00 is the last day of the month, leap years included") {
    CHECK(parseOk("(17)261200").expiry == year_month_day{year{2026}, December, day{31}});
    CHECK(parseOk("(15)280200").bestBefore == year_month_day{year{2028}, February, day{29}});
    CHECK(parseOk("(16)270200").sellBy == year_month_day{year{2027}, February, day{28}});
    CHECK(parseOk("(11)260400").productionDate == year_month_day{year{2026}, April, day{30}});
    CHECK(parseOk("(13)000229").packagingDate == year_month_day{year{2000}, February, day{29}});
}

TEST_CASE("gs1: two-digit years follow the GS1 century rule") {
    CHECK(gs1Year(26, year{2026}) == year{2026});
    CHECK(gs1Year(75, year{2026}) == year{2075}); // 49 ahead: this century
    CHECK(gs1Year(76, year{2026}) == year{2076}); // 50 ahead: still this century
    CHECK(gs1Year(77, year{2026}) == year{1977}); // 51 ahead: last century
    CHECK(gs1Year(99, year{2026}) == year{1999});
    CHECK(gs1Year(10, year{2060}) == year{2110}); // 50 behind: next century
    CHECK(gs1Year(11, year{2060}) == year{2011});
    CHECK(parseOk("(17)991231").expiry == year_month_day{year{1999}, December, day{31}});
}

TEST_CASE("gs1: net weight 310n / 320n is an exact decimal") {
    const Gs1Data kg = parseOk("(01)09501101530003(3103)001750");
    REQUIRE(kg.netWeight.has_value());
    CHECK(*kg.netWeight == NetWeight{1750, 3, WeightUnit::Kilogram});
    CHECK(formatNetWeight(*kg.netWeight) == "1.750 kg");
    CHECK(toMilligrams(*kg.netWeight) == 1'750'000);

    const Gs1Data fine = parseOk("(01)09501101530003(3105)000001");
    CHECK(formatNetWeight(*fine.netWeight) == "0.00001 kg");
    CHECK(toMilligrams(*fine.netWeight) == 10);
    CHECK(formatNetWeight(*parseOk("(3100)000250").netWeight) == "250 kg");

    const Gs1Data lb = parseOk("(01)09501101530003(3202)000150");
    CHECK(*lb.netWeight == NetWeight{150, 2, WeightUnit::Pound});
    CHECK(formatNetWeight(*lb.netWeight) == "1.50 lb");
    CHECK(toMilligrams(*lb.netWeight) == 680'389); // 1.5 lb = 680.388555 g
    CHECK(toMilligrams(NetWeight{1, 0, WeightUnit::Pound}) == 453'592);
}

TEST_CASE("gs1: 7003 expiry date and time") {
    const Gs1Data data = parseOk("]C1"
                                 "0109501101530003"
                                 "7003"
                                 "2612311430" +
                                 GS + "10B7");
    REQUIRE(data.expiryTime.has_value());
    CHECK(data.expiryTime->date == year_month_day{year{2026}, December, day{31}});
    CHECK(data.expiryTime->timeOfDay == hours{14} + minutes{30});
    CHECK(data.expiry == year_month_day{year{2026}, December, day{31}});
    CHECK(data.lot == "B7");
}

TEST_CASE("gs1: SSCC, content GTIN and count of a logistic unit") {
    const Gs1Data data = parseOk("]C1"
                                 "00106141411234567897"
                                 "0209501101530003"
                                 "37"
                                 "24" +
                                 GS + "10L1");
    CHECK(data.sscc == "106141411234567897");
    CHECK(data.contentGtin == "09501101530003");
    CHECK(data.count == 24);
    CHECK(data.lot == "L1");
}

TEST_CASE("gs1: company-internal AIs 90-99") {
    const Gs1Data data = parseOk("(01)09501101530003(10)ABC(91)INTERNAL-1(99)X/Y(90)Z");
    CHECK(data.internal() == std::vector<Gs1Element>{{"91", "INTERNAL-1"}, {"99", "X/Y"}, {"90", "Z"}});
    CHECK(data.value("99") == "X/Y");
    CHECK_FALSE(data.value("98").has_value());
}

TEST_CASE("gs1: less common AIs with their own checks") {
    CHECK(parseOk("(8013)1987654Ad4X4bL5ttr2310c2K").value("8013") == "1987654Ad4X4bL5ttr2310c2K");
    CHECK(parseOk("(01)09501101530003(8007)GB82WEST12345698765432").value("8007").has_value());
    CHECK(parseOk("(8006)095011015300030102").value("8006") == "095011015300030102");
    CHECK(parseOk("(01)09501101530003(7007)261201261231").value("7007") == "261201261231");
    CHECK(parseOk("(414)9501101020917(254)5678").value("254") == "5678");
    CHECK(parseOk("(01)09501101530003(422)250(8200)http://example.com/x").value("8200") ==
          "http://example.com/x");
}

TEST_CASE("gs1: element string and human-readable builders round-trip") {
    const std::vector<Gs1Element> elements{
        {"01", "09501101530003"}, {"10", "AB(12)C"}, {"17", "261231"}, {"21", "S1"}};
    const std::string raw = toElementString(elements);
    CHECK(raw == "0109501101530003"
                 "10AB(12)C" +
                     GS +
                     "17261231"
                     "21S1");
    CHECK(parseOk(raw).elements == elements);
    const std::string hri = toHumanReadable(elements);
    CHECK(hri == "(01)09501101530003(10)AB\\(12)C(17)261231(21)S1");
    CHECK(parseOk(hri).elements == elements);
}

TEST_CASE("gs1: bad data gives the exact reason") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"0109501101530004", "GTIN check digit wrong (expected 3, got 4)"},
        {"(01)09501101530003(17)261331", "expiry 261331 is not a date"},
        {"(10)ABCDEFGHIJKLMNOPQRSTU", "AI (10) longer than 20 characters"},
        {"(89)123", "unknown AI (89)"},
        {"]C1"
         "89123",
         "unknown AI (89)"},
        {"]C1"
         "0109501101530003"
         "17261",
         "data ends inside AI (17)"},
        {"(00)106141411234567890", "SSCC check digit wrong (expected 7, got 0)"},
        {"(02)09501101530004(37)5", "GTIN of contents check digit wrong (expected 3, got 4)"},
        {"(17)260230", "expiry 260230 is not a date"},
        {"(15)261300", "best-before date 261300 is not a date"},
        {"(11)270229", "production date 270229 is not a date"},
        {"(16)260000", "sell-by date 260000 is not a date"},
        {"(13)261232", "packaging date 261232 is not a date"},
        {"(7003)2612312460", "expiry time 2460 is not a time of day"},
        {"(7003)2613311200", "expiry time 261331 is not a date"},
        {"(7003)2612000800", "expiry time 261200 is not a date"}, // day 00 is not allowed in 7003
        {"(7003)261231", "AI (7003) must be 10 digits, got 6"},
        {"(01)0950110153000", "AI (01) must be 14 digits, got 13"},
        {"(01)0950110153000A", "AI (01) allows only digits here, found 'A'"},
        {"(10)AB CD", "AI (10) contains ' ', which GS1 does not allow there"},
        {"(10)AB~CD", "AI (10) contains '~', which GS1 does not allow there"},
        {"(3103)1750", "AI (3103) must be 6 digits, got 4"},
        {"(30)123456789", "AI (30) longer than 8 characters"},
        {"(10)(17)261231", "AI (10) is empty"},
        {"]C1", "no GS1 data"},
        {"]C1"
         "ABC",
         "expected an AI but found 'A' at \"ABC\""},
        {"(01)09501101530003(02)09501101530003(37)1", "AIs (01) and (02) must not appear together"},
        {"(01)09501101530003(3102)000150(3103)001750", "AIs (3102) and (3103) must not appear together"},
        {"(10)A(10)B", "AI (10) appears twice with different values"},
        {"]C1"
         "017",
         "data ends inside AI (01)"},
        {"]C1"
         "0109501101530003"
         "10",
         "data ends inside AI (10)"},
        {"(01)09501101530003(17)", "data ends inside AI (17)"},
        {"(7099)X", "unknown AI (7099)"},
        {"]C1"
         "7099X",
         "unknown AI (7099)"},
        {"]C1"
         "0109501101530003"
         "1726" +
             GS + "10A",
         "AI (17) cut short by a GS separator after 2 of its 6 characters"},
        {"]C1"
         "0",
         "data ends inside an AI (\"0\")"},
        {"(4321)2", "AI (4321): 2 is not a valid yes/no flag"},
        {"(8006)095011015300030302", "ITIP piece 3 of 2 is not valid"},
        {"(422)12", "AI (422) must be 3 digits, got 2"},
        {"(01)09501101530003(7007)261231261331", "harvest date 261331 is not a date"},
        {"(00)106141411234567897(4309)18000000010000000000", "AI (4309) 1800000001 is not a valid latitude"},
        {"(01)09501101530003(8007)GB82WEST12345698765433",
         "AI (8007) GB82WEST12345698765433 is not a valid IBAN"},
        {"(8013)1987654Ad4X4bL5ttr2310c2Z", "AI (8013) check characters wrong (expected 2K, got 2Z)"},
        {"(01)09501101530003(3922)795888888888888888", "AI (3922) longer than 15 characters"},
        {"(01)09501101530003(3932)040EUR", "AI (3932) allows only digits here, found 'E'"},
        {"(01)09501101530003(423)0123456789012", "AI (423) ends inside a part that needs 3 digits"},
        {"01)09501101530003", "AI (01) allows only digits here, found ')'"},
        {"(01)09501101530003)", "AI (01) must be 14 digits, got 15"},
    };
    for (const auto& [input, reason] : cases) {
        const auto parsed = parseGs1(input, kOptions);
        INFO("input: " << input);
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().message == reason);
    }
}

TEST_CASE("gs1: AI table lookups") {
    REQUIRE(findAi("01") != nullptr);
    CHECK(findAi("01")->predefinedLength);
    CHECK(findAi("3103")->title == "NET WEIGHT (kg)");
    CHECK(findAi("3106") == nullptr);
    CHECK(findAi("95")->maxLength() == 90);
    CHECK(findAi("7003")->maxLength() == 10);
    CHECK_FALSE(findAi("7003")->predefinedLength); // fixed length, yet a GS must follow it
    CHECK(matchAiPrefix("3103001750").ai == "3103");
    CHECK(matchAiPrefix("8912").spec == nullptr);
    CHECK(gs1CheckDigit("0950110153000") == 3);
}
