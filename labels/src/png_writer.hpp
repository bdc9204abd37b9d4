#pragma once
// A small PNG encoder for 8-bit grayscale images. Labels are black on white: grey PNGs are a third the size
// of cairo's RGB ones and encode several times faster (cairo's writer converts and deflates every RGBA
// pixel).
#include <cstdint>
#include <span>
#include <vector>

namespace lotstation::labels {

// pixels: height rows of width bytes (0 = black, 255 = white), rows stride bytes apart. dpi is recorded
// (pHYs) so printers and viewers know the physical size.
[[nodiscard]] std::vector<std::uint8_t> encodeGrayPng(std::span<const std::uint8_t> pixels, int width,
                                                      int height, int stride, int dpi);

} // namespace lotstation::labels
