// GS1-128 through ZXing's Code 128 writer: in ZXing 1.4 the character U+00F1 stands for FNC1, so a leading
// one makes the symbol GS1 (]C1) and later ones are the field separators.
#define ZX_USE_UTF8 1
#include "gs1_text.hpp"
#include "lotstation/labels/symbol.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <exception>

namespace lotstation::labels {

std::expected<ModuleMatrix, LabelError> encodeGs1_128(std::string_view elementString) {
    constexpr std::string_view kFnc1 = "\xC3\xB1"; // U+00F1 in UTF-8
    std::string input(kFnc1);
    for (char c : elementString) {
        if (c == kGroupSeparator) {
            input += kFnc1;
        } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
            return std::unexpected(LabelError{ErrorKind::Invalid,
                                              "GS1-128 data holds a character outside printable ASCII"});
        } else {
            input.push_back(c);
        }
    }
    try {
        const ZXing::BitMatrix bits =
            ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(input, 0, 0);
        ModuleMatrix matrix;
        matrix.width = bits.width();
        matrix.height = 1;
        matrix.quietZone = 10; // GS1 General Specifications: 10 X on each side of a GS1-128 symbol
        matrix.modules.resize(static_cast<std::size_t>(matrix.width));
        for (int x = 0; x < matrix.width; ++x)
            matrix.modules[static_cast<std::size_t>(x)] = bits.get(x, 0) ? 1 : 0;
        return matrix;
    } catch (const std::exception& e) {
        return std::unexpected(
            LabelError{ErrorKind::Refused, std::string("GS1-128 encoder: ") + e.what()});
    }
}

} // namespace lotstation::labels
