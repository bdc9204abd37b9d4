#include "window_harness.hpp"

#include "test_support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <regex>
#include <set>

namespace lotstation::test {

std::filesystem::path stationBinary() {
    return std::filesystem::path(LOTSTATION_BINARY_DIR) / "station" / "lotstation";
}

std::filesystem::path scriptPath(const std::string& name) {
    return std::filesystem::path(LOTSTATION_SOURCE_DIR) / "tests" / "station" / "app" / "scripts" / name;
}

std::filesystem::path screenshotDir() {
    return std::filesystem::path(LOTSTATION_BINARY_DIR) / "screenshots";
}

bool haveXvfb() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

std::string quote(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

double greyVariance(const station::Image& image) {
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

WindowRun runDemoScript(const std::filesystem::path& script, const std::filesystem::path& work,
                        const std::filesystem::path& shots) {
    return runScript(script, work, shots, "--demo");
}

WindowRun runScript(const std::filesystem::path& script, const std::filesystem::path& work,
                    const std::filesystem::path& shots, const std::string& arguments) {
    std::filesystem::create_directories(shots);
    const auto log = work / "station.log";
    const std::string command =
        "cd " + quote(work) + " && XDG_DATA_HOME=" + quote(work / "data") +
        " SDL_AUDIODRIVER=dummy LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' " +
        quote(stationBinary()) + " " + arguments + " --db " + quote(work / "station.db") + " --events " +
        quote(script) + " --screenshots " + quote(shots) + " > " + quote(log) + " 2>&1";
    WindowRun run;
    run.status = std::system(command.c_str());
    run.output = readFile(log);
    return run;
}

std::vector<std::string> prepareScreenshots(const std::vector<station::ScriptEvent>& events,
                                            const std::filesystem::path& shots) {
    std::vector<std::string> names;
    for (const auto& event : events)
        if (event.action == station::ScriptAction::Screenshot) names.push_back(event.text);
    std::filesystem::create_directories(shots);
    for (const auto& name : names)
        std::filesystem::remove(shots / name);
    return names;
}

void checkRun(const WindowRun& run, const std::vector<station::ScriptEvent>& events,
              const std::vector<std::string>& screenshots, const std::filesystem::path& shots) {
    INFO("station output:\n" << run.output);
    REQUIRE(run.status == 0);
    std::smatch summary;
    REQUIRE(std::regex_search(run.output, summary,
                              std::regex(R"(script: (\d+) checks passed, (\d+) screenshots, 0 failures)")));
    long expectations = 0;
    for (const auto& event : events)
        expectations += event.action == station::ScriptAction::ExpectText ||
                        event.action == station::ScriptAction::ExpectNoText;
    CHECK(std::stol(summary[1]) == expectations);
    CHECK(std::stoul(summary[2]) == screenshots.size());

    std::set<std::vector<std::uint8_t>> distinct;
    for (const auto& name : screenshots) {
        CAPTURE(name);
        const auto image = station::readPng(shots / name);
        REQUIRE_MESSAGE(image, image.error().message);
        CHECK(image->width == 1280);
        CHECK(image->height == 800);
        CHECK(greyVariance(*image) > 200.0); // text, tiles and preview, not an empty clear colour
        distinct.insert(image->pixels);
    }
    CHECK(distinct.size() == screenshots.size()); // every screen looks different
}

} // namespace lotstation::test
