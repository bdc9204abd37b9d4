// The station with a weighing scale: a simulated scale on a pseudo-terminal, driven by the test, read by the
// station's ScaleSession and fed to the Station once per "frame" as the window does. Count, Receive and
// Produce take a settled weight from the keypad, name the scale on the movement, and keep the keys as the
// fallback when the scale moves, is lost or is not wanted.
#include "floor_test_support.hpp"
#include "lotstation/station/scale_session.hpp"
#include "scale_watch.hpp"
#include "simulated_scale.hpp"

#include <algorithm>
#include <functional>

using namespace lotstation::test::floor;
using lotstation::test::TempDir;
using lotstation::scale::Condition;
using lotstation::scale::Protocol;
using lotstation::scale::ScaleState;
using lotstation::scale::testing::SimMode;
using lotstation::scale::testing::SimulatedScale;
using lotstation::scale::testing::simSettings;
using namespace std::chrono_literals;

namespace {

// Frames of the window until `done` holds (bounded): each polls the scale and hands the readout over.
bool frames(ScaleSession& session, Station& station, const std::function<bool(const AppState&)>& done,
            std::chrono::milliseconds timeout = 5000ms) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        station.setScale(session.poll());
        if (done(station.state())) return true;
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return false;
        session.waitForNews(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
    }
}

bool showsWeight(const AppState& state) {
    return state.scale && state.scale->latest && state.scale->latest->condition == Condition::Weight;
}

bool settledAt(const AppState& state, const std::string& shown) {
    return state.scale && state.scale->stable() && state.scale->shown() == shown;
}

intent::OpenKeypad weighing(std::string label, QuantityReply reply) {
    return intent::OpenKeypad{std::move(label), QuantityUnit::Kilogram,
                              {QuantityUnit::Gram, QuantityUnit::Kilogram}, std::move(reply), true};
}

} // namespace

TEST_CASE("station scale: a count is weighed, taken only once settled, and the movement names the scale") {
    auto d = demo();
    const std::string olive = d->summary.receivedLots[0]; // 13 kg at STORE
    SimulatedScale sim(Protocol::MtSics);
    sim.show("12.800", "kg", false);
    ScaleSession session;
    session.choose(simSettings(sim.path(), Protocol::MtSics));
    Station station(AppConfig{}, t0, &d->ledger);
    logIn(station, "ana", "1111");
    station.apply(intent::Navigate{Screen::Count}, t0);
    station.apply(count::PickLocation{"STORE"}, t0);
    station.apply(count::PickLot{olive}, t0);

    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Counted " + olive, replyQuantity<count::SetCounted>()), t0);
    REQUIRE(station.state().keypad);
    CHECK(station.state().keypad->followsScale);
    // While it settles the display follows the live reading, and OK refuses it.
    REQUIRE(frames(session, station, showsWeight));
    CHECK(station.state().keypad->entry.display() == "12.800 kg");
    CHECK_FALSE(station.state().scale->stable());
    CHECK(station.apply(intent::KeypadOk{}, t0).tone == FeedbackKind::Refused);
    REQUIRE(station.state().keypad);
    CHECK(station.state().keypad->problem == "Wait until the scale settles");

    // Tare goes to the scale through the host.
    const auto tare = station.apply(intent::ScaleTare{}, t0);
    REQUIRE(tare.scaleCommand);
    session.command(*tare.scaleCommand);
    const auto asked = sim.requests().size();
    REQUIRE(sim.waitForRequests(asked + 1, 2s));
    CHECK(std::ranges::count(sim.requests(), std::string("T")) == 1);
    // The scale's answer (the tare taken, "T S 12.800 kg") is no reading of what lies on it.
    REQUIRE(frames(session, station, [](const AppState& s) { return s.scale->lastCommand == "tare set"; }));
    CHECK(station.apply(intent::KeypadOk{}, t0).tone == FeedbackKind::Refused);

    sim.show("12.850", "kg", true);
    REQUIRE(frames(session, station, [](const AppState& s) { return settledAt(s, "12.850 kg"); }));
    CHECK(station.apply(intent::KeypadOk{}, t0).tone == FeedbackKind::Accepted);
    CHECK_FALSE(station.state().keypad);
    CHECK(headline(station) == "Counted " + olive + ": 12.850 kg from the scale");
    const CountState& count = *station.stateOf<CountFlow>();
    const CountLine& line = count.lines[*count.selected];
    CHECK(line.counted == 12'850'000);
    CHECK(line.scale == "mt-sics on " + sim.path());

    station.apply(count::PickReason{"spilled"}, t0);
    CHECK(station.apply(count::Confirm{}, t0).tone == FeedbackKind::Accepted);
    REQUIRE(count.recorded.size() == 1);
    CHECK(count.recorded[0].scale == "mt-sics on " + sim.path());
    CHECK(d->ledger.onHand(olive, "STORE").value() == 12'850'000);
    CHECK(d->ledger.verify().value().empty());
}

