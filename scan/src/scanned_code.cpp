#include "lotstation/scan/scanned_code.hpp"

namespace lotstation::scan {

const char* symbologyName(Symbology symbology) {
    switch (symbology) {
    case Symbology::QrCode:
        return "QR Code";
    case Symbology::DataMatrix:
        return "Data Matrix";
    case Symbology::Code128:
        return "Code 128";
    case Symbology::Ean13:
        return "EAN-13";
    case Symbology::Ean8:
        return "EAN-8";
    case Symbology::UpcA:
        return "UPC-A";
    case Symbology::UpcE:
        return "UPC-E";
    case Symbology::Itf:
        return "ITF";
    case Symbology::DataBar:
        return "DataBar";
    case Symbology::DataBarExpanded:
        return "DataBar Expanded";
    case Symbology::Code39:
        return "Code 39";
    case Symbology::Pdf417:
        return "PDF417";
    case Symbology::Unknown:
        break;
    }
    return "unknown";
}

} // namespace lotstation::scan
