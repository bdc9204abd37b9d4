#include "lotstation/station/jpeg.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace lotstation::station {

std::expected<std::string, Error> encodeJpeg(const Image& image, int quality) {
    if (image.empty()) return fail(ErrorKind::Invalid, "there is no picture to save");
    if (image.channels != 3 && image.channels != 4)
        return fail(ErrorKind::Invalid, "a picture of " + std::to_string(image.channels) + " channels cannot be saved");
    if (image.pixels.size() < image.rowBytes() * static_cast<std::size_t>(image.height))
        return fail(ErrorKind::Invalid, "the picture is cut short");
    try {
        // The frame is RGB(A), top row first; OpenCV encodes BGR. The Mat borrows the pixels (const only in
        // spirit: cvtColor reads them).
        const cv::Mat rgb(image.height, image.width, image.channels == 3 ? CV_8UC3 : CV_8UC4,
                          const_cast<std::uint8_t*>(image.pixels.data()), image.rowBytes());
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, image.channels == 3 ? cv::COLOR_RGB2BGR : cv::COLOR_RGBA2BGR);
        std::vector<unsigned char> bytes;
        if (!cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality}))
            return fail(ErrorKind::Io, "the picture could not be encoded as JPEG");
        return std::string(bytes.begin(), bytes.end());
    } catch (const cv::Exception& e) {
        return fail(ErrorKind::Io, std::string("the picture could not be encoded as JPEG: ") + e.what());
    }
}

} // namespace lotstation::station
