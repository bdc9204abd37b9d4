// The Records screen's business settings, reprints and a supplier made from Receive, in the real binary under
// Xvfb (scripts/records_tour.events), and what they left in the database and the labels folder.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/lot_code_pattern.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

TEST_CASE("app: a supervisor sets the lot-code pattern, reprints a shelf label and adds a supplier at Receive") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("records_tour.events");
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir() / "records";
    const auto expected = prepareScreenshots(*events, shots);
    REQUIRE(expected.size() == 6);
    TempDir work;
    const auto run = runDemoScript(script, work.path(), shots);
    checkRun(run, *events, expected, shots);
    INFO("station output:\n" << run.output);

    auto ledger = storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE(ledger);
    CHECK(storage::lotCodePattern(*ledger) == "L{YY}{JJJ}-{ST}{NN}");
    REQUIRE(ledger->supplier("SHEACO"));
    CHECK(ledger->supplier("SHEACO")->name == "Shea Collective");
    const auto changes = storage::masterChanges(*ledger, storage::MasterKind::Supplier, std::string("SHEACO"));
    REQUIRE(changes);
    REQUIRE(changes->size() == 1);
    CHECK(changes->front().user == "sam");
    CHECK(std::filesystem::exists(work.path() / "data" / "lotstation" / "labels" / "location-STORE.png"));
}
