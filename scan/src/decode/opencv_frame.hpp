#pragma once
// Frame <-> cv::Mat, private to scan/: OpenCV stays behind our own Frame type.
#include "lotstation/scan/frame.hpp"

#include <opencv2/core.hpp>

namespace lotstation::scan::detail {

// A gray view of the frame: shares the pixels for Gray8, converts RGB. Empty Mat for an empty frame.
[[nodiscard]] cv::Mat grayOf(const Frame& frame);

// A frame holding a copy of an 8-bit gray or BGR(A) image (BGR is stored as RGB).
[[nodiscard]] Frame frameFromMat(const cv::Mat& image, std::chrono::steady_clock::time_point captureTime,
                                 std::uint64_t sequence);

} // namespace lotstation::scan::detail
