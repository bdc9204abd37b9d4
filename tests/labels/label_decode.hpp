#pragma once
// Test helpers: decode rendered labels back (PNG bytes or PNG files) through the station's scan pipeline, and
// the shipped templates and sample label contents the tests share.
#include "lotstation/labels/labels.hpp"
#include "lotstation/scan/interpreter.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lotstation::labels::test {

struct DecodedCode {
    std::string text;        // GS1 data with ASCII 29 separators
    std::string symbologyId; // "]Q1", "]C1", "]d2", ...
    std::string format;      // "QRCode", "Code128", "DataMatrix"
};

// What the station makes of a decoded code (scan::interpret with its symbology identifier).
[[nodiscard]] scan::Meaning interpretCode(const DecodedCode& code);

// Every code found in a PNG image, read by the station's own scan pipeline (scan::decodeStill).
[[nodiscard]] std::vector<DecodedCode> decodePng(const Bytes& png);
// A symbol drawn straight from its modules (scale pixels each, quiet zone included); linear codes 40 px high.
[[nodiscard]] std::vector<DecodedCode> decodeMatrix(const ModuleMatrix& matrix, int scale);
[[nodiscard]] std::vector<DecodedCode> decodePngFile(const std::filesystem::path& file);
// The codes of the whole image, plus those read from each box (mm, image at dpi) cut out on its own, as a
// handheld scanner aimed at one symbol sees it: our decoder paints a found 1D symbol out generously, which
// hides a second one stacked right below it.
[[nodiscard]] std::vector<DecodedCode> decodePngWithBoxes(const Bytes& png, int dpi, const std::vector<BoxMm>& boxes);
[[nodiscard]] std::vector<DecodedCode> decodePngFileWithBoxes(const std::filesystem::path& file, int dpi,
                                                              const std::vector<BoxMm>& boxes);
// A rasterised sheet page cut into its label cells (as a scanner sees one label at a time), each decoded.
[[nodiscard]] std::vector<std::vector<DecodedCode>> decodeSheetPage(const std::filesystem::path& file,
                                                                    const SheetLayout& sheet, int dpi);

// The shipped templates (assets/labels of the source tree).
[[nodiscard]] const TemplateSet& shippedTemplates();
[[nodiscard]] const LabelTemplate& shippedTemplate(std::string_view name);

[[nodiscard]] LotLabelData sampleLot();         // lavender soap, no GTIN
[[nodiscard]] LotLabelData sampleLotWithGtin(); // same lot, GTIN 09506000134352, expiry 2027-11-24

// Counts dark pixels (luma < 128) outside the given boxes (in mm) of a PNG rendered at dpi.
[[nodiscard]] int darkPixelsOutside(const Bytes& png, int dpi, const std::vector<BoxMm>& boxes);

// Pixels that are neither pure black nor pure white.
[[nodiscard]] int midtonePixels(const Bytes& png);

} // namespace lotstation::labels::test