TEST_CASE("station scale: typing takes over from the scale, and the scale button takes it back") {
    auto d = demo();
    SimulatedScale sim(Protocol::Continuous);
    sim.show("0.750", "kg");
    ScaleSession session;
    session.choose(simSettings(sim.path(), Protocol::Continuous));
    Station station(AppConfig{}, t0, &d->ledger);
    station.apply(intent::Navigate{Screen::Count}, t0);
    station.apply(count::PickLocation{"STORE"}, t0);
    station.apply(count::PickLot{d->summary.receivedLots[0]}, t0);
    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Counted", replyQuantity<count::SetCounted>()), t0);
    REQUIRE(frames(session, station, [](const AppState& s) { return settledAt(s, "0.750 kg"); }));
    CHECK(station.state().keypad->entry.text() == "0.750");

    station.apply(intent::KeypadPress{KeypadKey::D2}, t0);
    CHECK_FALSE(station.state().keypad->followsScale);
    REQUIRE(frames(session, station, showsWeight)); // the scale keeps reading; the typed text stays
    CHECK(station.state().keypad->entry.display() == "2 kg");
    station.apply(intent::KeypadFollowScale{}, t0);
    CHECK(station.state().keypad->entry.display() == "0.750 kg");
    station.apply(intent::KeypadPress{KeypadKey::D3}, t0);
    station.apply(intent::KeypadOk{}, t0);
    const CountState& count = *station.stateOf<CountFlow>();
    CHECK(count.lines[*count.selected].counted == 3'000'000);
    CHECK_FALSE(count.lines[*count.selected].scale);

    // A keypad that is no weight (a planned output, a reorder point) never follows the scale.
    station.apply(intent::OpenKeypad{"Planned output", QuantityUnit::Kilogram, {}, replyQuantity<count::SetCounted>()},
                  t0);
    CHECK_FALSE(station.state().keypad->followsScale);
    station.apply(intent::KeypadCancel{}, t0);

    // No scale chosen: no readout, and a weighing keypad is a plain keypad.
    session.choose(std::nullopt);
    station.setScale(session.poll());
    CHECK_FALSE(station.state().scale);
    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Counted", replyQuantity<count::SetCounted>()), t0);
    CHECK_FALSE(station.state().keypad->followsScale);
}

