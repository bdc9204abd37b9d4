#pragma once
// A plain 8-bit image in memory (camera preview frames, screenshots) and PNG files for it.
#include "lotstation/core/error.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <vector>

namespace lotstation::station {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 3; // 3 = RGB, 4 = RGBA; rows are tightly packed, top row first
    std::vector<std::uint8_t> pixels;

    [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }
    [[nodiscard]] std::size_t rowBytes() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    }
};

[[nodiscard]] std::expected<void, Error> writePng(const std::filesystem::path& path, const Image& image);
// Any PNG, converted to RGB.
[[nodiscard]] std::expected<Image, Error> readPng(const std::filesystem::path& path);

} // namespace lotstation::station
