// Every kind of label, rendered to PNG at the two common thermal resolutions, is read back by the station's
// own scan pipeline (decode, then interpret) as the exact payload and the same lot, location, user or
// command.
#include "label_decode.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>

using namespace lotstation::labels;
using namespace lotstation::labels::test;

namespace {

using MeaningCheck = std::function<void(const lotstation::scan::Meaning&)>;

// Render at 203 and 300 dpi, read back with the station's scan pipeline, then interpret: the QR code must
// carry exactly the payload, and the station must understand it as the same lot, location, user or command.
void checkRoundTrip(const LabelTemplate& tmpl, const LabelContent& content, const std::string& expected,
                    const MeaningCheck& checkMeaning) {
    for (int dpi : {203, 300}) {
        CAPTURE(dpi);
        auto png = renderPng(tmpl, content, dpi);
        REQUIRE_MESSAGE(png.has_value(), (png ? "" : png.error().message));
        const auto decoded = decodePng(*png);
        const auto qr = std::find_if(decoded.begin(), decoded.end(),
                                     [](const DecodedCode& code) { return code.format == "QRCode"; });
        REQUIRE_MESSAGE(qr != decoded.end(), "no QR code read from " << tmpl.name);
        CHECK(qr->text == expected);
        checkMeaning(interpretCode(*qr));
    }
}

MeaningCheck isLot(std::string lot) {
    return [lot](const lotstation::scan::Meaning& meaning) {
        REQUIRE(std::holds_alternative<lotstation::scan::OwnLot>(meaning));
        CHECK(std::get<lotstation::scan::OwnLot>(meaning).lot == lot);
    };
}

MeaningCheck isDigitalLink(std::string gtin, std::string lot, Date expiry) {
    return [=](const lotstation::scan::Meaning& meaning) {
        REQUIRE_MESSAGE(std::holds_alternative<lotstation::scan::DigitalLink>(meaning),
                        lotstation::scan::describe(meaning));
        const auto& data = std::get<lotstation::scan::DigitalLink>(meaning).data;
        CHECK(data.gtin == gtin);
        CHECK(data.lot == lot);
        CHECK(data.expiry == expiry);
    };
}

MeaningCheck isLocation(std::string code) {
    return [code](const lotstation::scan::Meaning& meaning) {
        REQUIRE(std::holds_alternative<lotstation::scan::OwnLocation>(meaning));
        CHECK(std::get<lotstation::scan::OwnLocation>(meaning).location == code);
    };
}

MeaningCheck isBadge(std::string badge) {
    return [badge](const lotstation::scan::Meaning& meaning) {
        REQUIRE(std::holds_alternative<lotstation::scan::OwnBadge>(meaning));
        CHECK(std::get<lotstation::scan::OwnBadge>(meaning).badge == badge);
    };
}

MeaningCheck isCommand(LabelCommand command) {
    return [command](const lotstation::scan::Meaning& meaning) {
        REQUIRE(std::holds_alternative<lotstation::scan::OwnCommand>(meaning));
        CHECK(lotstation::scan::commandName(std::get<lotstation::scan::OwnCommand>(meaning).command) ==
              commandName(command));
    };
}

} // namespace

TEST_CASE("lot label without GTIN round-trips through PNG at 203 and 300 dpi") {
    const auto lot = sampleLot();
    for (const char* name : {"lot-50x30", "lot-70x37", "lot-100x50", "lot-100x50-gs1"}) {
        CAPTURE(name);
        checkRoundTrip(shippedTemplate(name), lot, "LS:LOT:LAV-261124-01", isLot("LAV-261124-01"));
    }
}

TEST_CASE("lot label with GTIN carries a GS1 Digital Link that round-trips") {
    const auto lot = sampleLotWithGtin();
    const std::string expected = "https://id.gs1.org/01/09506000134352/10/LAV-261124-01?17=271124";
    REQUIRE(lotPayload(lot).value() == expected);
    for (const char* name : {"lot-50x30", "lot-70x37", "lot-100x50", "lot-100x50-gs1"}) {
        CAPTURE(name);
        checkRoundTrip(shippedTemplate(name), lot, expected,
                       isDigitalLink("09506000134352", "LAV-261124-01", *lot.expiry));
    }
}

