// GS1-128 and GS1 DataMatrix decode back as GS1 symbols (]C1, ]d2) carrying the right AIs.
#include "label_decode.hpp"
#include "lotstation/formats/gtin.hpp"

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <doctest/doctest.h>

using namespace lotstation::labels;
using namespace lotstation::labels::test;

namespace {

std::optional<DecodedCode> findFormat(const std::vector<DecodedCode>& codes, std::string_view format) {
    for (const auto& code : codes) {
        if (code.format == format) return code;
    }
    return std::nullopt;
}

// The station reads the code as GS1 data with our GTIN, lot and expiry.
void checkGs1Meaning(const DecodedCode& code, const LotLabelData& lot) {
    const auto meaning = interpretCode(code);
    REQUIRE_MESSAGE(std::holds_alternative<lotstation::scan::Gs1Data>(meaning),
                    lotstation::scan::describe(meaning));
    const auto& data = std::get<lotstation::scan::Gs1Data>(meaning);
    CHECK(data.gtin == lotstation::formats::normaliseGtin(*lot.gtin).value());
    CHECK(data.lot == lot.lotCode);
    CHECK(data.expiry == lot.expiry);
}

} // namespace

TEST_CASE("GS1 element string: (01) GTIN-14, (17) expiry, (10) lot last") {
    auto lot = sampleLotWithGtin();
    CHECK(gs1ElementString(lot).value() == "01095060001343521727112410LAV-261124-01");
    CHECK(gs1HumanReadable(lot).value() == "(01)09506000134352(17)271124(10)LAV-261124-01");
    lot.expiry.reset();
    lot.bestBefore = std::chrono::year{2027} / std::chrono::May / 1;
    CHECK(gs1ElementString(lot).value() == "01095060001343521527050110LAV-261124-01");
    lot.bestBefore.reset();
    CHECK(gs1ElementString(lot).value() == "010950600013435210LAV-261124-01");
}

TEST_CASE("GS1 data is refused with a clear reason") {
    auto lot = sampleLot();
    CHECK(gs1ElementString(lot).error().message.find("need a GTIN") != std::string::npos);
    lot.gtin = "09506000134353";
    CHECK(gs1ElementString(lot).error().message.find("check digit wrong (expected 2)") != std::string::npos);
    lot.gtin = "9506000134352"; // GTIN-13 is padded to GTIN-14
    CHECK(gs1ElementString(lot).value().starts_with("0109506000134352"));
    lot.lotCode = "LOT WITH SPACES";
    CHECK(gs1ElementString(lot).error().message.find("AI (10)") != std::string::npos);
    lot.lotCode = "ABCDEFGHIJKLMNOPQRSTU"; // 21 characters
    CHECK_FALSE(gs1ElementString(lot).has_value());
}

TEST_CASE("GS1-128 on the 100x50 label decodes as GS1 (C1) with the right AIs") {
    const auto lot = sampleLotWithGtin();
    for (int dpi : {203, 300}) {
        CAPTURE(dpi);
        auto png = renderPng(shippedTemplate("lot-100x50-gs1"), lot, dpi);
        REQUIRE(png.has_value());
        const auto decoded = decodePng(*png);
        const auto code128 = findFormat(decoded, "Code128");
        REQUIRE(code128.has_value());
        CHECK(code128->symbologyId == "]C1");
        CHECK(code128->text == "01095060001343521727112410LAV-261124-01");
        checkGs1Meaning(*code128, lot);
    }
}

TEST_CASE("GS1-128 carries numeric lots and separators through FNC1") {
    auto matrix = encodeGs1_128("0109506000134352"
                                "10"
                                "ABC123"
                                "\x1D"
                                "17271124");
    REQUIRE(matrix.has_value());
    const auto direct = decodeMatrix(*matrix, 3);
    REQUIRE(direct.size() == 1);
    CHECK(direct[0].symbologyId == "]C1");
    CHECK(direct[0].text == "0109506000134352"
                            "10"
                            "ABC123"
                            "\x1D"
                            "17271124");

    LabelTemplate tmpl;
    tmpl.name = "probe";
    tmpl.widthMm = 80;
    tmpl.heightMm = 20;
    tmpl.codes.push_back(CodeSpec{CodeType::Gs1_128, BoxMm{0, 0, 80, 20}, QrEcc::M, false});
    tmpl.kind = LabelKind::Lot;
    auto lot = sampleLotWithGtin();
    lot.lotCode = "123456";
    auto png = renderPng(tmpl, lot, 300);
    REQUIRE(png.has_value());
    const auto code128 = findFormat(decodePng(*png), "Code128");
    REQUIRE(code128.has_value());
    CHECK(code128->symbologyId == "]C1");
    CHECK(code128->text == "0109506000134352172711241012345"
                           "6");
}

