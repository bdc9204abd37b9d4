// The real lotstation binary under Xvfb (Mesa's software OpenGL), driven by an event script: it must tour
// every screen, pass every `expect text`, and leave full-size, non-blank screenshots in <build>/screenshots.
#include "lotstation/station/events_script.hpp"
#include "lotstation/station/image.hpp"
#include "lotstation/storage/ledger.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <regex>
#include <set>

using namespace lotstation::station;

namespace {

const std::filesystem::path kBinary = std::filesystem::path(LOTSTATION_BINARY_DIR) / "station" / "lotstation";
const std::filesystem::path kScript = std::filesystem::path(LOTSTATION_SOURCE_DIR) / "tests" / "station" /
                                      "app" / "scripts" / "station_tour.events";
const std::filesystem::path kScreenshots = std::filesystem::path(LOTSTATION_BINARY_DIR) / "screenshots";

bool haveXvfb() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

std::string quote(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// Mean squared deviation of the grey level: a blank or single-colour frame is near zero.
double greyVariance(const Image& image) {
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

} // namespace

TEST_CASE("app: the station window tours every screen under Xvfb and writes its screenshots") {
    if (!std::filesystem::exists(kBinary)) LOTSTATION_SKIP("the station window was not built");
    if (!haveXvfb()) LOTSTATION_SKIP("xvfb-run is not installed");
    const auto events = loadEventScript(kScript);
    REQUIRE_MESSAGE(events, events.error().message);
    std::vector<std::string> expected;
    for (const auto& event : *events)
        if (event.action == ScriptAction::Screenshot) expected.push_back(event.text);
    REQUIRE(expected.size() >= 15);

    std::filesystem::create_directories(kScreenshots);
    for (const auto& name : expected)
        std::filesystem::remove(kScreenshots / name);
    lotstation::test::TempDir work;
    const auto log = work.file("station.log");
    const std::string command =
        "cd " + quote(work.path()) +
        " && SDL_AUDIODRIVER=dummy LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1280x800x24' " +
        quote(kBinary) + " --demo --windowed --db " + quote(work.file("station.db")) + " --events " +
        quote(kScript) + " --screenshots " + quote(kScreenshots) + " > " + quote(log) + " 2>&1";
    const int status = std::system(command.c_str());
    const std::string output = lotstation::test::readFile(log);
    INFO("station output:\n" << output);
    REQUIRE(status == 0);

    // The binary's own summary: every expectation in the script held.
    std::smatch summary;
    REQUIRE(std::regex_search(output, summary,
                              std::regex(R"(script: (\d+) checks passed, (\d+) screenshots, 0 failures)")));
    long expectations = 0;
    for (const auto& event : *events)
        expectations +=
            event.action == ScriptAction::ExpectText || event.action == ScriptAction::ExpectNoText;
    CHECK(std::stol(summary[1]) == expectations);
    CHECK(std::stoul(summary[2]) == expected.size());

    std::set<std::vector<std::uint8_t>> distinct;
    for (const auto& name : expected) {
        CAPTURE(name);
        const auto image = readPng(kScreenshots / name);
        REQUIRE_MESSAGE(image, image.error().message);
        CHECK(image->width == 1280);
        CHECK(image->height == 800);
        CHECK(greyVariance(*image) > 200.0); // text, tiles and preview, not an empty clear colour
        distinct.insert(image->pixels);
    }
    CHECK(distinct.size() == expected.size()); // every screen looks different

    // The delivery received on screen is in the database: one lot, its quantity where it was put, a sound
    // ledger.
    auto ledger = lotstation::storage::Ledger::open(work.file("station.db"));
    REQUIRE(ledger);
    const auto lots = ledger->lotsBySupplierLot("K-2611-A", "KARITE");
    REQUIRE(lots.size() == 1);
    CHECK(lots[0].sku == "RM-SHEA");
    CHECK(lots[0].code.starts_with("RM-SHEA-"));
    CHECK(ledger->onHand(lots[0].code, "STORE-A") == 25'000'000); // 25 kg in mg
    CHECK(ledger->movementCount() == 1);
    const auto received = ledger->outbox(0, 10);
    REQUIRE(received.size() == 1);
    CHECK(received[0].movement.user == "Ana");
    CHECK(ledger->verify().empty());
    CHECK(output.find("label due: " + lots[0].code) != std::string::npos);
}

TEST_CASE("app: a broken event script stops the binary before a window opens, naming the line") {
    if (!std::filesystem::exists(kBinary)) LOTSTATION_SKIP("the station window was not built");
    lotstation::test::TempDir work;
    lotstation::test::writeFile(work.file("bad.events"), "tap home.receive\nscreenshot\n");
    const auto log = work.file("out.log");
    const std::string command =
        quote(kBinary) + " --events " + quote(work.file("bad.events")) + " > " + quote(log) + " 2>&1";
    const int status = std::system(command.c_str());
    CHECK(status != 0);
    CHECK(lotstation::test::readFile(log).find(
              "bad.events: line 2: screenshot needs a file name ending in .png") != std::string::npos);
}
