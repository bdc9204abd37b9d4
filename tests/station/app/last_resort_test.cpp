// Nothing throws through a frame: the window's last-resort guard turns the unexpected into a red flash and a
// log line, and the station goes on working.
#include "lotstation/station/last_resort.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <sstream>
#include <stdexcept>

using namespace lotstation::station;
namespace storage = lotstation::storage;
namespace scan = lotstation::scan;

namespace {

const TimePoint t0 = TimePoint{} + std::chrono::seconds(500);

} // namespace

TEST_CASE("last resort: an intent whose effect throws is a red flash and a log line, not a crash") {
    Station station(AppConfig{}, t0, nullptr);
    std::ostringstream log;
    // An injected effect: the keypad's reply (the step its quantity becomes) throws when the keypad is confirmed.
    station.apply(intent::OpenKeypad{"Quantity", QuantityUnit::Piece, {},
                                     [](const Quantity&) -> FlowStep { throw std::runtime_error("disk on fire"); }},
                  t0);
    station.apply(intent::TextTyped{"3"}, t0);
    Effects effects;
    CHECK_NOTHROW(effects = lastResort(
                      station, log, "applying what was asked",
                      [&] { return station.apply(intent::KeypadOk{}, t0); }, t0));
    CHECK(effects.tone == FeedbackKind::Refused);
    REQUIRE(station.state().feedback);
    CHECK(station.state().feedback->kind == FeedbackKind::Refused);
    CHECK(station.state().feedback->headline == "Something went wrong");
    CHECK(station.state().feedback->detail.find("disk on fire") != std::string::npos);
    CHECK(log.str() == "lotstation: unexpected error while applying what was asked: disk on fire\n");
    // The station still works.
    station.apply(intent::Navigate{Screen::Stock}, t0);
    CHECK(station.state().screen() == Screen::Stock);
    // Whatever is thrown, not only std::exception.
    CHECK_NOTHROW(lastResort(station, log, "drawing the screen", []() -> Effects { throw 42; }, t0));
    CHECK(log.str().find("while drawing the screen: an unknown error") != std::string::npos);
}

TEST_CASE("last resort: a ledger file that becomes unreadable mid-run never crashes the station") {
    lotstation::test::TempDir dir;
    const auto path = dir.file("station.db");
    REQUIRE(createDemoLedger(path, storage::systemClock()()));
    auto ledger = storage::Ledger::open(path);
    REQUIRE(ledger);
    Station station(AppConfig{}, t0, &*ledger);
    std::ostringstream log;
    station.apply(intent::Navigate{Screen::Lookup}, t0);
    // The disk goes bad under the open ledger: the file is cut to nothing.
    std::filesystem::resize_file(path, 0);
    for (const char* code : {"LS:LOT:NOPE-1", "OLIVE-OIL", "LS:LOC:STORE"}) {
        scan::ScannedCode scanned;
        scanned.text = code;
        scanned.origin = scan::ScanOrigin::Wedge;
        CAPTURE(code);
        CHECK_NOTHROW(lastResort(
            station, log, "applying what was asked",
            [&] { return station.apply(intent::Scanned{scanned}, t0); }, t0));
        CHECK(station.state().feedback); // something is said: a refusal, or the guard's red flash
    }
    CHECK_NOTHROW(lastResort(
        station, log, "drawing the screen", [&] { (void)station.users(); return Effects{}; }, t0));
}
