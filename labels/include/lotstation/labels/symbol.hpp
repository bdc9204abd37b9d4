#pragma once
// Barcode symbols as plain module grids, independent of how they are drawn (cairo, ZPL). Our own type: no
// libqrencode or ZXing type crosses this border.
#include "lotstation/labels/label_error.hpp"
#include "lotstation/labels/label_template.hpp"

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::labels {

struct ModuleMatrix {
    int width = 0;                     // modules
    int height = 0;                    // modules; 1 for linear codes (bars are drawn to the box height)
    int quietZone = 0;                 // modules of white required on every side
    std::vector<std::uint8_t> modules; // row-major, 1 = dark

    [[nodiscard]] bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y * width + x)] != 0;
    }
};

[[nodiscard]] std::expected<ModuleMatrix, LabelError> encodeQr(std::string_view payload, QrEcc ecc);

// GS1-128 (Code 128 with FNC1 first) from a GS1 element string; ASCII 29 (GS) marks FNC1 separators.
[[nodiscard]] std::expected<ModuleMatrix, LabelError> encodeGs1_128(std::string_view elementString);

// GS1 DataMatrix (ECC 200 with FNC1 first) from a GS1 element string; GS marks FNC1 separators.
[[nodiscard]] std::expected<ModuleMatrix, LabelError> encodeGs1DataMatrix(std::string_view elementString);
// A plain DataMatrix (ECC 200, ASCII encodation) of printable ASCII text: our own payloads (LS:LOT:...).
[[nodiscard]] std::expected<ModuleMatrix, LabelError> encodeDataMatrix(std::string_view text);

} // namespace lotstation::labels