TEST_CASE("GS1 DataMatrix decodes as GS1 (d2) with the right AIs") {
    const auto lot = sampleLotWithGtin();
    for (int dpi : {203, 300}) {
        CAPTURE(dpi);
        auto png = renderPng(shippedTemplate("lot-50x30-datamatrix"), lot, dpi);
        REQUIRE(png.has_value());
        const auto dm = findFormat(decodePng(*png), "DataMatrix");
        REQUIRE(dm.has_value());
        CHECK(dm->symbologyId == "]d2");
        CHECK(dm->text == "01095060001343521727112410LAV-261124-01");
        checkGs1Meaning(*dm, lot);
    }
}

TEST_CASE("GS1 DataMatrix of every size up to 48x48 decodes, separators included") {
    // Element strings of growing length exercise the symbol sizes, the corner placement cases and padding.
    std::string data = "01095060001343521727112410";
    int largest = 0;
    for (int extra = 0; extra <= 300; extra += 7) {
        std::string elements = data + std::string(static_cast<std::size_t>(extra % 20 + 1), 'A');
        for (int i = 0; i < extra / 20; ++i)
            elements += "\x1D"
                        "21SERIAL" +
                        std::to_string(i);
        CAPTURE(elements);
        auto matrix = encodeGs1DataMatrix(elements);
        if (!matrix) { // past 48x48: refused with a reason, never a broken symbol
            CHECK(matrix.error().message.find("too long") != std::string::npos);
            continue;
        }
        largest = std::max(largest, matrix->width);
        const auto decoded = decodeMatrix(*matrix, 4);
        REQUIRE(decoded.size() == 1);
        CHECK(decoded[0].symbologyId == "]d2");
        CHECK(decoded[0].text == elements);
    }
    CHECK(largest == 48);
}

TEST_CASE("why GS1 DataMatrix has its own encoder: ZXing 1.4's writer cannot start with FNC1") {
    // Code 128: U+00F1 is taken as FNC1 and the symbol reads back as GS1 (C1); DataMatrix: the same character
    // is written as a literal, so the symbol is plain (d1). If a ZXing upgrade changes this, the own encoder
    // can go.
    const std::string elements = "01095060001343521727112410LAV-261124-01";
    ModuleMatrix viaZxing;
    {
        const auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::DataMatrix)
                              .setMargin(0)
                              .encode("\xC3\xB1" + elements, 0, 0);
        viaZxing.width = bits.width();
        viaZxing.height = bits.height();
        viaZxing.quietZone = 2;
        for (int y = 0; y < bits.height(); ++y)
            for (int x = 0; x < bits.width(); ++x)
                viaZxing.modules.push_back(bits.get(x, y) ? 1 : 0);
    }
    const auto plain = decodeMatrix(viaZxing, 4);
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].symbologyId == "]d1");
    const auto ours = decodeMatrix(encodeGs1DataMatrix(elements).value(), 4);
    REQUIRE(ours.size() == 1);
    CHECK(ours[0].symbologyId == "]d2");
}

TEST_CASE("a GS1-128 too long for one symbol at 0.25 mm per module prints as two stacked symbols, never thin") {
    auto lot = sampleLotWithGtin();
    lot.lotCode = "ABCDEFGHIJKLMNOPQRST"; // 20 letters: about 440 modules, 110 mm at 0.25 mm
    for (int dpi : {203, 300}) {
        auto png = renderPng(shippedTemplate("lot-100x50-gs1"), lot, dpi);
        REQUIRE_MESSAGE(png.has_value(), (png ? "" : png.error().message));
    }
    const std::vector<LabelContent> labels{lot};
    CHECK(renderPdf(shippedTemplate("lot-100x50-gs1"), labels).has_value());
    auto zpl = renderZpl(shippedTemplate("lot-100x50-gs1"), labels);
    REQUIRE(zpl.has_value());
    std::size_t symbols = 0;
    for (auto at = zpl->find("^BCN"); at != std::string::npos; at = zpl->find("^BCN", at + 1))
        ++symbols;
    CHECK(symbols == 2); // (01)+(17), then (10)+lot, each with modules of 2 dots (0.25 mm) at 203 dpi
    CHECK(zpl->find("^BY2,3,") != std::string::npos);
}
