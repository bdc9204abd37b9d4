// Each protocol's frames, parsed on their own: the table of what scales send, good and bad.
#include "lotstation/scale/protocol.hpp"

#include <doctest/doctest.h>

using namespace lotstation;
using namespace lotstation::scale;

namespace {

Weight weightOf(Protocol protocol, std::string_view frame) {
    auto reply = parseFrame(protocol, frame);
    REQUIRE_MESSAGE(reply.has_value(), std::string(frame));
    REQUIRE(reply->reading.has_value());
    REQUIRE((reply->reading->condition == Condition::Weight));
    return reply->reading->weight;
}

Condition conditionOf(Protocol protocol, std::string_view frame) {
    auto reply = parseFrame(protocol, frame);
    REQUIRE_MESSAGE(reply.has_value(), std::string(frame));
    REQUIRE(reply->reading.has_value());
    return reply->reading->condition;
}

} // namespace

TEST_CASE("MT-SICS replies: stable, dynamic, negative, errors and acknowledgements") {
    CHECK((weightOf(Protocol::MtSics, "S S      1.234 kg") == Weight{"1.234", "kg", true, WeightKind::Gross}));
    CHECK((weightOf(Protocol::MtSics, "S D      1.100 kg") == Weight{"1.100", "kg", false, WeightKind::Gross}));
    CHECK((weightOf(Protocol::MtSics, "S S     -0.050 g") == Weight{"-0.050", "g", true, WeightKind::Gross}));
    CHECK((conditionOf(Protocol::MtSics, "S I") == Condition::Moving));
    CHECK((conditionOf(Protocol::MtSics, "S +") == Condition::Overload));
    CHECK((conditionOf(Protocol::MtSics, "S -") == Condition::Underload));
    CHECK((weightOf(Protocol::MtSics, "T S      0.100 kg").kind == WeightKind::Tare));
    CHECK(parseFrame(Protocol::MtSics, "Z A")->note == "zeroed");
    CHECK(parseFrame(Protocol::MtSics, "I2 A \"WMS404C-L/10 WMS-Weigh Module\"")->note ==
          "model: WMS404C-L/10 WMS-Weigh Module");
    CHECK((parseFrame(Protocol::MtSics, "ES").error().kind == ErrorKind::Refused));
    CHECK(parseFrame(Protocol::MtSics, "EL").error().message.find("logical") != std::string::npos);
    CHECK(parseFrame(Protocol::MtSics, "Z I").error().message == "the scale could not zero: it is busy or moving");
    CHECK((parseFrame(Protocol::MtSics, "S S 1.2.3 kg").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::MtSics, "S S 1.234 furlongs").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::MtSics, "S S 1.234").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::MtSics, "ST,GS,+0001.234kg").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::MtSics, "S S 1e5 kg").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::MtSics, "S S 99999999999999999 kg").error().kind == ErrorKind::Invalid));
}

TEST_CASE("Toledo 8217: digits between STX and CR in the configured unit, or a status byte") {
    CHECK((weightOf(Protocol::Toledo8217, "\x02" "01.234") == Weight{"1.234", "kg", true, WeightKind::Gross}));
    CHECK(parseFrame(Protocol::Toledo8217, "\x02" "03.000", "lb")->reading->weight.unit == "lb");
    CHECK((conditionOf(Protocol::Toledo8217, "\x02?a") == Condition::Moving));
    CHECK((conditionOf(Protocol::Toledo8217, "\x02?b") == Condition::Overload));
    CHECK((conditionOf(Protocol::Toledo8217, "\x02?d") == Condition::Underload));
    CHECK((parseFrame(Protocol::Toledo8217, "\x02?").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::Toledo8217, "\x02" "12a4").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::Toledo8217, "\x02" "1.0", "parsecs").error().kind == ErrorKind::Invalid));
}

