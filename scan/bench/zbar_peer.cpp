#include "peers.hpp"

// zbar.h and ZXing's headers cannot share a translation unit (ZXing's Error.h defines macros that clash
// with zbar's C++ exception classes), hence this file of its own.
#include <chrono>
#include <cstring>
#include <vector>
#include <zbar.h>

namespace lotstation::bench {
using namespace zbar; // zbar.h puts its C API in namespace zbar when compiled as C++

PeerResult zbar(const GrayImage& image) {
    PeerResult result;
    const auto start = std::chrono::steady_clock::now();
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(scanner, ZBAR_UPCA, ZBAR_CFG_ENABLE, 1); // else UPC-A reads as EAN-13
    zbar_image_t* zimage = zbar_image_create();
    constexpr unsigned long kGray = 'Y' | ('8' << 8) | ('0' << 16) | (static_cast<unsigned long>('0') << 24);
    zbar_image_set_format(zimage, kGray);
    zbar_image_set_size(zimage, static_cast<unsigned>(image.width), static_cast<unsigned>(image.height));
    // zbar wants a packed buffer; the copy is part of what using zbar costs.
    std::vector<std::uint8_t> packed(static_cast<std::size_t>(image.width) *
                                     static_cast<std::size_t>(image.height));
    for (int y = 0; y < image.height; ++y)
        std::memcpy(packed.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width),
                    image.data + static_cast<std::ptrdiff_t>(y) * image.stride,
                    static_cast<std::size_t>(image.width));
    zbar_image_set_data(zimage, packed.data(), packed.size(), nullptr);
    zbar_scan_image(scanner, zimage);
    for (const zbar_symbol_t* s = zbar_image_first_symbol(zimage); s != nullptr; s = zbar_symbol_next(s))
        result.texts.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
    zbar_image_destroy(zimage);
    zbar_image_scanner_destroy(scanner);
    result.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace lotstation::bench
