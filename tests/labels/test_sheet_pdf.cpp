// A4 / Letter sheets: every label on every page, rasterised by poppler, decodes back.
#include "label_decode.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <set>
#include <sys/wait.h>

using namespace lotstation::labels;
using namespace lotstation::labels::test;

namespace {

bool havePdftoppm() {
    return std::system("pdftoppm -v > /dev/null 2>&1") == 0;
}

// pdftoppm -r 300 -png sheet.pdf page → page-1.png, page-2.png, ...
std::vector<std::filesystem::path> rasterise(const std::filesystem::path& pdf,
                                             const std::filesystem::path& dir) {
    const std::string command =
        "pdftoppm -r 300 -png '" + pdf.string() + "' '" + (dir / "page").string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::vector<std::filesystem::path> pages;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".png") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    return pages;
}

std::vector<LabelContent> numberedLots(int count) {
    std::vector<LabelContent> labels;
    for (int i = 1; i <= count; ++i) {
        auto lot = sampleLot();
        lot.lotCode = "LAV-261124-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
        labels.emplace_back(lot);
    }
    return labels;
}

void writeBytes(const std::filesystem::path& file, const Bytes& bytes) {
    lotstation::test::writeFile(file,
                                std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

} // namespace

TEST_CASE("an A4 sheet of 24 lot labels decodes to every label on it") {
    if (!havePdftoppm()) LOTSTATION_SKIP("pdftoppm (poppler-utils) is not installed");
    const auto labels = numberedLots(24);
    auto pdf = renderSheetPdf(shippedTemplate("lot-70x37"), *shippedTemplates().findSheet("a4-3x8"), labels);
    REQUIRE_MESSAGE(pdf.has_value(), (pdf ? "" : pdf.error().message));
    lotstation::test::TempDir dir;
    writeBytes(dir.file("sheet.pdf"), *pdf);
    const auto pages = rasterise(dir.file("sheet.pdf"), dir.path());
    REQUIRE(pages.size() == 1);
    std::set<std::string> found;
    for (const auto& cell : decodeSheetPage(pages[0], *shippedTemplates().findSheet("a4-3x8"), 300)) {
        for (const auto& code : cell)
            found.insert(code.text);
    }
    for (int i = 1; i <= 24; ++i) {
        const std::string expected =
            "LS:LOT:LAV-261124-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
        CHECK_MESSAGE(found.count(expected) == 1, expected << " missing from the sheet");
    }
    CHECK(found.size() == 24);
}

TEST_CASE("a Letter sheet spills onto a second page and keeps GS1 codes readable") {
    if (!havePdftoppm()) LOTSTATION_SKIP("pdftoppm (poppler-utils) is not installed");
    std::vector<LabelContent> labels;
    for (int i = 1; i <= 12; ++i) {
        auto lot = sampleLotWithGtin();
        lot.lotCode = "L" + std::to_string(1000 + i);
        labels.emplace_back(lot);
    }
    auto pdf = renderSheetPdf(shippedTemplate("lot-100x50-gs1"), *shippedTemplates().findSheet("letter-2x5"),
                              labels, SheetOptions{3, false});
    REQUIRE(pdf.has_value());
    lotstation::test::TempDir dir;
    writeBytes(dir.file("sheet.pdf"), *pdf);
    const auto pages = rasterise(dir.file("sheet.pdf"), dir.path());
    REQUIRE(pages.size() == 2); // 7 labels after 3 used cells, then 5
    std::set<std::string> links;
    std::set<std::string> gs1;
    for (const auto& page : pages) {
        for (const auto& cell : decodeSheetPage(page, *shippedTemplates().findSheet("letter-2x5"), 300)) {
            for (const auto& code : cell) {
                if (code.format == "QRCode") links.insert(code.text);
                if (code.symbologyId == "]C1") gs1.insert(code.text);
            }
        }
    }
    for (int i = 1; i <= 12; ++i) {
        const std::string lot = "L" + std::to_string(1000 + i);
        CHECK(links.count("https://id.gs1.org/01/09506000134352/10/" + lot + "?17=271124") == 1);
    }
    CHECK(links.size() == 12);
    CHECK(gs1.size() == 12);
    for (const auto& text : gs1)
        CHECK(text.starts_with("01095060001343521727112410L10"));
}

TEST_CASE("a template larger than the sheet's labels is refused") {
    const auto& big = shippedTemplate("lot-100x50-gs1");
    auto pdf = renderSheetPdf(big, *shippedTemplates().findSheet("a4-3x8"), numberedLots(1));
    REQUIRE_FALSE(pdf.has_value());
    CHECK(pdf.error().message.find("larger than a label of sheet 'a4-3x8'") != std::string::npos);
}

TEST_CASE("a single-label PDF has one page per label and rasterises to decodable codes") {
    if (!havePdftoppm()) LOTSTATION_SKIP("pdftoppm (poppler-utils) is not installed");
    const std::vector<LabelContent> labels{LocationLabelData{"A-01-01", "Shelf 1"},
                                           LocationLabelData{"A-01-02", "Shelf 2"}};
    auto pdf = renderPdf(shippedTemplate("location-100x50"), labels);
    REQUIRE(pdf.has_value());
    lotstation::test::TempDir dir;
    writeBytes(dir.file("labels.pdf"), *pdf);
    const auto pages = rasterise(dir.file("labels.pdf"), dir.path());
    REQUIRE(pages.size() == 2);
    CHECK(decodePngFile(pages[0]).at(0).text == "LS:LOC:A-01-01");
    CHECK(decodePngFile(pages[1]).at(0).text == "LS:LOC:A-01-02");
}