TEST_CASE("station scale: unplugged mid-weighing is Lost with the reason; OK refuses, the keys still work") {
    auto d = demo();
    SimulatedScale sim(Protocol::MtSics);
    sim.show("1.000", "kg");
    ScaleSession session;
    session.choose(simSettings(sim.path(), Protocol::MtSics));
    Station station(AppConfig{}, t0, &d->ledger);
    station.apply(intent::Navigate{Screen::Count}, t0);
    station.apply(count::PickLocation{"STORE"}, t0);
    station.apply(count::PickLot{d->summary.receivedLots[0]}, t0);
    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Counted", replyQuantity<count::SetCounted>()), t0);
    REQUIRE(frames(session, station, [](const AppState& s) { return settledAt(s, "1.000 kg"); }));

    sim.unplugAfter("S S      1.2");
    REQUIRE(frames(session, station, [](const AppState& s) {
        return s.scale && s.scale->state == ScaleState::Lost;
    }));
    CHECK(station.state().scale->reason.find("went away") != std::string::npos);
    CHECK_FALSE(station.state().scale->latest); // no reading from before it was lost is offered
    CHECK(station.state().keypad->entry.text().empty());
    CHECK(station.apply(intent::KeypadOk{}, t0).tone == FeedbackKind::Refused);
    CHECK(station.state().keypad->problem->starts_with("The scale is not answering ("));
    CHECK(station.state().keypad->problem->ends_with("): type the quantity on the keypad"));

    for (auto key : {KeypadKey::D1, KeypadKey::Dot, KeypadKey::D5})
        station.apply(intent::KeypadPress{key}, t0);
    CHECK(station.apply(intent::KeypadOk{}, t0).tone == FeedbackKind::Accepted);
    const CountState& count = *station.stateOf<CountFlow>();
    CHECK(count.lines[*count.selected].counted == 1'500'000);
    CHECK_FALSE(count.lines[*count.selected].scale);
}

TEST_CASE("station scale: overload, under zero, nothing on it and pounds are refused in a sentence") {
    auto d = demo();
    const auto before = d->ledger.movementCount().value();
    SimulatedScale sim(Protocol::AnD);
    sim.setMode(SimMode::Overload);
    ScaleSession session;
    session.choose(simSettings(sim.path(), Protocol::AnD));
    Station station(AppConfig{}, t0, &d->ledger);
    station.apply(intent::Navigate{Screen::Count}, t0);
    station.apply(count::PickLocation{"STORE"}, t0);
    station.apply(count::PickLot{d->summary.receivedLots[0]}, t0);
    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Counted", replyQuantity<count::SetCounted>()), t0);
    const auto refusal = [&](const std::function<bool(const AppState&)>& showing) {
        REQUIRE(frames(session, station, showing));
        station.apply(intent::KeypadOk{}, t0);
        REQUIRE(station.state().keypad);
        return station.state().keypad->problem.value_or("");
    };
    CHECK(refusal([](const AppState& s) { return s.scale && s.scale->shown() == "Overload"; }) ==
          "The scale is overloaded: take something off");
    sim.setMode(SimMode::Weighing);
    sim.show("0.000", "kg");
    CHECK(refusal([](const AppState& s) { return settledAt(s, "0.000 kg"); }) ==
          "The scale shows 0.000 kg: put what you weigh on it");
    sim.show("2.500", "lb");
    CHECK(refusal([](const AppState& s) { return settledAt(s, "2.500 lb"); }) ==
          "the scale weighs in lb; set it to kg or g (quantities are kept exact in metric units)");
    CHECK(d->ledger.movementCount().value() == before);
}

