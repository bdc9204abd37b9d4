#include "synth.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace lotstation::test {

cv::Mat renderSymbol(ZXing::BarcodeFormat format, const std::string& text, int width, int height) {
    const auto bits = ZXing::MultiFormatWriter(format).setMargin(10).encode(text, width, height);
    const auto matrix = ZXing::ToMatrix<std::uint8_t>(bits);
    cv::Mat image(matrix.height(), matrix.width(), CV_8UC1);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            image.at<std::uint8_t>(y, x) = matrix.get(x, y);
    return image;
}

scan::Frame grayFrame(const cv::Mat& gray, std::chrono::steady_clock::time_point time,
                      std::uint64_t sequence) {
    const cv::Mat packed = gray.isContinuous() ? gray : gray.clone();
    std::vector<std::uint8_t> pixels(packed.datastart, packed.dataend);
    return scan::makeFrame(packed.cols, packed.rows, scan::PixelFormat::Gray8, std::move(pixels), time,
                           sequence);
}

} // namespace lotstation::test
