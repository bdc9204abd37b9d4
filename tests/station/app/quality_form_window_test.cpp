// The Quality screen's inspection form and partial acceptance in the real binary under Xvfb
// (scripts/quality_form.events, scripts/quality_partial.events): what the screens said is what the ledger holds.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/quality.hpp"
#include "test_support.hpp"
#include "window_harness.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace lotstation::station;
using namespace lotstation::test;
namespace storage = lotstation::storage;

namespace {

// What the station camera sees: a still picture (no code in it, so nothing is scanned while the script runs)
// of a pale tub on a dark bench.
std::filesystem::path benchPicture(const TempDir& work) {
    Image image{640, 480, 3, std::vector<std::uint8_t>(640 * 480 * 3)};
    for (int y = 0; y < 480; ++y)
        for (int x = 0; x < 640; ++x) {
            auto* p = &image.pixels[static_cast<std::size_t>((y * 640 + x) * 3)];
            const int dx = x - 320, dy = y - 260;
            const bool tub = dx * dx / 4 + dy * dy < 150 * 150 / 4 * 2;
            p[0] = static_cast<std::uint8_t>(tub ? 236 : 60 + y / 12);
            p[1] = static_cast<std::uint8_t>(tub ? 222 : 45 + y / 14);
            p[2] = static_cast<std::uint8_t>(tub ? 190 : 35);
        }
    const auto path = work.file("bench.png");
    REQUIRE(writePng(path, image));
    return path;
}

// Runs a demo script under Xvfb with the supplier's CoA in the station's import folder and a still picture as
// the camera; the demo ledger after.
storage::Ledger runQualityScript(const std::string& name, const TempDir& work) {
    const auto script = scriptPath(name);
    const auto events = loadEventScript(script);
    REQUIRE_MESSAGE(events, (events ? "" : events.error().message));
    const auto import = work.path() / "data" / "lotstation" / "import";
    std::filesystem::create_directories(import);
    std::ofstream(import / "coa-karite.pdf", std::ios::binary)
        << "%PDF-1.4\n% certificate of analysis, shea butter KC-2411-07\n%%EOF\n";
    const auto shots = screenshotDir();
    const auto expected = prepareScreenshots(*events, shots);
    const auto run = runScript(script, work.path(), shots, "--demo --camera " + quote(benchPicture(work)));
    checkRun(run, *events, expected, shots);
    auto ledger = storage::Ledger::open(work.file("station-demo.db"));
    REQUIRE(ledger);
    return std::move(*ledger);
}

} // namespace

TEST_CASE("app: the qa person types a text result, takes a photo and attaches the CoA under Xvfb") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    TempDir work;
    auto ledger = runQualityScript("quality_form.events", work);
    CHECK(ledger.verify().value().empty());
    const auto lots = ledger.lotsBySupplierLot("KC-2411-07").value();
    REQUIRE(lots.size() == 1);
    const auto inspections = storage::inspectionsOf(ledger, lots[0].code);
    REQUIRE(inspections.size() == 2);
    CHECK(inspections[1].passed);
    const auto documents = storage::attachmentsOf(ledger, lots[0].code);
    REQUIRE(documents.size() == 2);
    CHECK((documents[0].kind == storage::AttachmentKind::Photo));
    CHECK(documents[0].type == "jpeg");
    CHECK(documents[0].size > 1000); // a real frame of the demo camera, not an empty picture
    CHECK(documents[0].inspection == inspections[1].id);
    CHECK((documents[1].kind == storage::AttachmentKind::Coa));
    CHECK(documents[1].fileName == "coa-karite.pdf");
    CHECK(documents[1].inspection == inspections[1].id);
}

TEST_CASE("app: the qa person accepts 6 kg and rejects 2 kg of a lot with a signature under Xvfb") {
    if (!std::filesystem::exists(stationBinary())) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    TempDir work;
    auto ledger = runQualityScript("quality_partial.events", work);
    CHECK(ledger.verify().value().empty());
    const auto lots = ledger.lotsBySupplierLot("KC-2411-19").value();
    REQUIRE(lots.size() == 1);
    const std::string code = lots[0].code;
    CHECK((lots[0].status == storage::LotStatus::Available));
    CHECK(storage::formatQuantity(ledger.onHand(code).value(), storage::Uom::Gram) == "6 kg");
    const auto rejected = ledger.lot(code + "-R");
    REQUIRE(rejected);
    CHECK((rejected->status == storage::LotStatus::Rejected));
    CHECK(storage::formatQuantity(ledger.onHand(code + "-R").value(), storage::Uom::Gram) == "2 kg");
    const auto signatures = storage::signaturesOf(ledger, code + "-R");
    REQUIRE(signatures.size() == 1);
    CHECK(signatures[0].printedName == "quinn");
    CHECK(signatures[0].reason == "Damaged packaging");
    // The accepted part went out untested, so its release carries the deviation picked on the screen.
    const auto released = storage::signaturesOf(ledger, code);
    REQUIRE_FALSE(released.empty());
    CHECK((released.back().meaning == storage::SignatureMeaning::ApprovedDeviation));
    CHECK(released.back().reason == "Certificate of analysis accepted instead");
}
