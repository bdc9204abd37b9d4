// The batch record travels between stations through a real server: a run started at the mixing bench is
// verified, continued and finished at a second station after sync, and both hold the same signed record.
// On both central stores (SQLite and PostgreSQL).
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include "lotstation/storage/batch_record.hpp"

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

constexpr const char* kProcedure = R"({
  "per": "1",
  "yield": {"min": "90", "max": "110"},
  "steps": [
    {"kind": "line-clearance", "checklist": ["line empty"]},
    {"kind": "weigh", "component": "OIL", "target": "100g", "tolerance": "2%", "verify": true},
    {"kind": "check", "title": "Trace temperature", "value": {"name": "temperature", "unit": "C", "min": "35", "max": "45"}}
  ]
})";

storage::Result<void> addSigners(storage::Ledger& ledger) {
    for (const auto& user : {storage::NewUser{.name = "pat", .pin = "1111"},
                             storage::NewUser{.name = "vic", .role = storage::UserRole::Supervisor, .pin = "9999"}})
        if (auto added = ledger.addUserFromCentral(user); !added) return std::unexpected(added.error());
    return {};
}

template <typename T> T must(storage::Result<T> result) {
    REQUIRE_MESSAGE(result, (result ? "" : result.error().message));
    return std::move(*result);
}

} // namespace

TEST_CASE_TEMPLATE("batch record over sync: started at one station, verified and finished at another", TestType,
                   LOTSTATION_STORES) {
    ScratchDir dir;
    LOTSTATION_CENTRAL(central, dir / "server");
    REQUIRE(central.open().editMaster(addSigners));
    std::vector<Station> stations{makeStation(dir, central, "bench", "B"), makeStation(dir, central, "line", "L")};
    syncAll(central.url(), stations, 1);

    std::string run;
    {
        auto bench = stations[0].open();
        must(storage::setProcedure(bench, "SOAP", kProcedure, "sue"));
        const auto oil = must(bench.receive({.sku = "OIL", .supplier = "ACME", .supplierLot = "A-1",
                                             .quantity = 5'000'000, .location = "DOCK", .user = "ann"}))
                             .lotCode;
        run = must(bench.startRun({.sku = "SOAP", .planned = 10, .workstation = "LINE", .user = "pat"})).code;
        must(storage::performStep(bench, {.run = run, .by = "pat", .pin = "1111"}));
        must(storage::performStep(bench, {.run = run, .lot = oil, .quantity = 1'010'000, .by = "pat", .pin = "1111"}));
    }
    syncAll(central.url(), stations, 2);
    {
        auto line = stations[1].open();
        CHECK((must(storage::batchRecord(line, run)).steps[1].state == storage::StepState::Done));
        auto self = storage::verifyStep(line, run, 2, "pat", "1111");
        REQUIRE_FALSE(self);
        CHECK(self.error().message.find("a second, different person verifies it") != std::string::npos);
        must(storage::verifyStep(line, run, 2, "vic", "9999"));
        must(storage::performStep(line, {.run = run, .value = "40", .by = "pat", .pin = "1111"}));
        const auto done = must(storage::finishBatch(line, {.run = run, .output = 10, .by = "pat", .pin = "1111"}));
        CHECK(done.entry.entry.value == "100.00");
    }
    syncAll(central.url(), stations, 2);
    auto bench = stations[0].open();
    auto line = stations[1].open();
    const auto atBench = must(storage::batchRecord(bench, run));
    const auto atLine = must(storage::batchRecord(line, run));
    CHECK_FALSE(atBench.inProgress);
    CHECK(atBench.hash == atLine.hash);
    CHECK(atBench.stationsInvolved.size() == 2);
    CHECK(atBench.allSignatures.size() == 5);
    CHECK((must(bench.run(run)).status == storage::RunStatus::Finished));
    CHECK(must(bench.verify()).empty());
    CHECK(must(line.verify()).empty());
    checkConverged(central, stations);
}