TEST_CASE("Continuous stream: stable / unstable / overload, gross / net / tare") {
    CHECK((weightOf(Protocol::Continuous, "ST,GS,+0001.234kg") == Weight{"1.234", "kg", true, WeightKind::Gross}));
    CHECK((weightOf(Protocol::Continuous, "US,GS,+0001.200kg") == Weight{"1.200", "kg", false, WeightKind::Gross}));
    CHECK((weightOf(Protocol::Continuous, "ST,NT,-0000.050kg") == Weight{"-0.050", "kg", true, WeightKind::Net}));
    CHECK((weightOf(Protocol::Continuous, "ST,TR,+0000.100kg").kind == WeightKind::Tare));
    CHECK((weightOf(Protocol::Continuous, "ST,GS,+  123.4 g") == Weight{"123.4", "g", true, WeightKind::Gross}));
    CHECK((conditionOf(Protocol::Continuous, "OL,GS,+9999.999kg") == Condition::Overload));
    CHECK((parseFrame(Protocol::Continuous, "XX,GS,+0001.234kg").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::Continuous, "ST,QQ,+0001.234kg").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::Continuous, "ST,+00001.234 kg").error().kind == ErrorKind::Invalid));
    CHECK((parseFrame(Protocol::Continuous, "ST,GS,+0001.234kg\x01").error().kind == ErrorKind::Invalid));
}

TEST_CASE("A&D: ST / US / QT / OL headers, the acknowledgement and EC refusals") {
    CHECK((weightOf(Protocol::AnD, "ST,+00001.234  g") == Weight{"1.234", "g", true, WeightKind::Gross}));
    CHECK((weightOf(Protocol::AnD, "US,-00000.012 kg") == Weight{"-0.012", "kg", false, WeightKind::Gross}));
    CHECK(weightOf(Protocol::AnD, "QT,+00000100 PC").unit == "pc");
    CHECK((conditionOf(Protocol::AnD, "OL,+9999999E+19") == Condition::Overload));
    CHECK(parseFrame(Protocol::AnD, "\x06")->note == "done");
    CHECK((parseFrame(Protocol::AnD, "EC,E1").error().kind == ErrorKind::Refused));
    CHECK((parseFrame(Protocol::AnD, "ST,GS,+0001.234kg").error().kind == ErrorKind::Invalid));
}

TEST_CASE("A weight becomes base units through storage's quantity rules, never a double") {
    CHECK((toBaseUnits({"1.234", "kg", true, WeightKind::Gross}, storage::Uom::Gram) == 1'234'000));
    CHECK((toBaseUnits({"-0.050", "kg", true, WeightKind::Net}, storage::Uom::Gram) == -50'000));
    CHECK((toBaseUnits({"123.4", "g", true, WeightKind::Gross}, storage::Uom::Gram) == 123'400));
    CHECK((toBaseUnits({"0.1234", "g", true, WeightKind::Gross}, storage::Uom::Gram).error().kind ==
           ErrorKind::Invalid)); // finer than a milligram
    CHECK((toBaseUnits({"1.234", "kg", true, WeightKind::Gross}, storage::Uom::Millilitre).error().kind ==
           ErrorKind::Invalid));
    CHECK((toBaseUnits({"3.000", "lb", true, WeightKind::Gross}, storage::Uom::Gram).error().kind ==
           ErrorKind::Refused));
    CHECK((toBaseUnits({"100", "pc", true, WeightKind::Gross}, storage::Uom::Piece) == 100));
}

TEST_CASE("Decimals and units are normalised exactly") {
    CHECK(normaliseDecimal("+0001.234") == "1.234");
    CHECK(normaliseDecimal("-   0.50") == "-0.50");
    CHECK(normaliseDecimal("-0.000") == "0.000");
    CHECK(normaliseDecimal("0012") == "12");
    CHECK(!normaliseDecimal("1.2.3"));
    CHECK(!normaliseDecimal(""));
    CHECK(!normaliseDecimal("+"));
    CHECK(normaliseUnit("KG") == "kg");
    CHECK(normaliseUnit("lbs") == "lb");
    CHECK(!normaliseUnit("kgs?"));
}

TEST_CASE("The frame splitter joins pieces, drops empty lines and reports over-long lines as garbage") {
    FrameSplitter splitter(16);
    splitter.feed("S S  1.2");
    CHECK(splitter.take().empty());
    CHECK(splitter.partial());
    splitter.feed("34 kg\r\n\r\nS D");
    CHECK(splitter.take() == std::vector<std::string>{"S S  1.234 kg"});
    splitter.feed(std::string(40, 'x') + "\r\n");
    const auto frames = splitter.take();
    REQUIRE(frames.size() == 1);
    CHECK((parseFrame(Protocol::MtSics, frames[0]).error().kind == ErrorKind::Invalid));
    CHECK(parseProtocol("auto")->has_value() == false);
    CHECK((parseProtocol("toledo")->value() == Protocol::Toledo8217));
    CHECK((parseProtocol("ohaus").error().kind == ErrorKind::Invalid));
}
