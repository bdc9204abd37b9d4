#include "lotstation/scan/frame_source.hpp"
#include "synth.hpp"
#include "test_support.hpp"

#include <opencv2/imgcodecs.hpp>

namespace {

using namespace lotstation;
using namespace lotstation::scan;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

} // namespace

TEST_CASE("frame source: a missing image file is Lost with a reason - for good") {
    FrameSource source(SourceSpec::imageFile("/nonexistent/label.png"));
    const auto t = Clock::now();
    CHECK_FALSE(source.next(t).has_value());
    CHECK(source.status().state == SourceState::Lost);
    CHECK(source.status().reason.find("/nonexistent/label.png") != std::string::npos);
    CHECK_FALSE(source.status().retryAt.has_value());
    CHECK_FALSE(source.next(t + 10s).has_value());
    CHECK(source.status().state == SourceState::Lost);
}

TEST_CASE("frame source: a camera that does not exist is Lost - then Retrying with growing back-off") {
    SourceSettings settings;
    settings.firstRetry = 200ms;
    settings.maxRetry = 700ms;
    FrameSource source(SourceSpec::device("/dev/video-none-such"), settings);
    auto t = Clock::now();
    CHECK_FALSE(source.next(t).has_value());
    REQUIRE(source.status().state == SourceState::Lost);
    CHECK_FALSE(source.status().reason.empty());
    REQUIRE(source.status().retryAt.has_value());
    CHECK(*source.status().retryAt - t == 200ms);

    CHECK_FALSE(source.next(t + 100ms).has_value());
    CHECK(source.status().state == SourceState::Retrying);
    CHECK(source.status().failedAttempts == 1);

    t += 200ms; // retry time reached: tries again, fails again, waits twice as long
    CHECK_FALSE(source.next(t).has_value());
    CHECK(source.status().state == SourceState::Lost);
    CHECK(source.status().failedAttempts == 2);
    CHECK(*source.status().retryAt - t == 400ms);
    t += 400ms;
    CHECK_FALSE(source.next(t).has_value());
    CHECK(*source.status().retryAt - t == 700ms); // capped
}

TEST_CASE("frame source: a missing video file and a garbage video file are Lost - not a crash") {
    test::TempDir dir;
    FrameSource missing(SourceSpec::videoFile(dir.file("none.avi").string()));
    CHECK_FALSE(missing.next(Clock::now()).has_value());
    CHECK(missing.status().state == SourceState::Lost);
    CHECK(missing.status().reason.find("no such video file") != std::string::npos);

    test::writeFile(dir.file("garbage.avi"), "this is not a video");
    FrameSource garbage(SourceSpec::videoFile(dir.file("garbage.avi").string()));
    CHECK_FALSE(garbage.next(Clock::now()).has_value());
    CHECK(garbage.status().state == SourceState::Lost);
}

TEST_CASE("frame source: a folder of images loops - skipping unreadable files") {
    test::TempDir dir;
    for (int i = 0; i < 3; ++i) {
        const cv::Mat image(40 + i, 60, CV_8UC1, cv::Scalar(i * 50));
        REQUIRE(cv::imwrite(dir.file("img" + std::to_string(i) + ".png").string(), image));
    }
    test::writeFile(dir.file("img1b.png"), "not a png"); // sorts between img1 and img2
    test::writeFile(dir.file("notes.txt"), "ignored");

    SourceSettings settings;
    settings.loop = true;
    FrameSource source(SourceSpec::imageFolder(dir.path().string()), settings);
    std::vector<int> heights;
    auto t = Clock::now();
    for (int i = 0; i < 7; ++i) {
        const auto frame = source.next(t += 33ms);
        REQUIRE(frame.has_value());
        CHECK(frame->sequence == static_cast<std::uint64_t>(i + 1));
        CHECK(frame->captureTime == t);
        heights.push_back(frame->height);
    }
    CHECK(heights == std::vector<int>{40, 41, 42, 40, 41, 42, 40});
    CHECK(source.status().state == SourceState::Running);

    FrameSource once(SourceSpec::imageFolder(dir.path().string()));
    int frames = 0;
    while (once.next(t).has_value())
        ++frames;
    CHECK(frames == 3);
    CHECK(once.status().state == SourceState::Ended);
}

TEST_CASE("frame source: an empty folder is Lost with a reason") {
    test::TempDir dir;
    FrameSource source(SourceSpec::imageFolder(dir.path().string()));
    CHECK_FALSE(source.next(Clock::now()).has_value());
    CHECK(source.status().state == SourceState::Lost);
    CHECK(source.status().reason.find("no images") != std::string::npos);
}

TEST_CASE("frame source: readImageFile reports unreadable files and reads colour as RGB") {
    test::TempDir dir;
    test::writeFile(dir.file("broken.jpg"), "\xff\xd8 broken");
    const auto broken = readImageFile(dir.file("broken.jpg"));
    REQUIRE_FALSE(broken.has_value());
    CHECK(broken.error().message.find("broken.jpg") != std::string::npos);

    cv::Mat bgr(10, 20, CV_8UC3, cv::Scalar(255, 0, 0)); // blue in OpenCV's BGR order
    REQUIRE(cv::imwrite(dir.file("blue.png").string(), bgr));
    const auto blue = readImageFile(dir.file("blue.png"));
    REQUIRE(blue.has_value());
    CHECK(blue->format == PixelFormat::Rgb8);
    CHECK(blue->width == 20);
    CHECK(blue->height == 10);
    CHECK(blue->row(0)[0] == 0);
    CHECK(blue->row(0)[2] == 255);
}

TEST_CASE("frame source: specs parsed from command-line words") {
    CHECK(parseSourceSpec("camera:1").kind == SourceKind::Camera);
    CHECK(parseSourceSpec("camera:1").cameraIndex == 1);
    CHECK(parseSourceSpec("/dev/video2").location == "/dev/video2");
    CHECK(parseSourceSpec("rtsp://10.0.0.5/stream").kind == SourceKind::Stream);
    CHECK(parseSourceSpec("label.PNG").kind == SourceKind::ImageFile);
    CHECK(parseSourceSpec("shift.mp4").kind == SourceKind::VideoFile);
    test::TempDir dir;
    CHECK(parseSourceSpec(dir.path().string()).kind == SourceKind::ImageFolder);
}
