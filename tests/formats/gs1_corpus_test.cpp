// The GS1 data of real barcodes in the shared corpus (DataBar Expanded and GS1 DataMatrix samples) as parser
// input: valid codes parse and round-trip, the deliberately odd ones fail with the reason named here.
#include "lotstation/formats/gs1.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

using namespace lotstation::formats;
namespace fs = std::filesystem;

namespace {

// Corpus samples that are not valid GS1 data, and why. Those test decoders, not the GS1 rules.
const std::map<std::string, std::string> kInvalidSamples{
    {"(01)90012345678908(3922)795888888888888888888888888888888888888888888888888888",
     "AI (3922) longer than 15 characters"},
    {"(01)90012345678908(3932)040EUR", "AI (3932) allows only digits here, found 'E'"},
    {"(01)90012345678908(3932)04055GBP", "AI (3932) allows only digits here, found 'G'"},
    {"(01)90012345678908(3932)04066USD778899", "AI (3932) allows only digits here, found 'U'"},
    {"(10)1098 1234", "AI (10) contains ' ', which GS1 does not allow there"},
    {"(15)991231(3103)001750(10)12A(422)123(21)123456(423)0123456789012",
     "AI (422): 123 is not an ISO 3166 country code"},
};

// Samples that are well-formed but name codes outside the ISO lists GS1's linters check, and the reason:
// 123 is no country (ISO 3166), 040 (the Austrian schilling) left ISO 4217 in 2002. GS1 refuses them too.
const std::map<std::string, std::string> kCodeListRefusals{
    {"(422)123", "AI (422): 123 is not an ISO 3166 country code"},
    {"(3932)040", "AI (3932): 040 is not an ISO 4217 currency code"},
};

std::optional<std::string> codeListRefusal(const std::string& text) {
    for (const auto& [part, reason] : kCodeListRefusals) {
        if (text.find(part) != std::string::npos) return reason;
    }
    return std::nullopt;
}

bool looksLikeGs1(const fs::path& txt) {
    auto result = txt;
    result.replace_extension(".result.txt");
    if (fs::exists(result) &&
        lotstation::test::readFile(result).find("contentType=GS1") != std::string::npos) {
        return true;
    }
    const std::string text = lotstation::test::readFile(txt);
    return text.size() > 3 && text[0] == '(' && text[1] >= '0' && text[1] <= '9';
}

} // namespace

TEST_CASE("gs1 corpus: GS1 data from real DataBar Expanded and DataMatrix samples") {
    const auto shared = lotstation::test::sharedDir();
    if (!shared || !fs::exists(*shared / "corpus"))
        LOTSTATION_SKIP("shared corpus not available (../shared/corpus)");
    int valid = 0;
    int invalid = 0;
    for (const auto& folder : fs::directory_iterator(*shared / "corpus")) {
        const std::string name = folder.path().filename().string();
        if (!name.starts_with("rssexpanded-") && !name.starts_with("datamatrix-")) continue;
        for (const auto& file : fs::directory_iterator(folder.path())) {
            const auto& path = file.path();
            if (path.extension() != ".txt" || path.stem().extension() == ".result" || !looksLikeGs1(path))
                continue;
            const std::string text = lotstation::test::readFile(path);
            INFO(path.string() << ": " << text);
            const auto parsed = parseGs1(text, Gs1Options{std::chrono::year{2026}});
            if (const auto bad = kInvalidSamples.find(text); bad != kInvalidSamples.end()) {
                REQUIRE_FALSE(parsed.has_value());
                CHECK(parsed.error().message == bad->second);
                ++invalid;
                continue;
            }
            if (const auto reason = codeListRefusal(text); reason && !parsed) {
                CHECK(parsed.error().message == *reason);
                ++invalid;
                continue;
            }
            REQUIRE_MESSAGE(parsed.has_value(), (parsed ? "" : parsed.error().message));
            ++valid;
            if (text[0] == '(') {
                CHECK(toHumanReadable(parsed->elements) == text);
            } else {
                CHECK(toElementString(parsed->elements) == text);
            }
            // The raw element string form of the same data parses to the same elements.
            const auto again =
                parseGs1(toElementString(parsed->elements), Gs1Options{std::chrono::year{2026}});
            REQUIRE(again.has_value());
            CHECK(again->elements == parsed->elements);
        }
    }
    MESSAGE(valid << " valid and " << invalid << " invalid GS1 samples checked");
    CHECK(valid >= 40);
    CHECK(invalid >= 1);
}
