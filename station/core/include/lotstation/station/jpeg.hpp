#pragma once
// A camera frame as the bytes of a JPEG file (OpenCV's encoder): the photos a QA person attaches to a lot.
#include "lotstation/core/error.hpp"
#include "lotstation/station/image.hpp"

#include <expected>
#include <string>

namespace lotstation::station {

// quality: 0-100 (OpenCV's IMWRITE_JPEG_QUALITY). Refused for an empty image or one that is not RGB / RGBA.
[[nodiscard]] std::expected<std::string, Error> encodeJpeg(const Image& image, int quality = 85);

} // namespace lotstation::station
