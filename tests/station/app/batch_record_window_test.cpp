// Produce following a procedure in the real binary under Xvfb (scripts/batch_record_tour.events) on the demo
// with a batch record (batch_demo.hpp): the ledger holds every signed step the screens showed, the deviation
// with sam's signature first, the verification by sam, and the PDF saved from the record view.
#include "../workflows/batch_demo.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/queries.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

TEST_CASE("app: ana follows the oat bar's procedure step by step, signed, on the Produce screen under Xvfb") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("batch_record_tour.events");
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir();
    const auto expected = prepareScreenshots(*events, shots);
    TempDir work;
    {
        REQUIRE(createDemoLedger(work.file("station.db"), storage::systemClock()()));
        auto ledger = storage::Ledger::open(work.file("station.db"));
        REQUIRE(ledger);
        batch::prepareBatchDemo(*ledger);
    }
    const auto run = runScript(script, work.path(), shots, "");
    checkRun(run, *events, expected, shots);

    auto ledger = storage::Ledger::open(work.file("station.db"));
    REQUIRE(ledger);
    CHECK(ledger->verify().value().empty());
    auto lots = storage::fefo(*ledger, "BAR-OAT", storage::dateOf(ledger->now()));
    REQUIRE(lots);
    const auto made = std::ranges::find_if(*lots, [&](const storage::LotStock& l) {
        return l.lot.run && storage::hasBatchRecord(*ledger, *l.lot.run).value_or(false);
    });
    REQUIRE(made != lots->end());
    const std::string runCode = *made->lot.run;
    const auto record = storage::batchRecord(*ledger, runCode);
    REQUIRE(record);
    CHECK(!record->inProgress);
    REQUIRE(record->deviations.size() == 1);
    CHECK(record->deviations[0].entry.user == "sam");
    CHECK(record->deviations[0].entry.reason == "Coarser bar asked by the customer");
    CHECK(record->steps[1].performed.at(0).quantity == 1'105'000);
    CHECK(record->steps[2].performed.at(0).quantity == 80'000);
    CHECK(record->steps[2].verifications.at(0).user == "sam");
    CHECK(record->steps[4].performed.at(0).value == "55");
    CHECK(record->finish->value == "100.00");
    CHECK(record->finish->labelsPrinted == 10);
    bool saved = false;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(work.path() / "data"))
        saved = saved || entry.path().filename() == "batch-record-" + runCode + ".pdf";
    CHECK_MESSAGE(saved, "the record's PDF is in the export folder");
}
