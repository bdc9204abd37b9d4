// GS1 Digital Link URIs: parsing with prefixes, padding and percent-decoding; the builder; bad links.
#include "lotstation/formats/digital_link.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace lotstation::formats;
using namespace std::chrono;

namespace {

const Gs1Options kOptions{year{2026}};

DigitalLink parseOk(std::string_view uri) {
    auto parsed = parseDigitalLink(uri, kOptions);
    INFO("uri: " << std::string{uri});
    REQUIRE_MESSAGE(parsed.has_value(), (parsed ? "" : parsed.error().message));
    return *parsed;
}

} // namespace

TEST_CASE("digital link: our lot label form") {
    const DigitalLink link = parseOk("https://id.gs1.org/01/09501101530003/10/SOAP-261124-01?17=271124");
    CHECK(link.host == "id.gs1.org");
    CHECK(link.uri == "https://id.gs1.org/01/09501101530003/10/SOAP-261124-01?17=271124");
    CHECK(link.data.gtin == "09501101530003");
    CHECK(link.data.lot == "SOAP-261124-01");
    CHECK(link.data.expiry == year_month_day{year{2027}, November, day{24}});
    CHECK(link.data.elements ==
          std::vector<Gs1Element>{{"01", "09501101530003"}, {"10", "SOAP-261124-01"}, {"17", "271124"}});
}

TEST_CASE("digital link: any domain, a path prefix, all qualifiers, attributes and resolver parameters") {
    const DigitalLink link =
        parseOk("HTTPS://example.com:8443/shop/products/01/09501101530003/22/2A/10/AB%2F12/21/"
                "S%21N?15=261200&3103=001750&linkType=gs1:pip#top");
    CHECK(link.host == "example.com:8443");
    CHECK(link.data.value("22") == "2A");
    CHECK(link.data.lot == "AB/12"); // %2F inside a segment is data, not a path separator
    CHECK(link.data.serial == "S!N");
    CHECK(link.data.bestBefore == year_month_day{year{2026}, December, day{31}}); // day 00
    REQUIRE(link.data.netWeight.has_value());
    CHECK(formatNetWeight(*link.data.netWeight) == "1.750 kg");
    CHECK(link.data.elements.size() == 6); // linkType is for the resolver, not data
}

TEST_CASE("digital link: short GTINs are padded to 14 digits, other keys work too") {
    CHECK(parseOk("https://d.example/01/9501101530003").data.gtin == "09501101530003"); // GTIN-13
    CHECK(parseOk("https://d.example/01/036000291452").data.gtin == "00036000291452");  // GTIN-12 (UPC-A)
    CHECK(parseOk("https://d.example/01/95011011").data.gtin == "00000095011011");      // GTIN-8
    CHECK(parseOk("http://d.example/00/106141411234567897").data.sscc == "106141411234567897");
    CHECK(parseOk("https://d.example/414/9501101020917/254/5678").data.value("254") == "5678");
    CHECK(parseOk("https://d.example/01/09501101530003/235/TPX1").data.value("235") == "TPX1");
    // A prefix that itself looks like a key is skipped when the rest does not form a valid link from it.
    CHECK(parseOk("https://d.example/01/catalogue/01/09501101530003/10/X").data.lot == "X");
}

TEST_CASE("digital link: the builder gives the canonical form and round-trips") {
    const std::vector<Gs1Element> lot{{"01", "09501101530003"}, {"10", "SOAP-261124-01"}, {"17", "271124"}};
    CHECK(buildDigitalLink(lot) == "https://id.gs1.org/01/09501101530003/10/SOAP-261124-01?17=271124");

    // Qualifiers go into the path in dictionary order whatever the input order; odd characters are escaped.
    const std::vector<Gs1Element> full{{"17", "261231"},         {"21", "S/1"}, {"10", "A&B"},
                                       {"01", "09501101530003"}, {"22", "V"},   {"3103", "001750"}};
    const auto uri = buildDigitalLink(full, "https://lots.example.com/dl/");
    REQUIRE(uri.has_value());
    CHECK(*uri ==
          "https://lots.example.com/dl/01/09501101530003/22/V/10/A%26B/21/S%2F1?17=261231&3103=001750");
    const DigitalLink back = parseOk(*uri);
    CHECK(back.data.lot == "A&B");
    CHECK(back.data.serial == "S/1");
    CHECK(back.data.elements.size() == full.size());
}

TEST_CASE("digital link: the builder refuses what a link cannot carry") {
    CHECK(buildDigitalLink({{"10", "LOT"}, {"17", "261231"}}).error().message ==
          "no AI that can be a Digital Link key (such as (01) or (00))");
    CHECK(buildDigitalLink({{"01", "09501101530004"}}).error().message ==
          "GTIN check digit wrong (expected 3, got 4)");
    CHECK(buildDigitalLink({{"01", "09501101530003"}, {"03", "09501101530003"}}).error().message ==
          "AIs (01) and (03) must not appear together");
    CHECK(buildDigitalLink({{"00", "106141411234567897"}, {"8011", "12"}}).error().message ==
          "AI (8011) cannot be carried in a Digital Link");
}

TEST_CASE("digital link: bad links say why") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"https://id.gs1.org/01/09501101530004", "GTIN check digit wrong (expected 3, got 4)"},
        {"https://id.gs1.org/01/0950110153", "AI (01) must be 14 digits, got 10"},
        {"https://id.gs1.org/01/09501101530003?17=261331", "expiry 261331 is not a date"},
        {"https://id.gs1.org/01/09501101530003/10/" + std::string(21, 'A'),
         "AI (10) longer than 20 characters"},
        {"https://id.gs1.org/01/09501101530003/10/A%20B",
         "AI (10) contains ' ', which GS1 does not allow there"},
        {"https://id.gs1.org/01/09501101530003/10/A%2", "bad %-escape \"%2\" in the link"},
        {"https://id.gs1.org/01/09501101530003/17/261231", "(17) cannot follow (01) in a Digital Link path"},
        {"https://id.gs1.org/01/09501101530003/21/S1/10/L1",
         "Digital Link path qualifiers out of order at (10)"},
        {"https://id.gs1.org/01/09501101530003/22/V/235/T",
         "Digital Link path qualifiers out of order at (235)"},
        {"https://id.gs1.org/01/09501101530003/10",
         "the link path after (01) does not pair every AI with a value"},
        {"https://id.gs1.org/01/09501101530003?89=1", "unknown AI (89) in the link's query"},
        {"https://id.gs1.org/01/09501101530003?8011=1",
         "AI (8011) is not allowed as a Digital Link query attribute"},
        {"https://id.gs1.org/01/09501101530003?10=A&10=B", "AI (10) belongs in the Digital Link path, not in its query"},
        {"https://id.gs1.org/01/09501101530003?3102=000150&3103=001750",
         "AIs (3102) and (3103) must not appear together"},
        {"https://example.com/about/us",
         "web address without a GS1 key in its path (such as /01/ and a GTIN), so not a "
         "GS1 Digital Link"},
        {"https:///01/09501101530003", "the link names no host"},
        {"ftp://id.gs1.org/01/09501101530003", "not a web address (http:// or https://)"},
    };
    for (const auto& [uri, reason] : cases) {
        INFO("uri: " << uri);
        const auto parsed = parseDigitalLink(uri, kOptions);
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().message == reason);
    }
}
