// The scale reader against simulated scales on pseudo-terminals: every protocol, settling, negative,
// overload, unit changes, noise, unplugging, silence and slow replies.
#include "lotstation/scale/scale.hpp"
#include "scale_watch.hpp"
#include "simulated_scale.hpp"

#include <doctest/doctest.h>
#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace lotstation;
using namespace lotstation::scale;
using namespace lotstation::scale::testing;
using namespace std::chrono_literals;

namespace {

bool lostWith(const ScaleWatch& watch, const std::string& words) {
    const auto status = watch.status();
    return status.state == ScaleState::Lost && status.reason.find(words) != std::string::npos;
}

} // namespace

TEST_CASE("Every protocol delivers a stable weight, named or found by auto") {
    for (Protocol protocol : {Protocol::MtSics, Protocol::Toledo8217, Protocol::Continuous, Protocol::AnD}) {
        for (bool automatic : {false, true}) {
            CAPTURE(toString(protocol));
            CAPTURE(automatic);
            SimulatedScale sim(protocol);
            sim.show("1.234", "kg");
            Scale scale(simSettings(sim.path(), automatic ? std::nullopt : std::optional(protocol)));
            ScaleWatch watch{scale};
            REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("1.234", "kg"); }));
            CHECK((watch.status().state == ScaleState::Live));
            CHECK((watch.status().protocol == protocol));
            CHECK(toBaseUnits(watch.lastWeight(true)->weight, storage::Uom::Gram) == 1'234'000);
        }
    }
}

TEST_CASE("Settling: readings while it moves are unstable; readStable waits for the settled one") {
    SimulatedScale sim(Protocol::MtSics);
    sim.show("1.100", "kg", false);
    Scale scale(simSettings(sim.path(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.lastWeight() != nullptr; }));
    CHECK_FALSE(watch.lastWeight()->weight.stable);
    sim.setMode(SimMode::Moving);
    REQUIRE((watch.until([](const ScaleWatch& w) { return w.saw(Condition::Moving); })));
    sim.show("1.234", "kg", true);
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("1.234", "kg"); }));

    SimulatedScale toledo(Protocol::Toledo8217);
    toledo.show("0.750", "kg", false);
    ScaleStatus status;
    auto settings = simSettings(toledo.path(), Protocol::Toledo8217);
    // readStable blocks the caller, so the scale settles from here once the reader has asked twice.
    std::thread settle([&] {
        if (toledo.waitForRequests(2, 3s)) toledo.show("0.750", "kg", true);
    });
    auto reading = readStable(settings, 5s, &status);
    settle.join();
    REQUIRE(reading.has_value());
    CHECK((reading->weight == Weight{"0.750", "kg", true, WeightKind::Gross}));
}

TEST_CASE("Negative, net and tare weights keep their sign and kind") {
    SimulatedScale sim(Protocol::Continuous);
    sim.show("-0.050", "kg", true, "NT");
    Scale scale(simSettings(sim.path(), Protocol::Continuous));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("-0.050", "kg"); }));
    CHECK((watch.lastWeight()->weight.kind == WeightKind::Net));
    CHECK(toBaseUnits(watch.lastWeight()->weight, storage::Uom::Gram) == -50'000);
}

TEST_CASE("Overload and underload are conditions, not weights") {
    for (Protocol protocol : {Protocol::MtSics, Protocol::Toledo8217, Protocol::Continuous, Protocol::AnD}) {
        CAPTURE(toString(protocol));
        SimulatedScale sim(protocol);
        sim.setMode(SimMode::Overload);
        Scale scale(simSettings(sim.path(), protocol));
        ScaleWatch watch{scale};
        REQUIRE((watch.until([](const ScaleWatch& w) { return w.saw(Condition::Overload); })));
        CHECK(watch.lastWeight() == nullptr);
        CHECK((watch.status().state == ScaleState::Live));
    }
    SimulatedScale sim(Protocol::MtSics);
    sim.setMode(SimMode::Underload);
    Scale scale(simSettings(sim.path(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE((watch.until([](const ScaleWatch& w) { return w.saw(Condition::Underload); })));
}

TEST_CASE("A unit change on the scale shows in the readings; the base units stay exact") {
    SimulatedScale sim(Protocol::AnD);
    sim.show("1.234", "kg");
    Scale scale(simSettings(sim.path(), Protocol::AnD));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("1.234", "kg"); }));
    sim.show("1234.0", "g");
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("1234.0", "g"); }));
    CHECK(toBaseUnits(watch.lastWeight()->weight, storage::Uom::Gram) == 1'234'000);
    sim.show("2.720", "lb");
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("2.720", "lb"); }));
    CHECK((toBaseUnits(watch.lastWeight()->weight, storage::Uom::Gram).error().kind == ErrorKind::Refused));
}

