// CameraFeed without a window: a real frame source (a folder of label PNGs rendered by the labels module)
// through the real pump and decoder, driven the way the window drives it, one update() per UI frame.
#include "lotstation/labels/render.hpp"
#include "lotstation/labels/template_loader.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/station/camera_feed.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <thread>

using namespace lotstation;
using namespace lotstation::station;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kTick = std::chrono::milliseconds(10);
constexpr auto kBudget = std::chrono::seconds(20); // generous: two shared cores, a debug-ish build

std::vector<std::uint8_t> locationLabelPng(const std::string& code, const std::string& name) {
    const std::vector<std::filesystem::path> dirs{std::filesystem::path(LOTSTATION_SOURCE_DIR) / "assets" /
                                                  "labels"};
    auto templates = labels::loadTemplates(dirs);
    REQUIRE_MESSAGE(templates, (templates ? "" : templates.error().message));
    const auto* tmpl = templates->findTemplate("location-100x50");
    REQUIRE(tmpl != nullptr);
    auto png = labels::renderPng(*tmpl, labels::LocationLabelData{code, name}, 203);
    REQUIRE_MESSAGE(png, (png ? "" : png.error().message));
    return *png;
}

} // namespace

TEST_CASE("camera feed: a code held in view of a real frame source registers once, with its outline") {
    lotstation::test::TempDir work;
    const auto folder = work.path() / "frames";
    std::filesystem::create_directories(folder);
    const auto png = locationLabelPng("A-01-03", "Cold store, shelf 3");
    for (int i = 0; i < 6; ++i) // the same label in view for six frames: one scan, not six
        lotstation::test::writeFile(folder / ("frame" + std::to_string(i) + ".png"),
                                    std::string(png.begin(), png.end()));

    CameraFeed feed(scan::parseSourceSpec(folder.string()));
    std::vector<scan::ScannedCode> registered;
    std::size_t mostOutlines = 0;
    bool sawPreview = false;
    std::optional<Clock::time_point> endedAt;
    const auto start = Clock::now();
    // Run past the folder's end long enough for the last frames to be decoded and for any double registration
    // to show up.
    while (Clock::now() - start < kBudget) {
        const auto now = Clock::now();
        for (auto& code : feed.update(now))
            registered.push_back(std::move(code));
        mostOutlines = std::max(mostOutlines, feed.outlines().size());
        sawPreview = sawPreview || feed.preview() != nullptr;
        if (feed.status().state == scan::SourceState::Ended && !endedAt) endedAt = now;
        if (endedAt && !registered.empty() && now - *endedAt > std::chrono::seconds(1)) break;
        std::this_thread::sleep_for(kTick);
    }
    CHECK(sawPreview);
    CHECK(feed.status().state == scan::SourceState::Ended);
    CHECK(feed.statusText(Clock::now()) == "Ended: frames");
    REQUIRE(registered.size() == 1);
    const auto& code = registered.front();
    CHECK(code.text == "LS:LOC:A-01-03");
    CHECK(code.symbology == scan::Symbology::QrCode);
    CHECK(code.origin == scan::ScanOrigin::Camera);
    REQUIRE(code.position.has_value());
    // The outline lies inside the frame and spans a real area.
    const Image* preview = feed.preview();
    REQUIRE(preview != nullptr);
    int minX = preview->width, maxX = 0;
    for (const auto& corner : code.position->corners) {
        CHECK(corner.x >= 0);
        CHECK(corner.y >= 0);
        CHECK(corner.x <= preview->width);
        CHECK(corner.y <= preview->height);
        minX = std::min(minX, corner.x);
        maxX = std::max(maxX, corner.x);
    }
    CHECK(maxX - minX > 50);
    CHECK(mostOutlines == 1); // the preview boxed the code while it was decoded
    // And the station understands it as the same scan a wedge would deliver.
    const auto meaning = scan::interpret(code);
    REQUIRE(std::holds_alternative<scan::OwnLocation>(meaning));
    CHECK(std::get<scan::OwnLocation>(meaning).location == "A-01-03");
}

TEST_CASE("camera feed: a missing source is a Lost status with its reason, not a crash") {
    CameraFeed feed(scan::parseSourceSpec("/nonexistent/video.mp4"));
    std::vector<scan::ScannedCode> registered;
    const auto start = Clock::now();
    while (Clock::now() - start < kBudget && feed.status().state != scan::SourceState::Lost) {
        for (auto& code : feed.update(Clock::now()))
            registered.push_back(std::move(code));
        std::this_thread::sleep_for(kTick);
    }
    CHECK(feed.status().state == scan::SourceState::Lost);
    const std::string text = feed.statusText(Clock::now());
    INFO(text);
    CHECK(text.starts_with("Lost: "));
    CHECK(text.size() > 6); // a reason, not just the word
    CHECK(registered.empty());
    CHECK(feed.preview() == nullptr);
    CHECK(feed.outlines().empty());
}

TEST_CASE("camera feed: a file source that ended keeps its last frame's outline on screen") {
    lotstation::test::TempDir work;
    const auto png = locationLabelPng("dock_2", "Dock 2");
    const auto image = work.path() / "label.png";
    lotstation::test::writeFile(image, std::string(png.begin(), png.end()));
    CameraFeed feed(scan::parseSourceSpec(image.string()));
    std::size_t registered = 0;
    const auto start = Clock::now();
    while (Clock::now() - start < kBudget &&
           (registered == 0 || feed.status().state != scan::SourceState::Ended)) {
        registered += feed.update(Clock::now()).size();
        std::this_thread::sleep_for(kTick);
    }
    REQUIRE(registered == 1);
    // Long after the outline timeout, the ended file's picture still shows where its code is.
    for (int i = 0; i < 10; ++i) {
        CHECK(feed.update(Clock::now() + std::chrono::seconds(5)).empty());
        std::this_thread::sleep_for(kTick);
    }
    CHECK(feed.outlines().size() == 1);
    CHECK(feed.statusText(Clock::now()) == "Ended: label.png");
}

TEST_CASE("camera feed: a 1080p frame becomes a half-size preview, each pixel the mean of its block") {
    std::vector<std::uint8_t> gray(1920 * 1080);
    for (int y = 0; y < 1080; ++y)
        for (int x = 0; x < 1920; ++x)
            gray[static_cast<std::size_t>(y) * 1920 + x] =
                static_cast<std::uint8_t>((x % 2) * 100 + (y % 2) * 50);
    const auto frame = scan::makeFrame(1920, 1080, scan::PixelFormat::Gray8, std::move(gray));
    const Image preview = toPreviewImage(frame, 1280);
    CHECK(preview.width == 960);
    CHECK(preview.height == 540);
    CHECK(preview.pixels.size() == 960u * 540u * 3u);
    CHECK(preview.pixels[0] == 75); // (0 + 100 + 50 + 150) / 4
    CHECK(preview.pixels[preview.pixels.size() - 1] == 75);
    const Image full = toPreviewImage(frame);
    CHECK(full.width == 1920);
    CHECK(full.pixels[3] == 100);
    CHECK(toPreviewImage(scan::Frame{}, 1280).empty());
}
