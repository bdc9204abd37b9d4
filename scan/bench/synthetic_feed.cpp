#include "synthetic_feed.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <random>

namespace lotstation::bench {
namespace {

cv::Mat render(ZXing::BarcodeFormat format, const std::string& text, int width, int height) {
    const auto bits = ZXing::MultiFormatWriter(format).setMargin(12).encode(text, width, height);
    const auto matrix = ZXing::ToMatrix<std::uint8_t>(bits);
    cv::Mat image(matrix.height(), matrix.width(), CV_8UC1);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            image.at<std::uint8_t>(y, x) = matrix.get(x, y);
    return image;
}

cv::Mat scene(int width, int height, std::mt19937& rng) {
    // A workbench: uneven light, a few dark objects, sensor noise.
    cv::Mat frame(height, width, CV_8UC1);
    for (int y = 0; y < height; ++y) {
        auto* row = frame.ptr<std::uint8_t>(y);
        for (int x = 0; x < width; ++x)
            row[x] = static_cast<std::uint8_t>(110 + 60 * x / width + 30 * y / height);
    }
    std::uniform_int_distribution<int> px(0, width - 200), py(0, height - 200), shade(20, 90);
    for (int i = 0; i < 6; ++i)
        cv::rectangle(frame, cv::Rect(px(rng), py(rng), 180, 120), cv::Scalar(shade(rng)), cv::FILLED);
    cv::Mat noise(frame.size(), CV_16SC1);
    cv::randn(noise, 0, 10);
    cv::Mat out;
    frame.convertTo(out, CV_16SC1);
    out += noise;
    out.convertTo(out, CV_8UC1);
    return out;
}

} // namespace

std::vector<cv::Mat> makeEmptyFrames(int count, int width, int height) {
    std::mt19937 rng(99);
    std::vector<cv::Mat> frames;
    for (int i = 0; i < count; ++i)
        frames.push_back(scene(width, height, rng));
    return frames;
}

std::vector<FeedClip> makeClips(int framesPerClip, int width, int height) {
    struct Label {
        ZXing::BarcodeFormat format;
        std::string text;
        int w, h;
    };
    const std::vector<Label> labels{
        {ZXing::BarcodeFormat::QRCode, "https://lots.example/01/09501101530003/10/SOAP-2411", 300, 300},
        {ZXing::BarcodeFormat::Code128, "LOT-2411-0007", 520, 180},
        {ZXing::BarcodeFormat::DataMatrix, "LS1:LOC:SHELF-B3", 220, 220},
        {ZXing::BarcodeFormat::QRCode, "LS1:CMD:FINISH", 260, 260},
    };
    std::mt19937 rng(2411);
    std::normal_distribution<float> jitter(0.0f, 5.0f);
    std::vector<FeedClip> clips;
    for (const auto& label : labels) {
        FeedClip clip{label.text, {}};
        const cv::Mat symbol = render(label.format, label.text, label.w, label.h);
        const float sw = float(symbol.cols), sh = float(symbol.rows);
        const std::vector<cv::Point2f> from{{0, 0}, {sw, 0}, {sw, sh}, {0, sh}};
        const cv::Mat base = scene(width, height, rng);
        for (int i = 0; i < framesPerClip; ++i) {
            cv::Mat frame = base.clone();
            const float t = float(i) / float(std::max(1, framesPerClip - 1));
            const float x = 200.0f + t * float(width - 400 - symbol.cols);
            const float y = float(height) / 3 + 120.0f * std::sin(t * 6.0f);
            const float slant = 0.12f * sw * std::sin(t * 4.0f + 1.0f);
            const std::vector<cv::Point2f> to{{x + jitter(rng), y + slant},
                                              {x + sw + jitter(rng), y - slant / 2},
                                              {x + sw * 1.05f + jitter(rng), y + sh + slant / 2},
                                              {x - sw * 0.05f + jitter(rng), y + sh - slant}};
            cv::warpPerspective(symbol, frame, cv::getPerspectiveTransform(from, to), frame.size(),
                                cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
            cv::GaussianBlur(frame, frame, {5, 5}, 1.2);
            clip.frames.push_back(std::move(frame));
        }
        clips.push_back(std::move(clip));
    }
    return clips;
}

} // namespace lotstation::bench
