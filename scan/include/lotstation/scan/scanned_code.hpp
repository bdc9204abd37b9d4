#pragma once
// What one registered scan is, whichever way it arrived (camera frame, image file, keyboard-wedge scanner).
// This is the value that crosses from scan/ to the station core; no ZXing or OpenCV type leaks past it.
#include <array>
#include <chrono>
#include <optional>
#include <string>

namespace lotstation::scan {

enum class Symbology {
    QrCode,
    DataMatrix,
    Code128,
    Ean13,
    Ean8,
    UpcA,
    UpcE,
    Itf,
    DataBar,
    DataBarExpanded,
    Code39,
    Pdf417,
    Unknown,
};

// "QR Code", "Data Matrix", "Code 128", "EAN-13", ... as people and the command line name them.
[[nodiscard]] const char* symbologyName(Symbology symbology);

enum class ScanOrigin { Camera, File, Wedge };

struct Point {
    int x = 0;
    int y = 0;
};

// Corners in frame pixels, clockwise from top-left of the symbol as the decoder saw it.
struct Quad {
    std::array<Point, 4> corners{};
};

struct ScannedCode {
    // Decoded content. GS1 data (GS1-128, GS1 DataMatrix, GS1 QR, DataBar) is the raw element string with
    // ASCII 29 (GS) ending variable-length fields, never the parenthesised human-readable form.
    std::string text;
    Symbology symbology = Symbology::Unknown;
    // AIM symbology identifier, e.g. "]Q1", "]C1", "]d2", "]e0"; empty when the source did not send one.
    std::string symbologyId;
    std::optional<Quad> position; // absent for wedge input
    ScanOrigin origin = ScanOrigin::Camera;
    std::chrono::steady_clock::time_point frameTime{};
};

} // namespace lotstation::scan
