// The Quality screen in the real binary under Xvfb (scripts/quality_tour.events): the qa person re-tests,
// releases and rejects the demo's shea butter with signatures; the ledger holds what the screens said.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/quality.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

TEST_CASE("app: the qa person inspects, releases and rejects with signatures on the Quality screen under Xvfb") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("quality_tour.events");
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir();
    const auto expected = prepareScreenshots(*events, shots);
    TempDir work;
    const auto run = runDemoScript(script, work.path(), shots);
    checkRun(run, *events, expected, shots);

    auto ledger = storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE(ledger);
    CHECK(ledger->verify().value().empty());
    const auto released = ledger->lotsBySupplierLot("KC-2411-07").value();
    const auto rejected = ledger->lotsBySupplierLot("KC-2411-19").value();
    REQUIRE(released.size() == 1);
    REQUIRE(rejected.size() == 1);
    CHECK((released[0].status == storage::LotStatus::Available));
    CHECK((rejected[0].status == storage::LotStatus::Rejected));
    const auto inspections = storage::inspectionsOf(*ledger, released[0].code);
    REQUIRE(inspections.size() == 2);
    CHECK(inspections[1].passed);
    CHECK(inspections[1].results.at(0).value == "3.2");
    const auto signatures = storage::signaturesOf(*ledger, released[0].code);
    REQUIRE(signatures.size() == 3); // the demo's inspection, the re-test, the release
    CHECK((signatures[2].meaning == storage::SignatureMeaning::Released));
    const auto refused = storage::signaturesOf(*ledger, rejected[0].code);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].reason == "Out of specification");
    CHECK(storage::qcPending(*ledger).empty());
}
