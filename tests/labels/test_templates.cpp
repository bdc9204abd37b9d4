// Templates as data: the shipped set loads, user folders override, and every kind of mistake names file and
// field.
#include "label_decode.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace lotstation::labels;
using namespace lotstation::labels::test;

namespace {

const char* const kGoodLabel = R"({
  "type": "label", "name": "mine", "kind": "lot", "widthMm": 50, "heightMm": 30, "dpi": 203, "marginMm": 1,
  "fields": [ { "field": "lot", "x": 2, "y": 2, "width": 30, "height": 5, "fontSize": 10 } ],
  "codes": [ { "type": "qr", "x": 30, "y": 8, "width": 19, "height": 19 } ]
})";

// Replaces the first occurrence of `from` in the good template.
std::string mutated(std::string_view from, std::string_view to) {
    std::string text = kGoodLabel;
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}

std::string errorOf(const std::string& json) {
    auto parsed = parseTemplate(json, "mine.json");
    REQUIRE_FALSE(parsed.has_value());
    CHECK((parsed.error().kind == lotstation::ErrorKind::Invalid));
    return parsed.error().message;
}

} // namespace

TEST_CASE("the shipped templates and sheets load") {
    const auto& set = shippedTemplates();
    for (const char* name : {"lot-50x30", "lot-70x37", "lot-100x50", "lot-100x50-gs1", "lot-50x30-datamatrix",
                             "location-100x50", "badge-86x54", "command-100x50"}) {
        CHECK_MESSAGE(set.findTemplate(name) != nullptr, name);
    }
    REQUIRE(set.findSheet("a4-3x8") != nullptr);
    REQUIRE(set.findSheet("letter-2x5") != nullptr);
    CHECK(set.findSheet("a4-3x8")->labelsPerPage() == 24);
    CHECK(set.findSheet("letter-2x5")->pageWidthMm == doctest::Approx(215.9));
    CHECK(checkFitsSheet(*set.findTemplate("lot-70x37"), *set.findSheet("a4-3x8")).has_value());
    CHECK(checkFitsSheet(*set.findTemplate("lot-100x50-gs1"), *set.findSheet("letter-2x5")).has_value());
}

TEST_CASE("a user folder after the built-in one adds and overrides templates") {
    lotstation::test::TempDir user;
    lotstation::test::writeFile(user.file("mine.json"), kGoodLabel);
    std::string override50 = mutated("\"mine\"", "\"lot-50x30\"");
    lotstation::test::writeFile(user.file("small.json"), override50);
    lotstation::test::writeFile(user.file("notes.txt"), "not a template");
    const std::vector<std::filesystem::path> dirs{std::filesystem::path(LOTSTATION_SOURCE_DIR) / "assets" /
                                                      "labels",
                                                  user.path(), user.file("missing-folder")};
    auto set = loadTemplates(dirs);
    REQUIRE_MESSAGE(set.has_value(), (set ? "" : set.error().message));
    REQUIRE(set->findTemplate("mine") != nullptr);
    CHECK(set->findTemplate("lot-50x30")->sourceFile == user.file("small.json").string());
    CHECK(set->templates.size() == shippedTemplates().templates.size() + 1);
    // The user's template renders and scans like a shipped one.
    auto png = renderPng(*set->findTemplate("mine"), sampleLot(), 300);
    REQUIRE(png.has_value());
    CHECK(decodePng(*png).at(0).text == "LS:LOT:LAV-261124-01");
}

TEST_CASE("a bad file in a folder fails the load and names the file") {
    lotstation::test::TempDir user;
    lotstation::test::writeFile(user.file("broken.json"), "{ \"type\": \"label\", ");
    const std::vector<std::filesystem::path> dirs{user.path()};
    auto set = loadTemplates(dirs);
    REQUIRE_FALSE(set.has_value());
    CHECK(set.error().message.starts_with(user.file("broken.json").string() + ": not valid JSON"));
}