TEST_CASE("Noise between frames is counted and skipped; a scale sending only garbage is Lost") {
    SimulatedScale sim(Protocol::MtSics);
    sim.show("0.500", "kg");
    sim.setNoise(std::string("\x00\xff\x13garbage", 10));
    Scale scale(simSettings(sim.path(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) {
        return w.sawStable("0.500", "kg") && w.status().garbageFrames >= 3;
    }));
    CHECK((watch.status().state == ScaleState::Live));

    SimulatedScale junk(Protocol::Continuous);
    Scale lost(simSettings(junk.path(), Protocol::Continuous));
    ScaleWatch junkWatch{lost};
    REQUIRE((junkWatch.until([](const ScaleWatch& w) { return w.status().state == ScaleState::Live; })));
    for (int i = 0; i < 6; ++i) junk.sendRaw("ZZ,??,~~~\r\n");
    junk.setMode(SimMode::Silent);
    REQUIRE(junkWatch.until([](const ScaleWatch& w) { return lostWith(w, "garbage"); }));
}

TEST_CASE("Unplugged in the middle of a reading: Lost with the reason, no half reading, back when replugged") {
    const auto dir = std::filesystem::temp_directory_path() / ("lotstation-scale-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto link = dir / "scale";
    std::filesystem::remove(link);
    auto sim = std::make_unique<SimulatedScale>(Protocol::MtSics);
    std::filesystem::create_symlink(sim->path(), link);
    sim->show("2.000", "kg");
    Scale scale(simSettings(link.string(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("2.000", "kg"); }));
    sim->setMode(SimMode::Silent);
    const auto before = sim->requests().size();
    REQUIRE(sim->waitForRequests(before + 1, 2s));
    sim->unplugAfter("S S      2.5");
    REQUIRE(watch.until([](const ScaleWatch& w) { return lostWith(w, "went away"); }));
    for (const auto& reading : watch.readings) CHECK(reading.weight.value != "2.5");
    CHECK(watch.status().reconnects == 1);
    // While unplugged it keeps trying, saying why.
    REQUIRE((watch.until([](const ScaleWatch& w) { return w.status().state == ScaleState::Lost; })));

    // Plugged back in (the same name, a new device behind it).
    auto replugged = std::make_unique<SimulatedScale>(Protocol::MtSics);
    replugged->show("3.000", "kg");
    std::filesystem::remove(link);
    std::filesystem::create_symlink(replugged->path(), link);
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("3.000", "kg"); }));
    CHECK((watch.status().state == ScaleState::Live));
    scale.stop();
    std::filesystem::remove_all(dir);
}

TEST_CASE("A silent scale is Lost after the silence limit, and stop() still returns promptly") {
    SimulatedScale sim(Protocol::MtSics);
    sim.setMode(SimMode::Silent);
    Scale scale(simSettings(sim.path(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return lostWith(w, "no reply from the scale"); }));
    const auto start = std::chrono::steady_clock::now();
    scale.stop();
    CHECK(std::chrono::steady_clock::now() - start < 500ms);

    Scale automatic(simSettings(sim.path(), std::nullopt));
    ScaleWatch autoWatch{automatic};
    REQUIRE(autoWatch.until([](const ScaleWatch& w) { return lostWith(w, "no scale protocol answered"); }));
}

TEST_CASE("A device that does not exist is Lost with the system's reason") {
    Scale scale(simSettings("/dev/lotstation-no-such-scale", Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return lostWith(w, "cannot open /dev/lotstation-no-such-scale"); }));
}

TEST_CASE("Very slow replies: a late reply and a line dribbled byte by byte still make one reading") {
    SimulatedScale sim(Protocol::MtSics);
    sim.show("4.321", "kg");
    sim.setReplyDelay(300ms); // under the reply timeout (400 ms)
    Scale scale(simSettings(sim.path(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.sawStable("4.321", "kg"); }));

    SimulatedScale dribbling(Protocol::Continuous);
    dribbling.show("0.250", "kg");
    dribbling.setByteGap(15ms);
    Scale slow(simSettings(dribbling.path(), Protocol::Continuous));
    ScaleWatch slowWatch{slow};
    REQUIRE(slowWatch.until([](const ScaleWatch& w) { return w.sawStable("0.250", "kg"); }));
    CHECK(slowWatch.status().garbageFrames == 0);
}

TEST_CASE("Tare and zero go to the scale; a protocol without them says so") {
    SimulatedScale sim(Protocol::MtSics);
    sim.show("0.100", "kg");
    Scale scale(simSettings(sim.path(), Protocol::MtSics));
    ScaleWatch watch{scale};
    REQUIRE((watch.until([](const ScaleWatch& w) { return w.status().state == ScaleState::Live; })));
    scale.tare();
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.status().lastCommand == "tare set"; }));
    CHECK((std::any_of(watch.readings.begin(), watch.readings.end(), [](const Reading& r) { return r.weight.kind == WeightKind::Tare; })));
    scale.zero();
    REQUIRE(watch.until([](const ScaleWatch& w) { return w.status().lastCommand == "zeroed"; }));
    const auto requests = sim.requests();
    CHECK(std::count(requests.begin(), requests.end(), std::string("T")) == 1);
    CHECK(std::count(requests.begin(), requests.end(), std::string("Z")) == 1);

    SimulatedScale toledo(Protocol::Toledo8217);
    Scale toledoScale(simSettings(toledo.path(), Protocol::Toledo8217));
    ScaleWatch toledoWatch{toledoScale};
    toledoScale.tare();
    REQUIRE(toledoWatch.until([](const ScaleWatch& w) {
        return w.status().lastCommand.find("cannot tare over the line") != std::string::npos;
    }));
}
