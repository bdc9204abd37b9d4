// The Look up, Recall, Stock, Labels, Sync and Settings screens in the real binary under Xvfb: a supervisor's
// tour (scripts/lot_screens_tour.events) and what it left in the database, the export folder, the labels
// folder and the settings file.
#include "lotstation/labels/payload.hpp"
#include "lotstation/scan/scan_files.hpp"
#include "lotstation/station/station_settings.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

namespace {

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder,
                                           const std::string& extension) {
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::exists(folder)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == extension) files.push_back(entry.path());
    return files;
}

} // namespace

TEST_CASE("app: a supervisor looks up, holds, recalls, reads stock, reprints, syncs and sets up under Xvfb") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto script = scriptPath("lot_screens_tour.events");
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    const auto shots = screenshotDir();
    const auto expected = prepareScreenshots(*events, shots);
    REQUIRE(expected.size() >= 12);
    TempDir work;
    const auto run = runDemoScript(script, work.path(), shots);
    checkRun(run, *events, expected, shots);
    INFO("station output:\n" << run.output);

    auto ledger = storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE(ledger);
    CHECK(ledger->verify().value().empty());
    // Look up: the soap base held by sam for the reason picked.
    const auto olive = ledger->lotsBySupplierLot("OM-24-0917", "OLIVA").value();
    REQUIRE(olive.size() == 1);
    const auto movements = ledger->outbox(0, 100'000).value();
    std::vector<storage::Movement> holds;
    for (const auto& entry : movements)
        if (entry.movement.kind == storage::MovementKind::Hold && entry.movement.user == "sam")
            holds.push_back(entry.movement);
    // The demo's own hold (by sam, before the tour) plus the tour's one plus the recall's three.
    REQUIRE(holds.size() == 5);
    CHECK(holds[1].reason == "Customer complaint");
    const std::string soapBase = holds[1].lot;
    CHECK(ledger->lot(soapBase)->sku == "SOAP-BASE");
    for (std::size_t i = 2; i < 5; ++i) {
        CHECK(holds[i].reason == "Supplier recall");
        CHECK(holds[i].lot != soapBase); // already held: the recall left it alone
    }
    for (const auto& hold : holds)
        CHECK((ledger->lot(hold.lot)->status == storage::LotStatus::Hold));
    CHECK((ledger->lot(olive[0].code)->status == storage::LotStatus::Hold));

    // Recall export: the CSV parses and names the olive oil; the PDF is a PDF.
    const auto data = work.path() / "data" / "lotstation";
    const auto csvs = filesIn(data / "exports", ".csv");
    REQUIRE(csvs.size() == 1);
    CHECK(csvs[0].filename().string().find("recall-" + olive[0].code) == 0);
    const auto csv = storage::parseCsv(readFile(csvs[0]));
    REQUIRE(csv);
    CHECK(readFile(csvs[0]).find("OM-24-0917") != std::string::npos);
    const auto pdfs = filesIn(data / "exports", ".pdf");
    REQUIRE(pdfs.size() == 1);
    CHECK(readFile(pdfs[0]).rfind("%PDF-", 0) == 0);

    // Labels: two copies of the held coconut oil's label, as one PDF in the labels folder.
    const auto coconut = ledger->lotsBySupplierLot("CT/89020").value();
    REQUIRE(coconut.size() == 1);
    CHECK(std::filesystem::exists(data / "labels" / (coconut[0].code + "-2x.pdf")));
    CHECK(run.output.find("label printed: Label " + coconut[0].code + " saved") != std::string::npos);

    // Settings: the template chosen is in the file beside the demo database.
    const auto settings = loadSettings(settingsPathFor(work.file("station-demo.db")));
    REQUIRE(settings);
    CHECK(settings->labelTemplate == "lot-100x50-gs1");
    CHECK(run.output.find("sync requested") != std::string::npos);
}
