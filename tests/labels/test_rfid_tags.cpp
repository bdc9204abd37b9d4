// A lot label for an RFID-capable Zebra also writes the tag: the ZPL's ^RFW hex, decoded by formats' own EPC
// decoder, gives back the lot's GTIN and the assigned serial (sgtin-96) or its lot and expiry (dsgtin+).
#include "label_decode.hpp"
#include "lotstation/formats/epc.hpp"
#include "lotstation/labels/render.hpp"

#include <doctest/doctest.h>

using namespace lotstation::labels;
using namespace lotstation::labels::test;
namespace formats = lotstation::formats;

namespace {

// The hex after ^RFW,H…^FD in a one-label ZPL job.
std::string writtenHex(const std::string& zpl) {
    const auto write = zpl.find("^RFW,H");
    REQUIRE_MESSAGE(write != std::string::npos, zpl);
    const auto data = zpl.find("^FD", write) + 3;
    return zpl.substr(data, zpl.find("^FS", data) - data);
}

std::string elementValue(const formats::Epc& epc, std::string_view ai) {
    for (const auto& element : epc.elements)
        if (element.ai == ai) return element.value;
    return {};
}

std::string zplOf(const LabelTemplate& tmpl, const LotLabelData& lot) {
    auto zpl = renderZpl(tmpl, std::vector<LabelContent>{lot});
    REQUIRE_MESSAGE(zpl.has_value(), (zpl ? "" : zpl.error().message));
    return *zpl;
}

} // namespace

TEST_CASE("rfid sgtin-96 template: ^RS8 and ^RFW write the EPC of the lot's GTIN and assigned serial") {
    const auto& tmpl = shippedTemplate("lot-100x50-rfid");
    REQUIRE(tmpl.rfid.has_value());
    auto lot = sampleLotWithGtin();
    lot.tagSerial = "100001";
    const auto zpl = zplOf(tmpl, lot);
    CHECK(zpl.find("^RS8^RFW,H^FD") != std::string::npos); // 96 bits: memory bank E (the default)
    const auto hex = writtenHex(zpl);
    CHECK(hex.size() == 24);
    const auto epc = formats::decodeEpcHex(hex);
    REQUIRE_MESSAGE(epc.has_value(), hex);
    CHECK(epc->scheme == formats::EpcScheme::Sgtin96);
    CHECK(epc->filter == 1);
    CHECK(elementValue(*epc, "01") == "09506000134352");
    CHECK(elementValue(*epc, "21") == "100001");
    CHECK(formats::pureIdentityUri(*epc).value() == "urn:epc:id:sgtin:9506000.013435.100001");
}

TEST_CASE("rfid dsgtin+ and sgtin+ templates: the tag carries the lot (10) and its expiry (17)") {
    for (auto scheme : {formats::EpcScheme::DsgtinPlus, formats::EpcScheme::SgtinPlus}) {
        CAPTURE(formats::toString(scheme));
        auto tmpl = shippedTemplate("lot-100x50-rfid");
        tmpl.rfid->scheme = scheme;
        auto lot = sampleLotWithGtin();
        lot.tagSerial = "7";
        const auto zpl = zplOf(tmpl, lot);
        CHECK(zpl.find("^RFW,H,,,A^FD") != std::string::npos); // longer than 96 bits: PC bits adjusted
        const auto epc = formats::decodeEpcHex(writtenHex(zpl));
        REQUIRE(epc.has_value());
        CHECK(epc->scheme == scheme);
        CHECK(elementValue(*epc, "01") == "09506000134352");
        CHECK(elementValue(*epc, "21") == "7");
        CHECK(elementValue(*epc, "10") == "LAV-261124-01");
        CHECK(elementValue(*epc, "17") == "271124");
    }
}

TEST_CASE("rfid template: PNG and PDF are the template's without the tag; untaggable lots are refused") {
    const auto& tmpl = shippedTemplate("lot-100x50-rfid");
    auto plain = tmpl;
    plain.rfid.reset();
    auto lot = sampleLotWithGtin();
    lot.tagSerial = "100001";
    CHECK(renderPng(tmpl, lot, 203).value() == renderPng(plain, lot, 203).value());
    CHECK(renderPdf(tmpl, std::vector<LabelContent>{lot}).has_value());

    auto noGtin = sampleLot();
    noGtin.tagSerial = "100001";
    auto refused = renderZpl(tmpl, std::vector<LabelContent>{noGtin});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message ==
          "lot LAV-261124-01 has no GTIN (its item has none); an sgtin-96 tag needs one: item add --gtin");

    auto noSerial = sampleLotWithGtin();
    refused = renderZpl(tmpl, std::vector<LabelContent>{noSerial});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message.find("has no tag serial assigned") != std::string::npos);

    auto tooBig = sampleLotWithGtin();
    tooBig.tagSerial = "274877906944"; // 2^38
    refused = renderZpl(tmpl, std::vector<LabelContent>{tooBig});
    REQUIRE_FALSE(refused.has_value());
    MESSAGE(refused.error().message);
    CHECK(refused.error().message.starts_with("lot LAV-261124-01: "));
}