TEST_CASE("station scale: a delivery's net weight and a production container are weighed and named") {
    auto d = demo();
    SimulatedScale sim(Protocol::Continuous);
    sim.show("10.000", "kg", true, "NT");
    ScaleSession session;
    session.choose(simSettings(sim.path(), Protocol::Continuous));
    const std::string name = "continuous on " + sim.path();
    Station station(AppConfig{}, t0, &d->ledger);
    logIn(station, "ana", "1111");
    REQUIRE(frames(session, station, [](const AppState& s) { return settledAt(s, "10.000 kg"); }));

    station.apply(intent::Navigate{Screen::Receive}, t0);
    pick(station, replyId<receive::PickItem>(), station.state().catalog.items, "COCONUT-OIL");
    pick(station, replyId<receive::PickSupplier>(), station.state().catalog.suppliers, "COCOS");
    station.apply(scanOf("(17)301231(10)CT-90001"), t0);
    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Quantity received", replyQuantity<receive::SetQuantity>()), t0);
    station.setScale(session.poll());
    station.apply(intent::KeypadOk{}, t0);
    station.apply(receive::Confirm{}, t0);
    REQUIRE(station.stateOf<ReceiveFlow>()->received);
    CHECK(station.stateOf<ReceiveFlow>()->received->movement.quantity == 10'000'000);
    CHECK(station.stateOf<ReceiveFlow>()->received->movement.scale == name);
    station.apply(intent::GoHome{}, t0);

    station.apply(intent::Navigate{Screen::Produce}, t0);
    pick(station, replyId<produce::PickRecipe>(), station.state().catalog.recipes, "SOAP-BASE");
    keypad(station, replyQuantity<produce::SetPlanned>(), "10", QuantityUnit::Kilogram); // typed: a plan
    CHECK(station.apply(scanOf(lotLabel(d->summary.receivedLots[0])), t0).tone == FeedbackKind::Accepted);
    sim.show("2.345", "kg");
    REQUIRE(frames(session, station, [](const AppState& s) { return settledAt(s, "2.345 kg"); }));
    station.setScale(session.poll()); // a frame: the window has polled the scale before any keypad opens
    station.apply(weighing("Quantity", replyQuantity<produce::SetQuantity>()), t0);
    station.apply(intent::KeypadOk{}, t0);
    CHECK(station.apply(produce::UseContainer{}, t0).tone == FeedbackKind::Accepted);
    const ProduceState& produce = *station.stateOf<ProduceFlow>();
    REQUIRE(produce.consumed.size() == 1);
    CHECK(produce.consumed[0].movement.quantity == 2'345'000);
    CHECK(produce.consumed[0].movement.scale == name);
    CHECK(d->ledger.verify().value().empty());
}

TEST_CASE("station scale: Settings picks the scale; a bad protocol or baud rate is refused and not saved") {
    auto d = demo();
    TempDir dir;
    SettingsFlow flow(d->ledger, dir.file("settings.json"), StationSettings{}, {"lot-50x30"});
    const FlowContext sam{"sam", {}};
    CHECK(flow.apply(settings::Choose{SettingField::ScalePort, "/dev/ttyUSB0"}, sam).feedback ==
          FeedbackKind::Accepted);
    CHECK(flow.apply(settings::Set{SettingField::ScaleProtocol, "mt-sics"}, sam).feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(settings::Set{SettingField::ScaleBaud, "19200"}, sam).feedback == FeedbackKind::Accepted);
    CHECK(flow.apply(settings::Set{SettingField::ScaleProtocol, "ascii"}, sam).message ==
          "'ascii' is not a scale protocol (auto, mt-sics, toledo, continuous, and)");
    CHECK(flow.apply(settings::Set{SettingField::ScaleBaud, "96OO"}, sam).message ==
          "A baud rate is a number from 300 to 230400, such as 9600");
    CHECK(flow.apply(settings::Set{SettingField::ScalePort, "COM3"}, sam).message ==
          "A scale is a device path such as /dev/ttyUSB0");
    const auto saved = loadSettings(dir.file("settings.json"));
    REQUIRE(saved);
    CHECK(saved->scalePort == "/dev/ttyUSB0");
    CHECK(saved->scaleProtocol == "mt-sics");
    CHECK(saved->scaleBaud == "19200");
    const auto chosen = scaleSettingsOf(*saved);
    REQUIRE(chosen);
    REQUIRE(*chosen);
    CHECK((*chosen)->device == "/dev/ttyUSB0");
    CHECK(((*chosen)->protocol == Protocol::MtSics));
    CHECK((*chosen)->line.baud == 19200);
    CHECK_FALSE(scaleSettingsOf(StationSettings{})->has_value());
}
