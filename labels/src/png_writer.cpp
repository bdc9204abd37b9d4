#include "png_writer.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <zlib.h>

namespace lotstation::labels {

namespace {

void putBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 24));
    out.push_back(static_cast<std::uint8_t>(value >> 16));
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value));
}

void putChunk(std::vector<std::uint8_t>& out, std::string_view type, std::span<const std::uint8_t> data) {
    putBigEndian(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t typeStart = out.size();
    out.insert(out.end(), type.begin(), type.end());
    out.insert(out.end(), data.begin(), data.end());
    const auto crc = ::crc32(0L, out.data() + typeStart, static_cast<uInt>(out.size() - typeStart));
    putBigEndian(out, static_cast<std::uint32_t>(crc));
}

} // namespace

std::vector<std::uint8_t> encodeGrayPng(std::span<const std::uint8_t> pixels, int width, int height,
                                        int stride, int dpi) {
    // Filter type 0 (none) on every row: long white runs are what deflate compresses best anyway.
    std::vector<std::uint8_t> raw;
    raw.reserve(static_cast<std::size_t>((width + 1) * height));
    for (int y = 0; y < height; ++y) {
        raw.push_back(0);
        const auto row =
            pixels.subspan(static_cast<std::size_t>(y * stride), static_cast<std::size_t>(width));
        raw.insert(raw.end(), row.begin(), row.end());
    }
    uLongf compressedSize = ::compressBound(static_cast<uLong>(raw.size()));
    std::vector<std::uint8_t> compressed(compressedSize);
    if (::compress2(compressed.data(), &compressedSize, raw.data(), static_cast<uLong>(raw.size()), 1) !=
        Z_OK)
        throw std::runtime_error("zlib could not compress the PNG image data"); // only on out-of-memory
    compressed.resize(compressedSize);

    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> header;
    putBigEndian(header, static_cast<std::uint32_t>(width));
    putBigEndian(header, static_cast<std::uint32_t>(height));
    header.insert(header.end(),
                  {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, adaptive filtering, no interlace
    putChunk(png, "IHDR", header);
    std::vector<std::uint8_t> physical;
    const auto pixelsPerMetre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    putBigEndian(physical, pixelsPerMetre);
    putBigEndian(physical, pixelsPerMetre);
    physical.push_back(1); // unit: metre
    putChunk(png, "pHYs", physical);
    putChunk(png, "IDAT", compressed);
    putChunk(png, "IEND", {});
    return png;
}

} // namespace lotstation::labels
