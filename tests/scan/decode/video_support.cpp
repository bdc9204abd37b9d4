#include "video_support.hpp"

#include "synth.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <random>

namespace lotstation::test {

bool writeLabelVideo(const std::filesystem::path& path, const VideoScript& script) {
    cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30.0,
                           {script.width, script.height}, false);
    if (!writer.isOpened()) return false;
    std::mt19937 rng(7);
    std::normal_distribution<float> jitter(0.0f, 6.0f);
    auto background = [&] {
        cv::Mat frame(script.height, script.width, CV_8UC1, cv::Scalar(150));
        cv::Mat noise(frame.size(), CV_16SC1);
        cv::randn(noise, 0, 14);
        cv::Mat out;
        frame.convertTo(out, CV_16SC1);
        out += noise;
        out.convertTo(out, CV_8UC1);
        return out;
    };
    for (const auto& label : script.labels) {
        const cv::Mat symbol = renderSymbol(ZXing::BarcodeFormat::QRCode, label, 220, 220);
        const std::vector<cv::Point2f> from{{0, 0},
                                            {float(symbol.cols), 0},
                                            {float(symbol.cols), float(symbol.rows)},
                                            {0, float(symbol.rows)}};
        for (int i = 0; i < script.framesPerLabel; ++i) {
            cv::Mat frame = background();
            // Moves left to right, bobbing up and down, seen at a slant (perspective) that changes.
            const float x = 60.0f + float(i) * float(script.width - 420) / float(script.framesPerLabel);
            const float y = 200.0f + 60.0f * std::sin(float(i) / 5.0f);
            const float slant = 30.0f * std::sin(float(i) / 7.0f);
            const std::vector<cv::Point2f> to{{x + jitter(rng), y + slant},
                                              {x + 230 + jitter(rng), y - slant / 2},
                                              {x + 250 + jitter(rng), y + 240 + slant / 2},
                                              {x - 10 + jitter(rng), y + 230 - slant}};
            cv::warpPerspective(symbol, frame, cv::getPerspectiveTransform(from, to), frame.size(),
                                cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
            cv::GaussianBlur(frame, frame, {5, 5}, 1.1);
            writer.write(frame);
        }
        for (int i = 0; i < script.gapFrames; ++i)
            writer.write(background());
    }
    return true;
}

} // namespace lotstation::test
