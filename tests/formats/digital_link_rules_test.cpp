// Digital Link rules beyond the value checks: each AI once, key and qualifiers only in the path, '+' in the
// query, and a GTIN-13 read the same in the path and in the query.
#include "lotstation/formats/digital_link.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace lotstation::formats;

namespace {

const Gs1Options kOptions{std::chrono::year{2026}};

std::string refusal(const std::string& uri) {
    const auto parsed = parseDigitalLink(uri, kOptions);
    return parsed ? std::string{"accepted"} : parsed.error().message;
}

} // namespace

TEST_CASE("digital link: a duplicated AI, or a key or qualifier in the query, is refused") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"https://id.gs1.org/01/09501101530003?17=261231&17=261231", "AI (17) appears twice in the link"},
        {"https://id.gs1.org/01/09501101530003?17=261231&17=270101", "AI (17) appears twice in the link"},
        {"https://id.gs1.org/01/09501101530003?10=LOT1", "AI (10) belongs in the Digital Link path, not in its query"},
        {"https://id.gs1.org/01/09501101530003/10/A?21=S1", "AI (21) belongs in the Digital Link path, not in its query"},
        {"https://id.gs1.org/01/09501101530003?22=V1", "AI (22) belongs in the Digital Link path, not in its query"},
        {"https://id.gs1.org/01/09501101530003?01=09501101530003",
         "AI (01) belongs in the Digital Link path, not in its query"},
        {"https://id.gs1.org/01/09501101530003?00=095011015300000010",
         "AI (00) belongs in the Digital Link path, not in its query"},
    };
    for (const auto& [uri, reason] : cases) {
        INFO(uri);
        CHECK(refusal(uri) == reason);
    }
    CHECK(refusal("https://id.gs1.org/01/09501101530003/10/LOT1?17=261231") == "accepted");
}

TEST_CASE("digital link: '+' is a space in the query and itself in the path") {
    const auto inPath = parseDigitalLink("https://id.gs1.org/01/09501101530003/10/A+B", kOptions);
    REQUIRE(inPath.has_value());
    CHECK(inPath->data.lot == "A+B");
    const auto escaped = parseDigitalLink("https://id.gs1.org/01/09501101530003?7240=A%2BB", kOptions);
    REQUIRE(escaped.has_value());
    CHECK(escaped->data.value("7240") == "A+B");
    // A form-encoded space is no GS1 character: the value is refused, not read as "A+B".
    CHECK(refusal("https://id.gs1.org/01/09501101530003?7240=A+B") ==
          "AI (7240) contains ' ', which GS1 does not allow there");
    // What the builder writes for a '+' reads back as '+'.
    const auto built = buildDigitalLink({{"01", "09501101530003"}, {"10", "A+B"}, {"7240", "P+Q"}});
    REQUIRE(built.has_value());
    const auto back = parseDigitalLink(*built, kOptions);
    REQUIRE(back.has_value());
    CHECK(back->data.lot == "A+B");
    CHECK(back->data.value("7240") == "P+Q");
}

TEST_CASE("digital link: a GTIN-13 is the same GTIN in the path and in the query") {
    const auto path = parseDigitalLink("https://id.gs1.org/01/9501101530003", kOptions);
    REQUIRE(path.has_value());
    CHECK(path->data.gtin == "09501101530003");
    const auto query = parseDigitalLink("https://id.gs1.org/00/095011015300000010?02=9501101530003&37=12", kOptions);
    REQUIRE_MESSAGE(query.has_value(), refusal("https://id.gs1.org/00/095011015300000010?02=9501101530003&37=12"));
    CHECK(query->data.contentGtin == "09501101530003");
    CHECK(query->data.count == 12);
}
