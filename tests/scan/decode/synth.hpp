#pragma once
// Synthetic test images: real symbols drawn by ZXing's writer, placed into OpenCV images, handed to the
// decoder as our own Frame type.
#include "lotstation/scan/frame.hpp"

#include <ZXing/BarcodeFormat.h>
#include <opencv2/core.hpp>
#include <string>

namespace lotstation::test {

// A symbol rendered at the given size, black on white, with ZXing's default quiet zone.
[[nodiscard]] cv::Mat renderSymbol(ZXing::BarcodeFormat format, const std::string& text, int width,
                                   int height);

// A copy of an 8-bit gray image as a Frame.
[[nodiscard]] scan::Frame grayFrame(const cv::Mat& gray, std::chrono::steady_clock::time_point time = {},
                                    std::uint64_t sequence = 0);

} // namespace lotstation::test
