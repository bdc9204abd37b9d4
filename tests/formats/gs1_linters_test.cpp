// Every linter GS1's Barcode Syntax Dictionary names, through an AI that uses it: a value it accepts and one it
// refuses, with the reason. The coupon linters (8110 / 8112) are left out on purpose (linterImplemented).
#include "lotstation/formats/gs1_ai.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace lotstation::formats;

namespace {

struct LinterCase {
    const char* linter; // the dictionary's name
    const char* ai;
    std::string good;
    std::string bad;
    const char* reason; // part of the refusal's sentence
};

} // namespace

TEST_CASE("gs1 linters: each accepts a good value and refuses a bad one with its reason") {
    const std::vector<LinterCase> cases{
        {"csum", "01", "09501101530003", "09501101530004", "GTIN check digit wrong (expected 3, got 4)"},
        {"csumalpha", "8013", "1987654Ad4X4bL5ttr2310c2K", "1987654Ad4X4bL5ttr2310c2Z", "check characters wrong"},
        {"gcppos1", "8004", "0950110153ABC", "AB12345", "must start with a GS1 Company Prefix"},
        {"gcppos1 (short)", "8004", "0950", "095", "too short to start with a GS1 Company Prefix"},
        {"yymmd0", "17", "261200", "261300", "expiry 261300 is not a date"},
        {"yymmdd", "7006", "260228", "260230", "260230 is not a date"},
        {"yyyymmdd", "7250", "20240229", "20230229", "20230229 is not a date"},
        {"hhmi", "7003", "2612312359", "2612312460", "2460 is not a time of day"},
        {"hh", "8008", "26123123", "26123124", "hour 24 is not valid"},
        {"mi", "8008", "2612312359", "2612312360", "minute 60 is not valid"},
        {"ss", "8008", "261231235959", "261231235960", "second 60 is not valid"},
        {"iso3166", "422", "276", "999", "999 is not an ISO 3166 country code"},
        {"iso3166 (unassigned)", "422", "040", "000", "000 is not an ISO 3166 country code"},
        {"iso3166999", "7030", "999ABC", "000ABC", "000 is not an ISO 3166 country code or 999"},
        {"iso3166alpha2", "4307", "DE", "QQ", "QQ is not an ISO 3166 two-letter country code"},
        {"iso4217", "3912", "978123", "000123", "000 is not an ISO 4217 currency code"},
        {"iso5218", "7252", "2", "3", "3 is not a valid sex code"},
        {"pcenc", "4300", "ACME%20Corp", "ACME%2", "'%' not followed by two hex digits"},
        {"yesno", "4321", "1", "2", "2 is not a valid yes/no flag"},
        {"hyphen", "4330", "001234-", "001234+", "is not a valid sign"},
        {"nonzero", "8001", "01000005000211", "00000005000211", "must not be zero"},
        {"zero", "8003", "09501101530003", "19501101530003", "must be 0"},
        {"winding", "8001", "01000005000291", "01000005000221", "2 is not a valid winding direction"},
        {"pieceoftotal", "8026", "095011015300030102", "095011015300030300", "piece 3 of 0 is not valid"},
        {"importeridx", "7040", "1ABc", "1AB*", "* is not an importer index"},
        {"packagetype", "7041", "BX", "QQQ", "QQQ is not a package type code"},
        {"mediatype", "7241", "01", "50", "media type 50 is not valid"},
        {"posinseqslash", "7258", "1/2", "3/2", "3/2 is not a position in a sequence"},
        {"nozeroprefix", "8011", "123", "0123", "must not start with 0"},
        {"iban", "8007", "GB82WEST12345698765432", "GB82WEST12345698765433", "is not a valid IBAN"},
        {"iban (country)", "8007", "DE89370400440532013000", "XX89370400440532013000",
         "does not start with a country code"},
        {"latitude", "4309", "09000000001800000000", "18000000011800000000", "is not a valid latitude"},
        {"longitude", "4309", "09000000003600000000", "09000000003600000001", "is not a valid longitude"},
        {"cset64 padding", "8030", "AB=", "ABC=", "base64 padding"},
        {"cset64 padding (inside)", "8030", "ABCDEF", "AB=DEF", "'=' before its end"},
    };
    for (const auto& c : cases) {
        INFO("linter " << c.linter << ", AI (" << c.ai << ") good " << c.good << " bad " << c.bad);
        CHECK(validateAiValue(c.ai, c.good).has_value());
        const auto refused = validateAiValue(c.ai, c.bad);
        REQUIRE_FALSE(refused.has_value());
        CHECK_MESSAGE(refused.error().message.find(c.reason) != std::string::npos, refused.error().message);
    }
}

TEST_CASE("gs1 linters: hasnondigit (MUDI, 8014) refuses an all-digit value") {
    // An all-digit MUDI is refused whichever of its linters sees it first (its check pair is letters for
    // most digit strings, so csumalpha usually does).
    CHECK(validateAiValue("8014", "1987654Ad4X4bL5ttr2310c2K").has_value());
    CHECK_FALSE(validateAiValue("8014", "123456789022").has_value());
    CHECK(validateAiValue("8013", "1987654Ad4X4bL5ttr2310c2K").has_value());
}

TEST_CASE("gs1 linters: gcppos2 sits on numeric keys, so any value of the right length passes it") {
    CHECK(validateAiValue("00", "095011015300000010").has_value());
    CHECK(validateAiValue("01", "09501101530003").has_value());
}

TEST_CASE("gs1 linters: only the coupon linters are left out") {
    for (int i = 0; i <= static_cast<int>(Linter::Longitude); ++i) {
        const auto linter = static_cast<Linter>(i);
        const bool coupon = linter == Linter::CouponCode || linter == Linter::CouponPositiveOffer;
        CHECK(linterImplemented(linter) == !coupon);
    }
}
