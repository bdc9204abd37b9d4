// Source -> worker -> dedupe, on a generated video: every label registered exactly once per appearance.
#include "lotstation/scan/decode_worker.hpp"
#include "lotstation/scan/frame_source.hpp"
#include "lotstation/scan/scan_files.hpp"
#include "synth.hpp"
#include "test_support.hpp"
#include "video_support.hpp"

#include <opencv2/imgcodecs.hpp>
#include <thread>

namespace {

using namespace lotstation;
using namespace lotstation::scan;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

} // namespace

TEST_CASE("pipeline: a generated video - paced at 30 fps - registers every label once per appearance") {
    test::TempDir dir;
    const auto video = dir.file("labels.avi");
    test::VideoScript script;
    script.labels = {"https://lots.example/L/SOAP-2411-07", "LS1:LOC:SHELF-B3",
                     "https://lots.example/L/SOAP-2411-07"};
    REQUIRE(test::writeLabelVideo(video, script));

    FrameSource source(SourceSpec::videoFile(video.string()));
    DecodeWorker worker;
    std::vector<std::string> registered;
    auto collect = [&] {
        for (auto& outcome : worker.poll())
            for (auto& code : outcome.registered) {
                CHECK(code.frameTime == outcome.frameTime);
                CHECK(code.position.has_value());
                registered.push_back(code.text);
            }
    };
    auto next = Clock::now();
    int frames = 0;
    while (auto frame = source.next(Clock::now())) {
        worker.submit(std::move(*frame)); // returns at once
        ++frames;
        collect();
        next += 33ms;
        std::this_thread::sleep_until(next);
    }
    CHECK(source.status().state == SourceState::Ended);
    REQUIRE(worker.waitIdle(5s));
    collect();
    CHECK(frames == 3 * (script.framesPerLabel + script.gapFrames));
    CHECK(registered == script.labels);
    const auto stats = worker.stats();
    CHECK(stats.submitted == static_cast<std::uint64_t>(frames));
    CHECK(stats.decoded + stats.dropped == stats.submitted);
    MESSAGE("decoded " << stats.decoded << ", dropped " << stats.dropped);
}

TEST_CASE("worker: submit never waits - stale frames are dropped and counted - shutdown with work pending") {
    cv::Mat big(1080, 1920, CV_8UC1, cv::Scalar(128));
    cv::randn(big, 128, 40);
    std::uint64_t submitted = 0;
    const auto frame = test::grayFrame(big);
    {
        DecodeWorker worker;
        // 60 frames handed over back to back: submit returns at once, so most of them find the previous
        // frame still waiting and replace it (no timing here; the dropped count shows submit did not wait).
        for (int i = 0; i < 60; ++i) {
            auto copy = frame; // shares the pixels
            copy.captureTime = Clock::now();
            copy.sequence = ++submitted;
            worker.submit(std::move(copy));
        }
        REQUIRE(worker.waitIdle(10s));
        const auto stats = worker.stats();
        CHECK(stats.submitted == 60);
        CHECK(stats.dropped > 0);
        CHECK(stats.decoded + stats.dropped == 60);
        const auto outcomes = worker.poll();
        CHECK(outcomes.size() == stats.decoded);
        CHECK(outcomes.back().sequence == 60); // the latest frame always gets decoded
        worker.submit(frame);
        worker.submit(frame);
        submitted += 2;
    } // destructor: stops and joins with a frame in flight
    CHECK(submitted == 62);
}

TEST_CASE(
    "scanFiles: images - nested folders - a video - unreadable and missing inputs reported and skipped") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "sub" / "deeper");
    REQUIRE(cv::imwrite(dir.file("qr.png").string(),
                        test::renderSymbol(ZXing::BarcodeFormat::QRCode, "LS1:LOT:SOAP-7", 200, 200)));
    REQUIRE(cv::imwrite((dir.path() / "sub" / "deeper" / "ean.jpg").string(),
                        test::renderSymbol(ZXing::BarcodeFormat::EAN13, "4006381333931", 300, 150)));
    test::writeFile(dir.file("broken.png"), "not an image at all");
    test::writeFile(dir.file("readme.txt"), "passed over");
    test::VideoScript script;
    script.labels = {"VIDEO-LOT-1"};
    script.framesPerLabel = 20;
    script.gapFrames = 5;
    script.width = 640;
    script.height = 480;
    REQUIRE(test::writeLabelVideo(dir.path() / "sub" / "clip.avi", script));

    const auto report = scanFiles({dir.path().string(), dir.file("missing.png").string()});
    std::vector<std::string> texts;
    for (const auto& found : report.codes)
        texts.push_back(found.code.text);
    CHECK(texts == std::vector<std::string>{"LS1:LOT:SOAP-7", "VIDEO-LOT-1", "4006381333931"});
    CHECK(report.codes[0].code.symbology == Symbology::QrCode);
    CHECK(report.codes[0].code.symbologyId == "]Q1");
    CHECK(report.codes[0].code.origin == ScanOrigin::File);
    CHECK_FALSE(report.codes[0].frame.has_value());
    CHECK(report.codes[1].frame.has_value());
    CHECK(report.codes[2].code.symbology == Symbology::Ean13);
    CHECK(report.codes[2].source.find("ean.jpg") != std::string::npos);
    REQUIRE(report.errors.size() == 2);
    CHECK(report.errors[0].source.find("broken.png") != std::string::npos);
    CHECK(report.errors[1].source.find("missing.png") != std::string::npos);
    CHECK(report.errors[1].message == "no such file");
    CHECK(report.imagesRead == 2);
    CHECK(report.framesRead == 25);
}
