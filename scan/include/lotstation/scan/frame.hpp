#pragma once
// One camera / video / image frame as our own value type: shared, immutable pixels, so a frame can be handed
// to the decoder thread without copying and without any OpenCV type in sight.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace lotstation::scan {

enum class PixelFormat { Gray8, Rgb8 };

[[nodiscard]] constexpr int bytesPerPixel(PixelFormat format) {
    return format == PixelFormat::Gray8 ? 1 : 3;
}

struct Frame {
    int width = 0;
    int height = 0;
    PixelFormat format = PixelFormat::Gray8;
    int stride = 0; // bytes per row
    std::shared_ptr<const std::vector<std::uint8_t>> pixels;
    std::chrono::steady_clock::time_point captureTime{};
    std::uint64_t sequence = 0;

    [[nodiscard]] bool empty() const { return !pixels || width <= 0 || height <= 0; }
    [[nodiscard]] const std::uint8_t* row(int y) const {
        return pixels->data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
    }
};

// Builds a frame by taking over a tightly packed pixel buffer (stride = width * bytesPerPixel).
// Returns an empty frame when the buffer is too small for the given size.
[[nodiscard]] Frame makeFrame(int width, int height, PixelFormat format, std::vector<std::uint8_t> pixels,
                              std::chrono::steady_clock::time_point captureTime = {},
                              std::uint64_t sequence = 0);

} // namespace lotstation::scan
