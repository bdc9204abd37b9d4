#include "decode/opencv_frame.hpp"

#include <opencv2/imgproc.hpp>

namespace lotstation::scan {

Frame makeFrame(int width, int height, PixelFormat format, std::vector<std::uint8_t> pixels,
                std::chrono::steady_clock::time_point captureTime, std::uint64_t sequence) {
    const auto needed = static_cast<std::size_t>(std::max(width, 0)) *
                        static_cast<std::size_t>(std::max(height, 0)) *
                        static_cast<std::size_t>(bytesPerPixel(format));
    if (width <= 0 || height <= 0 || pixels.size() < needed) return {};
    Frame frame;
    frame.width = width;
    frame.height = height;
    frame.format = format;
    frame.stride = width * bytesPerPixel(format);
    frame.pixels = std::make_shared<const std::vector<std::uint8_t>>(std::move(pixels));
    frame.captureTime = captureTime;
    frame.sequence = sequence;
    return frame;
}

namespace detail {

cv::Mat grayOf(const Frame& frame) {
    if (frame.empty()) return {};
    auto* data = const_cast<std::uint8_t*>(frame.pixels->data()); // cv::Mat wants non-const; we never write
    if (frame.format == PixelFormat::Gray8)
        return {frame.height, frame.width, CV_8UC1, data, static_cast<std::size_t>(frame.stride)};
    const cv::Mat rgb(frame.height, frame.width, CV_8UC3, data, static_cast<std::size_t>(frame.stride));
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    return gray;
}

Frame frameFromMat(const cv::Mat& image, std::chrono::steady_clock::time_point captureTime,
                   std::uint64_t sequence) {
    if (image.empty() || image.depth() != CV_8U) return {};
    cv::Mat packed;
    PixelFormat format = PixelFormat::Gray8;
    switch (image.channels()) {
    case 1:
        packed = image.isContinuous() ? image : image.clone();
        break;
    case 3:
        cv::cvtColor(image, packed, cv::COLOR_BGR2RGB);
        format = PixelFormat::Rgb8;
        break;
    case 4:
        cv::cvtColor(image, packed, cv::COLOR_BGRA2RGB);
        format = PixelFormat::Rgb8;
        break;
    default:
        return {};
    }
    std::vector<std::uint8_t> pixels(packed.datastart, packed.dataend);
    return makeFrame(packed.cols, packed.rows, format, std::move(pixels), captureTime, sequence);
}

} // namespace detail
} // namespace lotstation::scan
