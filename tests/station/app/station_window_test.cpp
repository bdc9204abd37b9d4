// The real lotstation binary under Xvfb (Mesa's software OpenGL), driven by an event script: it must tour
// every screen, pass every `expect text`, and leave full-size, non-blank screenshots in <build>/screenshots.
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;

TEST_CASE("app: the station window tours every screen under Xvfb and writes its screenshots") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto events = loadEventScript(scriptPath("station_tour.events"));
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir();
    const auto expected = prepareScreenshots(*events, shots);
    REQUIRE(expected.size() >= 15);
    TempDir work;
    const auto run = runDemoScript(scriptPath("station_tour.events"), work.path(), shots);
    checkRun(run, *events, expected, shots);
    const std::string& output = run.output;

    // The delivery received on screen is in the database: one lot, its quantity where it was put, a sound
    // ledger.
    // --demo never touches the station's own ledger: the demo lives beside it.
    CHECK_FALSE(std::filesystem::exists(work.file("station.db")));
    auto ledger = lotstation::storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE(ledger);
    const auto lots = ledger->lotsBySupplierLot("OM-2611-A", "OLIVA").value();
    REQUIRE(lots.size() == 1);
    CHECK(lots[0].sku == "OLIVE-OIL");
    CHECK(ledger->onHand(lots[0].code, "STORE").value() == 25'000'000); // 25 kg in mg
    const auto movements = ledger->outbox(0, 100'000).value();
    REQUIRE_FALSE(movements.empty());
    const auto& last = movements.back().movement; // the one the tour recorded
    CHECK(last.lot == lots[0].code);
    CHECK(last.user == "ana");
    CHECK((last.kind == lotstation::storage::MovementKind::Receive));
    CHECK(ledger->verify().value().empty());
    CHECK(output.find("label due: " + lots[0].code) != std::string::npos);
}

TEST_CASE("app: a broken event script stops the binary before a window opens, naming the line") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    TempDir work;
    lotstation::test::writeFile(work.file("bad.events"), "tap home.receive\nscreenshot\n");
    const auto log = work.file("out.log");
    const std::string command = quote(stationBinary()) + " --db " + quote(work.file("never.db")) +
                                " --events " + quote(work.file("bad.events")) + " > " + quote(log) + " 2>&1";
    const int status = std::system(command.c_str());
    CHECK(status != 0);
    CHECK(lotstation::test::readFile(log).find(
              "bad.events: line 2: screenshot needs a file name ending in .png") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(work.file("never.db"))); // nothing opened before the script was read
}
