// QR codes through libqrencode. QRcode_encodeString picks numeric / alphanumeric / byte segments itself,
// which is why our LS: payloads keep to the alphanumeric set.
#include "lotstation/labels/symbol.hpp"

#include <memory>
#include <qrencode.h>
#include <string>

namespace lotstation::labels {

namespace {

struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

QRecLevel toLevel(QrEcc ecc) {
    switch (ecc) {
    case QrEcc::L:
        return QR_ECLEVEL_L;
    case QrEcc::M:
        return QR_ECLEVEL_M;
    case QrEcc::Q:
        return QR_ECLEVEL_Q;
    case QrEcc::H:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

} // namespace

std::expected<ModuleMatrix, LabelError> encodeQr(std::string_view payload, QrEcc ecc) {
    if (payload.empty())
        return std::unexpected(LabelError{ErrorKind::Invalid, "QR payload is empty"});
    const std::string text(payload); // libqrencode wants a NUL-terminated string
    std::unique_ptr<QRcode, QrDeleter> code(QRcode_encodeString(text.c_str(), 0, toLevel(ecc), QR_MODE_8, 1));
    if (!code)
        return std::unexpected(LabelError{
            ErrorKind::Refused, "QR code cannot hold " + std::to_string(payload.size()) + " bytes"});
    ModuleMatrix matrix;
    matrix.width = code->width;
    matrix.height = code->width;
    matrix.quietZone = 4;
    const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.modules.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        matrix.modules[i] = code->data[i] & 1U; // bit 0: dark module
    return matrix;
}

} // namespace lotstation::labels
