// One production run end to end through the real binary under Xvfb, then a shipment, a move and a count:
// screenshots of every step in <build>/screenshots/floor, and the database checked afterwards.
#include "lotstation/station/events_script.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/queries.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace lotstation::test;
namespace storage = lotstation::storage;

namespace {

std::vector<storage::Movement> movementsOf(const storage::Ledger& ledger, storage::MovementKind kind) {
    std::vector<storage::Movement> out;
    auto entries = ledger.outbox(0, 1'000'000).value();
    for (auto& entry : entries)
        if (entry.movement.kind == kind) out.push_back(std::move(entry.movement));
    return out;
}

} // namespace

TEST_CASE("app: a production run, a shipment, a move and a count end to end in the station window") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("floor_run.events");
    const auto events = lotstation::station::loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir() / "floor";
    const auto expected = prepareScreenshots(*events, shots);
    REQUIRE(expected.size() >= 20);
    TempDir work;
    const auto run = runDemoScript(script, work.path(), shots);
    checkRun(run, *events, expected, shots);
    INFO("station output:\n" << run.output);

    auto ledger = storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE_MESSAGE(ledger, ledger.error().message);
    const auto olive2 = ledger->lotsBySupplierLot("OM-24-1002", "OLIVA").value();
    const auto olive1 = ledger->lotsBySupplierLot("OM-24-0917", "OLIVA").value();
    const auto coconut = ledger->lotsBySupplierLot("CT/88812", "COCOS").value();
    const auto lye = ledger->lotsBySupplierLot("NaOH-5521", "LYECO").value();
    REQUIRE(olive2.size() == 1);
    REQUIRE(olive1.size() == 1);
    REQUIRE(coconut.size() == 1);
    REQUIRE(lye.size() == 1);

    // The run: finished by ana, its three inputs as confirmed on screen, its output lot at the kitchen.
    const auto produced = movementsOf(*ledger, storage::MovementKind::Produce);
    REQUIRE_FALSE(produced.empty());
    const auto& output = produced.back(); // the demo's own runs come first
    CHECK(output.user == "ana");
    REQUIRE(output.run);
    const auto finished = ledger->run(*output.run);
    REQUIRE(finished);
    CHECK((finished->status == storage::RunStatus::Finished));
    CHECK(finished->sku == "SOAP-BASE");
    CHECK(finished->planned == 10'000'000);
    CHECK(finished->actual == 10'000'000);
    CHECK(finished->outputLot == output.lot);
    const auto inputs = storage::runInputs(*ledger, *output.run);
    REQUIRE(inputs);
    REQUIRE(inputs->size() == 3);
    CHECK((*inputs)[0].lot == olive2[0].code); // approved by the supervisor: not the first to expire
    CHECK((*inputs)[0].quantity == 6'000'000);
    CHECK((*inputs)[0].approvedBy == "sam");
    CHECK((*inputs)[0].overridden == "fefo");
    CHECK((*inputs)[0].reason == "Older lot used up first");
    CHECK((*inputs)[1].lot == coconut[0].code);
    CHECK((*inputs)[1].quantity == 2'650'000); // typed on the keypad
    CHECK((*inputs)[2].lot == lye[0].code);
    CHECK((*inputs)[2].quantity == 1'400'000);
    const auto lot = ledger->lot(output.lot);
    REQUIRE(lot);
    CHECK(lot->sku == "SOAP-BASE");
    CHECK(lot->expiry);
    CHECK(ledger->onHand(output.lot, "WS1").value() == 10'000'000);
    CHECK(run.output.find("label due: " + output.lot) != std::string::npos);

    // The shipment, the move and the count.
    const auto shipped = movementsOf(*ledger, storage::MovementKind::Ship);
    REQUIRE_FALSE(shipped.empty());
    CHECK(shipped.back().party == "GREENGROCER");
    CHECK(shipped.back().reference == "SO-2001");
    CHECK(shipped.back().quantity == 10);
    CHECK(ledger->onHand(olive2[0].code, "WS1").value() == 19'000'000); // moved, all of it
    CHECK(ledger->onHand(olive2[0].code, "STORE").value() == 0);
    const auto counted = movementsOf(*ledger, storage::MovementKind::Count);
    REQUIRE(counted.size() == 1);
    CHECK(counted[0].lot == olive1[0].code);
    CHECK(counted[0].quantity == 100'000);
    CHECK(counted[0].reason == "Spilled or lost in use");
    CHECK(ledger->onHand(olive1[0].code, "STORE").value() == 12'900'000);
    CHECK(ledger->verify().value().empty());
}
