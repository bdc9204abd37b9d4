// The bad input table, label templates: JSON files a person drops into the user's template folder. Each row
// names the message the person sees (file and field) and proves nothing takes effect: a folder with one bad
// file loads nothing at all, so the station never prints with a half-loaded set.
#include "lotstation/labels/template_loader.hpp"
#include "test_support.hpp"

#include <string>
#include <vector>

namespace {

namespace labels = lotstation::labels;

// A good lot template (the shipped 50 x 30 mm one, shortened); rows change one thing in it.
const std::string kGood = R"({
  "type": "label", "name": "mine", "kind": "lot", "widthMm": 50, "heightMm": 30, "dpi": 203, "marginMm": 1.5,
  "fields": [ { "field": "lot", "x": 22, "y": 9, "width": 26.5, "height": 5, "fontSize": 10, "minFontSize": 6.5 } ],
  "codes": [ { "type": "qr", "x": 1.5, "y": 8.5, "width": 20, "height": 20, "ecc": "M" } ]
})";

std::string with(std::string_view from, std::string_view to) {
    auto text = kGood;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

struct TemplateRow {
    const char* what;
    std::string json;
    const char* message;
};

} // namespace

TEST_CASE("bad input: label templates are refused naming the file and the field") {
    REQUIRE(labels::parseTemplate(kGood, "mine.json").has_value());
    const std::vector<TemplateRow> rows{
        {"not JSON", "{ \"type\": \"label\", ", "mine.json"},
        {"not an object", "[1, 2, 3]", "mine.json"},
        {"unknown type", with(R"("type": "label")", R"("type": "poster")"), "unknown type 'poster'"},
        {"zero width", with(R"("widthMm": 50)", R"("widthMm": 0)"), "widthMm: must be between 0 and 1000"},
        {"ten metres wide", with(R"("widthMm": 50)", R"("widthMm": 10000)"), "widthMm"},
        {"width as text", with(R"("widthMm": 50)", R"("widthMm": "50mm")"), "widthMm: expected a number"},
        {"huge exponent", with(R"("widthMm": 50)", R"("widthMm": 1e999)"), "number overflow parsing '1e999'"},
        {"dpi too low", with(R"("dpi": 203)", R"("dpi": 20)"), "dpi: must be between 72 and 1200"},
        {"misspelt key", with(R"("heightMm")", R"("hieghtMm")"), "unknown key (misspelt?)"},
        {"unknown field", with(R"("field": "lot")", R"("field": "colour")"), "unknown field 'colour'"},
        {"font too large", with(R"("fontSize": 10)", R"("fontSize": 1000)"), "must be between 3 and 200 pt"},
        {"box without height", with(R"(, "height": 5)", ""), "fields[0].height: missing"},
        {"unknown code type", with(R"("type": "qr")", R"("type": "ean13")"), "unknown code type 'ean13'"},
        {"unknown error correction", with(R"("ecc": "M")", R"("ecc": "X")"), "unknown error correction 'X'"},
        {"unknown label kind", with(R"("kind": "lot")", R"("kind": "pallet")"),
         "unknown label kind 'pallet'"},
    };
    for (const auto& row : rows) {
        const auto parsed = labels::parseTemplate(row.json, "mine.json");
        INFO(std::string(row.what) << " -> " << (parsed ? std::string("accepted") : parsed.error().message));
        REQUIRE_FALSE(parsed.has_value());
        CHECK((parsed.error().kind == lotstation::ErrorKind::Invalid));
        CHECK(parsed.error().message.find("mine.json") != std::string::npos);
        CHECK(parsed.error().message.find(row.message) != std::string::npos);
    }
}

TEST_CASE("bad input: one bad template in the user's folder loads nothing") {
    lotstation::test::TempDir dir;
    const auto builtin = dir.file("builtin");
    const auto user = dir.file("user");
    std::filesystem::create_directories(builtin);
    std::filesystem::create_directories(user);
    lotstation::test::writeFile(builtin / "mine.json", kGood);
    lotstation::test::writeFile(user / "other.json", with(R"("name": "mine")", R"("name": "other")"));
    const std::vector<std::filesystem::path> dirs{builtin, user};
    REQUIRE(labels::loadTemplates(dirs).has_value());
    CHECK(labels::loadTemplates(dirs)->templates.size() == 2);

    lotstation::test::writeFile(user / "zz-broken.json", with(R"("dpi": 203)", R"("dpi": 20)"));
    const auto loaded = labels::loadTemplates(dirs);
    REQUIRE_FALSE(loaded.has_value());
    CHECK(loaded.error().message.find("zz-broken.json") != std::string::npos);
    CHECK(loaded.error().message.find("dpi") != std::string::npos);
}
