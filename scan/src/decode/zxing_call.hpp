#pragma once
// The only place that talks to ZXing-cpp. It calls ReadBarcodes in a way that never reaches the assertion
// in ZXing 1.4.0's Result::operator== (see zxing_call.cpp), and turns results into ScannedCodes.
#include "lotstation/scan/decoder.hpp"

#include <cstdint>
#include <vector>

namespace lotstation::scan::detail {

// A non-owning 8-bit grayscale view.
struct GrayView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;
};

// Maps pass coordinates back to frame coordinates: frame = pass * scale + offset.
struct PassGeometry {
    double scale = 1.0;
    int offsetX = 0;
    int offsetY = 0;
};

enum class Threshold { Local, GlobalHistogram };

struct PassOptions {
    bool tryHarder = true;
    bool tryRotate = true;
    bool tryDownscale = true; // matrix codes only; linear codes pass one scale per call (see .cpp)
    Threshold threshold = Threshold::Local;
    int maxSymbols = 8;
};

// Codes found in the view; positions mapped through geometry. Never throws. When matrixCandidate is given,
// it is set if ZXing located a 2D symbol it could not decode (something code-like is there).
[[nodiscard]] std::vector<ScannedCode> readCodes(const GrayView& view, const SymbologySet& symbologies,
                                                 const PassOptions& options,
                                                 const PassGeometry& geometry = {},
                                                 bool* matrixCandidate = nullptr);

// The 2D (matrix) or the 1D (linear) symbologies of a set: they want different resolutions.
[[nodiscard]] SymbologySet matrixPart(const SymbologySet& set);
[[nodiscard]] SymbologySet linearPart(const SymbologySet& set);

// Adds the codes of `more` to `into` unless the same symbol (same symbology and text at an overlapping place)
// is already there.
void mergeCodes(std::vector<ScannedCode>& into, std::vector<ScannedCode> more);

} // namespace lotstation::scan::detail
