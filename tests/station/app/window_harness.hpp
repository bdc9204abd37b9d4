#pragma once
// Running the real lotstation binary under Xvfb (Mesa's software OpenGL) on a fresh demo database, driven by
// an event script, and checking what it left: the binary's own summary (every `expect` held), and
// screenshots that are full-size, not blank and all different. Shared by the window tests.
#include "lotstation/station/events_script.hpp"
#include "lotstation/station/image.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace lotstation::test::window {

inline const std::filesystem::path kBinary =
    std::filesystem::path(LOTSTATION_BINARY_DIR) / "station" / "lotstation";

inline std::filesystem::path scriptPath(const std::string& name) {
    return std::filesystem::path(LOTSTATION_SOURCE_DIR) / "tests" / "station" / "app" / "scripts" / name;
}

// <build>/screenshots, or a folder inside it.
inline std::filesystem::path screenshotsDir(const std::string& folder = {}) {
    const auto root = std::filesystem::path(LOTSTATION_BINARY_DIR) / "screenshots";
    return folder.empty() ? root : root / folder;
}

inline bool haveXvfb() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

inline std::string quote(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// Mean squared deviation of the grey level: a blank or single-colour frame is near zero.
inline double greyVariance(const station::Image& image) {
    double sum = 0, sumSquares = 0;
    const std::size_t pixels = image.pixels.size() / 3;
    for (std::size_t i = 0; i < pixels; ++i) {
        const double grey = (image.pixels[3 * i] + image.pixels[3 * i + 1] + image.pixels[3 * i + 2]) / 3.0;
        sum += grey;
        sumSquares += grey * grey;
    }
    const double mean = sum / static_cast<double>(pixels);
    return sumSquares / static_cast<double>(pixels) - mean * mean;
}

struct ScriptRun {
    int status = -1;
    std::string output; // what the binary printed
    std::vector<station::ScriptEvent> events;
    std::vector<std::string> screenshots; // the names the script asked for
};

// Runs `lotstation --demo` in `work` (the demo database is work/station-demo.db) with the script, writing
// its screenshots to `screenshots` after removing the PNGs a previous run left there.
inline ScriptRun runDemoScript(const std::filesystem::path& script, const TempDir& work,
                               const std::filesystem::path& screenshots) {
    ScriptRun run;
    auto events = station::loadEventScript(script);
    REQUIRE_MESSAGE(events, events.error().message);
    run.events = std::move(*events);
    for (const auto& event : run.events)
        if (event.action == station::ScriptAction::Screenshot) run.screenshots.push_back(event.text);

    std::filesystem::create_directories(screenshots);
    for (const auto& entry : std::filesystem::directory_iterator(screenshots))
        if (entry.path().extension() == ".png") std::filesystem::remove(entry.path());
    const auto log = work.file("station.log");
    const std::string command =
        "cd " + quote(work.path()) +
        " && SDL_AUDIODRIVER=dummy LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' " +
        quote(kBinary) + " --demo --db " + quote(work.file("station.db")) + " --events " + quote(script) +
        " --screenshots " + quote(screenshots) + " > " + quote(log) + " 2>&1";
    run.status = std::system(command.c_str());
    run.output = readFile(log);
    return run;
}

// The binary's summary says every expectation in the script held and every screenshot was taken; each
// screenshot is 1280 × 800, shows something and differs from the others.
inline void checkRun(const ScriptRun& run, const std::filesystem::path& screenshots) {
    INFO("station output:\n" << run.output);
    REQUIRE(run.status == 0);
    std::smatch summary;
    REQUIRE(std::regex_search(run.output, summary,
                              std::regex(R"(script: (\d+) checks passed, (\d+) screenshots, 0 failures)")));
    long expectations = 0;
    for (const auto& event : run.events)
        expectations += event.action == station::ScriptAction::ExpectText ||
                        event.action == station::ScriptAction::ExpectNoText;
    CHECK(std::stol(summary[1]) == expectations);
    CHECK(std::stoul(summary[2]) == run.screenshots.size());

    std::set<std::vector<std::uint8_t>> distinct;
    for (const auto& name : run.screenshots) {
        CAPTURE(name);
        const auto image = station::readPng(screenshots / name);
        REQUIRE_MESSAGE(image, image.error().message);
        CHECK(image->width == 1280);
        CHECK(image->height == 800);
        CHECK(greyVariance(*image) > 200.0); // text, tiles and preview, not an empty clear colour
        distinct.insert(image->pixels);
    }
    CHECK(distinct.size() == run.screenshots.size()); // every step looks different
}

} // namespace lotstation::test::window
