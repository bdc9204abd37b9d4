// The command line as people type it: the global options (--db, --json, --user) anywhere on the line, and a
// scan that prints each code as it registers (JSON Lines with --json), flushed line by line.
#include "cli_test_support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <streambuf>

using lotstation::test::CliFixture;
using lotstation::test::CliOutcome;

namespace {

std::string firstLotOf(const CliFixture& cli, const std::string& sku) {
    const auto stock = cli.run({"stock", sku, "--json"});
    REQUIRE(stock.exitCode == 0);
    REQUIRE_FALSE(stock.json().empty());
    return stock.json().front()["lot"].get<std::string>();
}

// A stream buffer that remembers what had been written each time the stream was flushed.
class FlushLog : public std::stringbuf {
  public:
    std::vector<std::string> flushed;

  protected:
    int sync() override {
        flushed.push_back(str());
        return 0;
    }
};

// A short video (MJPEG in AVI) of a label image held in view for `frames` frames, after `blank` empty ones.
bool writeVideo(const std::filesystem::path& video, const std::filesystem::path& labelPng, int blank,
                int frames) {
    const cv::Mat label = cv::imread(labelPng.string(), cv::IMREAD_GRAYSCALE);
    if (label.empty()) return false;
    const cv::Size size(640, 480);
    cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30.0, size, false);
    if (!writer.isOpened()) return false;
    const cv::Mat empty(size, CV_8UC1, cv::Scalar(200));
    for (int i = 0; i < blank; ++i)
        writer.write(empty);
    cv::Mat shown = empty.clone();
    cv::Mat fitted;
    const double scale = std::min(600.0 / label.cols, 440.0 / label.rows);
    cv::resize(label, fitted, cv::Size(), scale, scale, cv::INTER_NEAREST);
    fitted.copyTo(shown(cv::Rect((size.width - fitted.cols) / 2, (size.height - fitted.rows) / 2, fitted.cols,
                                 fitted.rows)));
    for (int i = 0; i < frames; ++i)
        writer.write(shown);
    return true;
}

} // namespace

TEST_CASE("cli: --json, --user and --db are accepted after the subcommand, as typed") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto bar = firstLotOf(cli, "BAR-LAV");
    // The line the README documents, which the parser used to refuse ("argument was not expected").
    const auto after = cli.run({"trace", bar, "--backward", "--json"});
    INFO(after.err);
    REQUIRE(after.exitCode == 0);
    const auto before = cli.run({"--json", "trace", bar, "--backward"});
    CHECK(after.json() == before.json());
    // --user after the subcommand records the movement for that user.
    REQUIRE(cli.run({"hold", bar, "--reason", "smells off", "--user", "sam"}).exitCode == 0);
    const auto shown = cli.run({"lot", "show", bar, "--json"});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.out.find("\"sam\"") != std::string::npos);
    // --db after the subcommand (and its arguments) opens that ledger.
    std::ostringstream out, err;
    const std::vector<std::string> dbLast{"stock", "BAR-LAV", "--json", "--db", cli.dir().file("station.db").string()};
    REQUIRE(lotstation::station::runCommandLine(dbLast, {out, err}, nullptr) == 0);
    CHECK(nlohmann::json::parse(out.str()).front()["lot"] == bar);
    const std::vector<std::string> nowhere{"stock", "--db", cli.dir().file("nowhere.db").string()};
    CHECK(lotstation::station::runCommandLine(nowhere, {out, err}, nullptr) == 1);
    CHECK(err.str().find("nowhere.db") != std::string::npos);
    // An option nobody knows is still a usage error.
    CHECK(cli.run({"stock", "--jsn"}).exitCode == 2);
}

TEST_CASE("cli: scan of a video prints each code as it registers, one flushed JSON line each") {
    CliFixture cli;
    REQUIRE(cli.run({"demo"}).exitCode == 0);
    const auto dock = cli.dir().file("dock.png");
    const auto shelf = cli.dir().file("shelf.png");
    REQUIRE(cli.run({"label", "location", "DOCK", "--out", dock.string()}).exitCode == 0);
    REQUIRE(cli.run({"label", "location", "STORE", "--out", shelf.string()}).exitCode == 0);
    const auto first = cli.dir().file("dock.avi");
    const auto second = cli.dir().file("store.avi");
    REQUIRE(writeVideo(first, dock, 5, 20));
    REQUIRE(writeVideo(second, shelf, 5, 20));

    FlushLog log;
    std::ostream out(&log);
    std::ostringstream err;
    const std::vector<std::string> args{"--db", cli.dir().file("station.db").string(), "scan", first.string(),
                                        second.string(), "--json"};
    REQUIRE(lotstation::station::runCommandLine(args, {out, err}, nullptr) == 0);
    const CliOutcome outcome{0, log.str(), err.str()};
    const auto lines = outcome.jsonLines();
    REQUIRE(lines.size() == 3); // the dock's code, the shelf's code (each once while in view), the summary
    CHECK(lines[0]["text"] == "LS:LOC:DOCK");
    CHECK(lines[0]["source"] == first.string());
    CHECK(lines[0]["frame"].get<int>() > 5);
    CHECK(lines[1]["text"] == "LS:LOC:STORE");
    CHECK(lines[2]["codes"] == 2);
    CHECK(lines[2]["frames"] == 50);
    // Each line reached the stream's owner on its own, the first before the second video was read.
    std::vector<std::string> distinct;
    for (const auto& text : log.flushed)
        if (distinct.empty() || distinct.back() != text) distinct.push_back(text);
    REQUIRE(distinct.size() >= 3);
    CHECK(distinct[0] == outcome.out.substr(0, outcome.out.find('\n') + 1));
    CHECK(std::count(distinct[1].begin(), distinct[1].end(), '\n') == 2);

    // Without --json: the same, for people, also as it happens.
    FlushLog human;
    std::ostream humanOut(&human);
    const std::vector<std::string> plain{"--db", cli.dir().file("station.db").string(), "scan", first.string()};
    REQUIRE(lotstation::station::runCommandLine(plain, {humanOut, err}, nullptr) == 0);
    REQUIRE_FALSE(human.flushed.empty());
    CHECK(human.flushed.front().find("LS:LOC:DOCK") != std::string::npos);
    CHECK(human.str().find("1 code(s) in 0 image(s) and 25 video frame(s)") != std::string::npos);
}
