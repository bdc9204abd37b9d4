#pragma once
// The peers the benchmark compares against: plain ZXing 1.4 (ReadBarcodes with try-harder, i.e. its
// defaults) and zbar. Plain ZXing aborts the process on some inputs, so it runs in a child process per image.
#include <cstdint>
#include <string>
#include <vector>

namespace lotstation::bench {

struct GrayImage {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
};

struct PeerResult {
    std::vector<std::string> texts;
    double milliseconds = 0;
    double cpuMilliseconds = 0; // user + system time of the child process (plain ZXing only)
    bool crashed = false;
};

[[nodiscard]] PeerResult plainZxing(const GrayImage& image);
[[nodiscard]] PeerResult zbar(const GrayImage& image);

} // namespace lotstation::bench