TEST_CASE("lot codes with odd characters round-trip escaped") {
    auto lot = sampleLot();
    lot.lotCode = "Lot 7/b: Crème #3%";
    const std::string expected = "LS:LOT:L%6F%74 7/%62%3A C%72%C3%A8%6D%65 %233%25";
    REQUIRE(lotPayload(lot).value() == expected);
    // lot-50x30's lot field cannot hold this spaced code whole on two lines: it would be refused there.
    checkRoundTrip(shippedTemplate("lot-100x50"), lot, expected, isLot("Lot 7/b: Crème #3%"));

    auto withGtin = sampleLotWithGtin();
    withGtin.lotCode = "ab/12%(3)_x";
    const std::string link = "https://id.gs1.org/01/09506000134352/10/ab%2F12%25%283%29_x?17=271124";
    REQUIRE(lotPayload(withGtin).value() == link);
    checkRoundTrip(shippedTemplate("lot-100x50-gs1"), withGtin, link,
                   isDigitalLink("09506000134352", "ab/12%(3)_x", *withGtin.expiry));
}

TEST_CASE("location label round-trips") {
    checkRoundTrip(shippedTemplate("location-100x50"), LocationLabelData{"A-01-03", "Cold store, shelf 3"},
                   "LS:LOC:A-01-03", isLocation("A-01-03"));
    checkRoundTrip(shippedTemplate("location-100x50"), LocationLabelData{"dock_2", "Dock 2"},
                   "LS:LOC:%64%6F%63%6B%5F2", isLocation("dock_2"));
}

TEST_CASE("badge label round-trips") {
    checkRoundTrip(shippedTemplate("badge-86x54"), BadgeLabelData{"Maria Gonzalez", "U-0042"},
                   "LS:USR:U-0042", isBadge("U-0042"));
}

TEST_CASE("every command card round-trips") {
    for (auto command : {LabelCommand::Finish, LabelCommand::Undo, LabelCommand::Cancel,
                         LabelCommand::Confirm, LabelCommand::Logout}) {
        const std::string expected = "LS:CMD:" + std::string(commandName(command));
        CAPTURE(expected);
        checkRoundTrip(shippedTemplate("command-100x50"), CommandLabelData{command}, expected,
                       isCommand(command));
    }
}

TEST_CASE("long item names shrink, wrap and ellipsize but never leave their box") {
    auto lot = sampleLot();
    lot.itemName =
        "Extra Large Goat Milk, Manuka Honey and Colloidal Oatmeal Unscented Sensitive Skin Soap Bar";
    lot.quantity = "1 234 567 890 pieces in 12 cartons of assorted sizes";
    for (const char* name : {"lot-50x30", "lot-100x50-gs1"}) {
        CAPTURE(name);
        const auto& tmpl = shippedTemplate(name);
        std::vector<BoxMm> boxes;
        for (const auto& field : tmpl.fields)
            boxes.push_back(field.box);
        for (const auto& code : tmpl.codes)
            boxes.push_back(code.box);
        for (int dpi : {203, 300}) {
            auto png = renderPng(tmpl, lot, dpi);
            REQUIRE(png.has_value());
            CHECK(darkPixelsOutside(*png, dpi, boxes) == 0);
            CHECK_FALSE(decodePng(*png).empty());
        }
    }
}

TEST_CASE("QR modules are crisp: only black and white pixels inside the code box") {
    const auto& tmpl = shippedTemplate("lot-50x30");
    LabelTemplate codeOnly = tmpl;
    codeOnly.fields.clear();
    auto png = renderPng(codeOnly, sampleLot(), 203);
    REQUIRE(png.has_value());
    // Text is antialiased, codes are not: with no text every pixel must be pure black or pure white.
    CHECK(darkPixelsOutside(*png, 203, {tmpl.codes[0].box}) == 0);
    CHECK(midtonePixels(*png) == 0);
    const auto decoded = decodePng(*png);
    REQUIRE(decoded.size() == 1);
    CHECK(decoded[0].text == "LS:LOT:LAV-261124-01");
}

TEST_CASE("text with invalid UTF-8 or control characters still renders, and the code still scans") {
    auto lot = sampleLot();
    lot.itemName = std::string("Bad \xFF\xFE bytes \xE2\x82 and a GS \x1D here");
    lot.supplierLot = "SUP\t42";
    for (const char* name : {"lot-50x30", "lot-100x50-gs1"}) {
        CAPTURE(name);
        auto png = renderPng(shippedTemplate(name), lot, 203);
        REQUIRE_MESSAGE(png.has_value(), (png ? "" : png.error().message));
        CHECK(decodePng(*png).at(0).text == "LS:LOT:LAV-261124-01");
        const std::vector<LabelContent> labels{lot};
        auto zpl = renderZpl(shippedTemplate(name), labels);
        REQUIRE(zpl.has_value());
        CHECK(zpl->find("^FDBad _EF_BF_BD_EF_BF_BD bytes _EF_BF_BD_EF_BF_BD and") != std::string::npos);
        if (std::string_view(name) == "lot-100x50-gs1")
            CHECK(zpl->find("Supplier lot SUP 42") != std::string::npos);
        CHECK(zpl->find('\x1D') == std::string::npos);
    }
}
