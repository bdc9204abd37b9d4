// The payload contract with the scan interpreter, byte for byte.
#include "label_decode.hpp"

#include <doctest/doctest.h>

using namespace lotstation::labels;
using namespace lotstation::labels::test;

TEST_CASE("LS: payloads for lots without GTIN, locations, badges and commands") {
    CHECK(lotPayload(sampleLot()).value() == "LS:LOT:LAV-261124-01");
    CHECK(locationPayload({"A-01-03", "Shelf"}).value() == "LS:LOC:A-01-03");
    CHECK(badgePayload({"Maria", "U-0042"}).value() == "LS:USR:U-0042");
    CHECK(commandPayload(LabelCommand::Finish) == "LS:CMD:FINISH");
    CHECK(commandPayload(LabelCommand::Undo) == "LS:CMD:UNDO");
    CHECK(commandPayload(LabelCommand::Cancel) == "LS:CMD:CANCEL");
    CHECK(commandPayload(LabelCommand::Confirm) == "LS:CMD:CONFIRM");
    CHECK(commandPayload(LabelCommand::Logout) == "LS:CMD:LOGOUT");
    CHECK(commandFromName("logout") == LabelCommand::Logout);
    CHECK_FALSE(commandFromName("reboot").has_value());
}

TEST_CASE("GS1 Digital Link for lots with a GTIN") {
    auto lot = sampleLotWithGtin();
    CHECK(lotPayload(lot).value() == "https://id.gs1.org/01/09506000134352/10/LAV-261124-01?17=271124");
    lot.expiry.reset();
    lot.bestBefore = std::chrono::year{2027} / std::chrono::February / 28;
    CHECK(lotPayload(lot).value() == "https://id.gs1.org/01/09506000134352/10/LAV-261124-01?15=270228");
    lot.bestBefore.reset();
    CHECK(lotPayload(lot).value() == "https://id.gs1.org/01/09506000134352/10/LAV-261124-01");
    lot.gtin = "4006381333931"; // GTIN-13, padded
    CHECK(lotPayload(lot).value() == "https://id.gs1.org/01/04006381333931/10/LAV-261124-01");
    lot.lotCode = "a/b%c";
    CHECK(lotPayload(lot).value() == "https://id.gs1.org/01/04006381333931/10/a%2Fb%25c");
}

TEST_CASE("a lot GS1 AI (10) cannot hold still gets a payload that names it") {
    auto lot = sampleLotWithGtin();
    lot.lotCode = "LOT 7 #3"; // space and '#' are outside GS1 character set 82
    CHECK(lotPayload(lot).value() == "LS:LOT:LOT 7 %233");
}

TEST_CASE("bad label data is refused with a reason") {
    auto lot = sampleLotWithGtin();
    lot.gtin = "09506000134353";
    CHECK(lotPayload(lot).error().message == "GTIN 09506000134353 check digit wrong (expected 2)");
    lot.gtin = "95060001343";
    CHECK(lotPayload(lot).error().message == "GTIN 95060001343 has 11 digits; a GTIN has 8, 12, 13 or 14");
    lot = sampleLotWithGtin();
    lot.expiry = std::chrono::year{2026} / std::chrono::February / 30;
    CHECK(lotPayload(lot).error().message == "expiry is not a valid date");
    lot.expiry = std::chrono::year{2126} / std::chrono::January / 1;
    CHECK(lotPayload(lot).error().message == "expiry 2126-01-01 is outside 2000-2099");
    lot.lotCode.clear();
    CHECK(lotPayload(lot).error().message == "lot code is empty");
    CHECK(locationPayload({"", "Shelf"}).error().message == "location code is empty");
    CHECK(badgePayload({"Maria", ""}).error().message == "badge code is empty");
}
