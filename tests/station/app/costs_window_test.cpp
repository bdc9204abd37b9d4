// The Costs screen and the lot card's cost in the real window under Xvfb (scripts/costs_tour.events): an
// operator refused in the ledger's words, a supervisor's margins, stock value and value at risk; the tour
// only reads, so the ledger is as the demo left it.
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

TEST_CASE("window: the Costs screen for a supervisor, refused for an operator, and the lot card's cost") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("costs_tour.events");
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir();
    const auto expected = prepareScreenshots(*events, shots);
    REQUIRE(expected.size() == 5);
    TempDir work;
    const auto run = runDemoScript(script, work.path(), shots);
    checkRun(run, *events, expected, shots);
    INFO("station output:\n" << run.output);
    auto ledger = storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE(ledger);
    CHECK(ledger->verify().value().empty());
}
