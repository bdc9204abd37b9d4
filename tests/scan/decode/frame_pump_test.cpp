#include "lotstation/scan/decode_worker.hpp"
#include "lotstation/scan/frame_pump.hpp"
#include "synth.hpp"
#include "test_support.hpp"

#include <atomic>
#include <opencv2/imgcodecs.hpp>
#include <thread>

namespace {

using namespace lotstation;
using namespace lotstation::scan;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

} // namespace

TEST_CASE("frame pump: a looping folder feeds the decoder worker off the caller's thread") {
    test::TempDir dir;
    REQUIRE(cv::imwrite(dir.file("a.png").string(),
                        test::renderSymbol(ZXing::BarcodeFormat::QRCode, "LS1:LOT:PUMP-1", 240, 240)));
    REQUIRE(cv::imwrite(dir.file("b.png").string(), cv::Mat(240, 240, CV_8UC1, cv::Scalar(200))));
    DecodeWorker worker;
    std::atomic<int> frames{0};
    FramePumpSettings settings;
    settings.source.loop = true;
    settings.filePace = 60;
    {
        FramePump pump(SourceSpec::imageFolder(dir.path().string()), settings, [&](const Frame& frame) {
            ++frames;
            worker.submit(frame);
        });
        const auto deadline = Clock::now() + 5s;
        while (frames < 20 && Clock::now() < deadline)
            std::this_thread::sleep_for(10ms);
        CHECK(pump.status().state == SourceState::Running);
        const auto latest = pump.latestFrame();
        REQUIRE(latest.has_value());
        CHECK(latest->width == 240);
    } // stops and joins
    const int seen = frames.load();
    CHECK(seen >= 20);
    std::this_thread::sleep_for(50ms);
    CHECK(frames.load() == seen); // nothing after stop
    REQUIRE(worker.waitIdle(5s));
    std::vector<std::string> registered;
    for (auto& outcome : worker.poll())
        for (auto& code : outcome.registered)
            registered.push_back(code.text);
    // The code comes and goes every other frame (16 ms apart): one registration, as dedupe promises.
    CHECK(registered == std::vector<std::string>{"LS1:LOT:PUMP-1"});
}

TEST_CASE("frame pump: a missing camera is a state and stop() does not wait for the retry") {
    FramePumpSettings settings;
    settings.source.firstRetry = 10s;
    int frames = 0;
    FramePump pump(SourceSpec::device("/dev/video-none-such"), settings, [&](const Frame&) { ++frames; });
    const auto deadline = Clock::now() + 5s;
    while (pump.status().state == SourceState::Opening && Clock::now() < deadline)
        std::this_thread::sleep_for(5ms);
    CHECK(pump.status().state == SourceState::Lost);
    CHECK_FALSE(pump.status().reason.empty());
    const auto start = Clock::now();
    pump.stop();
    CHECK(Clock::now() - start < 1s);
    CHECK(frames == 0);
}
