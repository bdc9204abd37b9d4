// Our own label payloads through the interpreter, as the camera (]Q1) and a wedge scanner without prefix
// deliver them: the same meaning as the formats library's decoder, and its reasons when they cannot be read.
#include "lotstation/formats/own_labels.hpp"
#include "lotstation/scan/interpreter.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace lotstation::scan;
namespace formats = lotstation::formats;

TEST_CASE("own labels through the interpreter: every kind, from the camera and from a wedge") {
    const std::vector<formats::OwnLabel> labels{
        OwnLot{"SOAP-261124-01"}, OwnLot{"Crème brûlée €5"},           OwnLot{"A:B:C"},
        OwnLocation{"DOCK-1"},    OwnBadge{"badge:7f"},                 OwnCommand{StationCommand::Finish},
        OwnCommand{StationCommand::Logout},
    };
    for (const auto& label : labels) {
        const std::string payload = formats::encodeOwnLabel(label);
        INFO("payload: " << payload);
        const Meaning fromCamera = interpret(payload, "]Q1");
        const Meaning fromWedge = interpret(payload + "\r\n");
        CHECK(std::visit([](const auto& own) { return Meaning{own}; }, label) == fromCamera);
        CHECK(fromWedge == fromCamera);
    }
}

TEST_CASE("own labels through the interpreter: unreadable payloads say why") {
    for (const std::string payload : {"LS:BOX:12", "LS:LOT:", "LS:CMD:SHUTDOWN", "LS:LOT:A%G1", "LS:LOC:A%0AB"}) {
        INFO("payload: " << payload);
        const Meaning meaning = interpret(payload, "]Q1");
        REQUIRE(std::holds_alternative<Unreadable>(meaning));
        CHECK(std::get<Unreadable>(meaning).reason == formats::decodeOwnLabel(payload).error().message);
    }
}
