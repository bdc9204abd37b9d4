// The demo camera: the demo's labels rendered by the labels module, moved past the lens, and read back by the
// real pump, decoder and dedupe (CameraFeed) exactly as a real camera's frames are.
#include "lotstation/labels/template_loader.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/camera_feed.hpp"
#include "lotstation/station/demo_camera.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <thread>

using namespace lotstation;
using namespace lotstation::station;
using Clock = std::chrono::steady_clock;

namespace {

labels::TemplateSet templates() {
    const std::vector<std::filesystem::path> dirs{std::filesystem::path(LOTSTATION_SOURCE_DIR) / "assets" /
                                                  "labels"};
    auto loaded = labels::loadTemplates(dirs);
    REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().message));
    return std::move(*loaded);
}

std::uint8_t red(const scan::Frame& frame, int x, int y) {
    return frame.row(y)[3 * x];
}

} // namespace

TEST_CASE("demo camera: each demo label passes in turn, between frames of empty bench") {
    lotstation::test::TempDir work;
    const auto demo = createDemoLedger(work.file("demo.db"), storage::systemClock()());
    REQUIRE_MESSAGE(demo, (demo ? "" : demo.error().message));
    auto ledger = storage::Ledger::open(work.file("demo.db"));
    REQUIRE(ledger);
    const std::vector<std::string> lots{demo->producedLots.back()};
    const std::vector<std::string> locations{"STORE"};
    const auto files = writeDemoLabels(*ledger, templates(), lots, locations, work.file("labels"));
    REQUIRE_MESSAGE(files, (files ? "" : files.error().message));
    REQUIRE(files->size() == 2);
    std::vector<scan::Frame> images;
    for (const auto& file : *files)
        images.push_back(*scan::readImageFile(file));
    const DemoCamera camera(images, 320, 240);

    const auto held = camera.frame(60);
    CHECK(held.width == 320);
    CHECK(held.height == 240);
    CHECK(held.format == scan::PixelFormat::Rgb8);
    CHECK(red(held, 160, 120) > 150);     // the paper label is in the middle
    const auto empty = camera.frame(140); // gone: only the bench
    CHECK(red(empty, 160, 120) < 150);
    CHECK(camera.frame(60).pixels->data()[1000] == held.pixels->data()[1000]); // same index, same picture
    CHECK(*camera.frame(60).pixels == *held.pixels);

    SUBCASE("unknown templates and lots are errors, not crashes") {
        const std::vector<std::string> missing{"NO-SUCH-LOT"};
        const auto bad = writeDemoLabels(*ledger, templates(), missing, {}, work.file("bad"));
        REQUIRE_FALSE(bad);
        CHECK(bad.error().message.find("NO-SUCH-LOT") != std::string::npos);
        CHECK_FALSE(writeDemoLabels(*ledger, labels::TemplateSet{}, lots, {}, work.file("none")));
    }
}

TEST_CASE("demo camera: its frames are really decoded - the lot and the shelf register once each, in turn") {
    lotstation::test::TempDir work;
    const auto demo = createDemoLedger(work.file("demo.db"), storage::systemClock()());
    REQUIRE(demo);
    auto ledger = storage::Ledger::open(work.file("demo.db"));
    REQUIRE(ledger);
    const std::vector<std::string> lots{demo->producedLots.back()};
    const std::vector<std::string> locations{"STORE"};
    auto camera = makeDemoCamera(*ledger, templates(), lots, locations, work.file("labels"));
    REQUIRE_MESSAGE(camera, (camera ? "" : camera.error().message));

    CameraFeedSettings settings;
    settings.pump.filePace = 120; // four times real time: the test watches two passes in a few seconds
    CameraFeed feed(demoCameraSource(*camera), settings);
    std::vector<std::string> registered;
    const auto start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(60) && registered.size() < 2) {
        for (const auto& code : feed.update(Clock::now()))
            registered.push_back(code.text);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(feed.sourceName() == "Demo camera");
    REQUIRE(registered.size() == 2);
    CHECK(registered[0] == "LS:LOT:" + demo->producedLots.back());
    CHECK(registered[1] == "LS:LOC:STORE");
    CHECK(std::holds_alternative<scan::OwnLot>(scan::interpret(registered[0])));
}