TEST_CASE("bad templates: each mistake is named with file and field") {
    CHECK(errorOf(mutated(R"("height": 5, )", "")) == "mine.json: fields[0].height: missing");
    CHECK(errorOf(mutated(R"("widthMm": 50)", R"("widthMm": "50mm")")) ==
          "mine.json: widthMm: expected a number, got string \"50mm\"");
    CHECK(errorOf(mutated(R"("type": "qr")", R"("type": "qr2")")) ==
          "mine.json: codes[0].type: unknown code type 'qr2' (expected qr, gs1-128, gs1-datamatrix)");
    CHECK(errorOf(mutated(R"("field": "lot")", R"("field": "colour")"))
              .starts_with(
                  "mine.json: fields[0].field: unknown field 'colour' for a lot label (expected item, sku"));
    CHECK(errorOf(mutated(R"("x": 30)", R"("x": 40)")) ==
          "mine.json: codes[0].width: x + width = 59.0 mm runs past the printable width 49.0 mm");
    CHECK(errorOf(mutated(R"("y": 2)", R"("y": 0.5)")) ==
          "mine.json: fields[0].y: lies in the 1.0 mm margin");
    CHECK(errorOf(mutated(R"("fontSize": 10)", R"("fontsize": 10)")) ==
          "mine.json: fields[0].fontsize: unknown key (misspelt?)");
    CHECK(errorOf(mutated(R"("kind": "lot")", R"("kind": "pallet")")) ==
          "mine.json: kind: unknown label kind 'pallet' (expected lot, location, badge, command)");
    CHECK(errorOf(mutated(R"("dpi": 203)", R"("dpi": 203.5)")) ==
          "mine.json: dpi: expected a whole number, got number 203.5");
    CHECK(errorOf(mutated(R"("type": "label")", R"("type": "poster")")) ==
          "mine.json: type: unknown type 'poster' (expected label or sheet)");
    CHECK(errorOf(mutated(R"("kind": "lot")", R"("kind": "badge")")) ==
          "mine.json: fields[0].field: unknown field 'lot' for a badge label (expected user, badge)");
    CHECK(errorOf("[1, 2]") == "mine.json: expected a JSON object");
    CHECK(errorOf("{ nope").starts_with("mine.json: not valid JSON: "));
}

TEST_CASE("GS1 codes are refused on labels that are not lot labels") {
    std::string json = mutated(R"("type": "qr")", R"("type": "gs1-128")");
    json = json.replace(json.find("\"kind\": \"lot\""), 13, "\"kind\": \"location\"");
    json = json.replace(json.find("\"field\": \"lot\""), 14, "\"field\": \"code\"");
    CHECK(errorOf(json) ==
          "mine.json: codes[0].type: gs1-128 codes carry GTIN and lot: only lot labels can have them");
}

TEST_CASE("bad sheets: labels larger than the page, overlapping pitch, unknown paper") {
    const std::string sheet = R"({ "type": "sheet", "name": "s", "paper": "A4", "columns": 3, "rows": 8,
        "labelWidthMm": 70, "labelHeightMm": 37, "marginLeftMm": 0, "marginTopMm": 0.5 })";
    REQUIRE(parseTemplate(sheet, "s.json").has_value());
    auto replaced = [&](std::string_view from, std::string_view to) {
        std::string text = sheet;
        text.replace(text.find(from), from.size(), to);
        auto parsed = parseTemplate(text, "s.json");
        REQUIRE_FALSE(parsed.has_value());
        return parsed.error().message;
    };
    CHECK(replaced(R"("columns": 3)", R"("columns": 4)") ==
          "s.json: columns: 4 labels across need 280.0 mm, the page is 210.0 mm wide");
    CHECK(replaced(R"("rows": 8)", R"("rows": 9)") ==
          "s.json: rows: 9 rows of labels need 333.5 mm, the page is 297.0 mm high");
    CHECK(replaced(R"("marginLeftMm": 0)", R"("marginLeftMm": 0, "pitchXMm": 60)") ==
          "s.json: pitchXMm: is smaller than labelWidthMm: labels would overlap");
    CHECK(replaced(R"("paper": "A4")", R"("paper": "A5")") ==
          "s.json: paper: unknown paper 'A5' (expected A4, Letter, custom)");
    CHECK(replaced(R"("labelWidthMm": 70)", R"("labelWidthMm": null)") ==
          "s.json: labelWidthMm: expected a number, got null null");
}

TEST_CASE("rendering with a template of another kind is refused") {
    auto png = renderPng(shippedTemplate("lot-50x30"), LocationLabelData{"A-1", "Shelf"}, 203);
    REQUIRE_FALSE(png.has_value());
    CHECK(png.error().message == "template 'lot-50x30' is for lot labels, not location labels");
}

TEST_CASE("a code box too small for its payload is a render error, not a broken symbol") {
    LabelTemplate tiny = shippedTemplate("lot-50x30");
    tiny.codes[0].box = BoxMm{1.5, 8.5, 4, 4};
    auto png = renderPng(tiny, sampleLotWithGtin(), 203);
    REQUIRE_FALSE(png.has_value());
    CHECK((png.error().kind == lotstation::ErrorKind::Refused));
    CHECK(png.error().message.find("does not fit") != std::string::npos);
}
