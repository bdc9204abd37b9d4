// Our own label payloads: exact encodings, round trips through encode/decode including odd characters, and
// the reasons for payloads that cannot be read (tests/scan reads the same payloads through the interpreter).
#include "lotstation/formats/own_labels.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace lotstation::formats;

TEST_CASE("own labels: encodings keep QR alphanumeric characters and escape the rest") {
    CHECK(encodeLotLabel("SOAP-261124-01") == "LS:LOT:SOAP-261124-01");
    CHECK(encodeLocationLabel("DOCK 1/A") == "LS:LOC:DOCK 1/A");
    CHECK(encodeBadgeLabel("B-0042") == "LS:USR:B-0042");
    CHECK(encodeCommandLabel(StationCommand::Finish) == "LS:CMD:FINISH");
    CHECK(encodeCommandLabel(StationCommand::Logout) == "LS:CMD:LOGOUT");
    CHECK(encodeLotLabel("soap:1") == "LS:LOT:%73%6F%61%70%3A1");
    CHECK(encodeLotLabel("50%") == "LS:LOT:50%25");
    CHECK(encodeLotLabel("A+B$C*D.E") == "LS:LOT:A+B$C*D.E");
    CHECK(encodeLotLabel("SEIFE-Ü") == "LS:LOT:SEIFE-%C3%9C");
    CHECK(encodeLocationLabel("棚") == "LS:LOC:%E6%A3%9A");
    CHECK(encodeOwnLabel(OwnBadge{"X1"}) == "LS:USR:X1");
}

TEST_CASE("own labels: every kind round-trips, odd characters included") {
    const std::vector<OwnLabel> labels{
        OwnLot{"SOAP-261124-01"},
        OwnLot{"lower-case lot"},
        OwnLot{"A:B:C"},
        OwnLot{"100% olive"},
        OwnLot{"  spaced  "},
        OwnLot{"Crème brûlée €5"},
        OwnLot{"😀-emoji"},
        OwnLot{"tab\\and~tilde#hash"},
        OwnLocation{"DOCK-1"},
        OwnLocation{"Shelf 3, bin 4"},
        OwnBadge{"badge:7f"},
        OwnBadge{"ÅSA"},
        OwnCommand{StationCommand::Finish},
        OwnCommand{StationCommand::Undo},
        OwnCommand{StationCommand::Cancel},
        OwnCommand{StationCommand::Confirm},
        OwnCommand{StationCommand::Logout},
    };
    for (const auto& label : labels) {
        const std::string payload = encodeOwnLabel(label);
        INFO("payload: " << payload);
        for (char c : payload.substr(7)) {
            const bool alphanumericMode = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                          std::string_view{" $%*+-./:"}.find(c) != std::string_view::npos;
            CHECK(alphanumericMode);
        }
        const auto decoded = decodeOwnLabel(payload);
        REQUIRE(decoded.has_value());
        CHECK(*decoded == label);
    }
}

TEST_CASE("own labels: prefix, kind, command and hex digits are read in any case") {
    CHECK(decodeOwnLabel("ls:lot:SOAP-1") == OwnLabel{OwnLot{"SOAP-1"}});
    CHECK(decodeOwnLabel("Ls:Loc:DOCK") == OwnLabel{OwnLocation{"DOCK"}});
    CHECK(decodeOwnLabel("ls:usr:b1") == OwnLabel{OwnBadge{"b1"}}); // unescaped value taken as it is
    CHECK(decodeOwnLabel("LS:cmd:undo") == OwnLabel{OwnCommand{StationCommand::Undo}});
    CHECK(decodeOwnLabel("LS:LOT:%c3%9c") == OwnLabel{OwnLot{"Ü"}});
    CHECK(commandFromName("Confirm") == StationCommand::Confirm);
    CHECK_FALSE(commandFromName("SHUTDOWN").has_value());
}

TEST_CASE("own labels: unreadable payloads say why") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"LS:BOX:12", "unknown label kind \"BOX\" after LS:"},
        {"LS:LOT", "lot label without a value"},
        {"LS:LOT:", "lot label without a value"},
        {"LS:LOC:", "location label without a value"},
        {"LS:USR:", "badge without a value"},
        {"LS:CMD:SHUTDOWN", "unknown command \"SHUTDOWN\" on a command label"},
        {"LS:LOT:50%", "bad %-escape \"%\" in a lot label"},
        {"LS:LOT:A%G1", "bad %-escape \"%G1\" in a lot label"},
        {"LS:LOT:%FF%FE", "value is not valid UTF-8 text in a lot label"},
        {"LS:LOC:A%0AB", "value contains a control character <LF> in a location label"},
        {"XS:LOT:A", "not one of our labels (no \"LS:\" at the start)"},
    };
    for (const auto& [payload, reason] : cases) {
        INFO("payload: " << payload);
        const auto decoded = decodeOwnLabel(payload);
        REQUIRE_FALSE(decoded.has_value());
        CHECK(decoded.error().message == reason);
        CHECK(isOwnLabelPayload(payload) == payload.starts_with("LS:"));
    }
}

TEST_CASE("own labels: the value escaping on its own") {
    CHECK(percentEncodeLabelValue("AB-12./+$* 9") == "AB-12./+$* 9");
    CHECK(percentEncodeLabelValue("a:b%c") == "%61%3A%62%25%63");
    CHECK(percentEncodeLabelValue("Ü") == "%C3%9C");
    for (const std::string value : {"LAV-261124-01", "lot_7^~x", "Crème brûlée #3"})
        CHECK(percentDecodeLabelValue(percentEncodeLabelValue(value)) == value);
    // A payload names a code a person reads: control bytes are escaped on the way out and refused coming in.
    CHECK(percentEncodeLabelValue(std::string("nul\0byte", 8)) == "%6E%75%6C%00%62%79%74%65");
    CHECK_FALSE(percentDecodeLabelValue("%6E%00").has_value());
    CHECK_FALSE(percentDecodeLabelValue("%4").has_value());
    CHECK_FALSE(percentDecodeLabelValue("%G1").has_value());
}
