// ^RS / ^RFW for a lot label's tag (see zpl_rfid.hpp); the EPC comes from formats' one lot-tag rule.
#include "zpl_rfid.hpp"

#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/lot_epc.hpp"

namespace lotstation::labels {

std::expected<std::string, LabelError> zplTagCommands(const LabelTemplate& tmpl, const LotLabelData& lot) {
    if (!tmpl.rfid) return std::string();
    if (lot.tagSerial.empty())
        return std::unexpected(LabelError{
            ErrorKind::Invalid, "template " + tmpl.name + " encodes an RFID tag, but lot " + lot.lotCode +
                                    " has no tag serial assigned (lotstation label assigns one)"});
    formats::LotTag tag;
    tag.scheme = tmpl.rfid->scheme;
    tag.filter = tmpl.rfid->filter;
    tag.companyPrefixDigits = tmpl.rfid->companyPrefixLength;
    tag.lot = lot.lotCode;
    tag.gtin = lot.gtin;
    tag.serial = lot.tagSerial;
    if (lot.expiry) {
        auto date = formats::toGs1Date(*lot.expiry, "expiry");
        if (!date) return std::unexpected(LabelError{ErrorKind::Invalid, date.error().message});
        tag.expiry = *date;
    }
    if (lot.bestBefore) {
        auto date = formats::toGs1Date(*lot.bestBefore, "best-before date");
        if (!date) return std::unexpected(LabelError{ErrorKind::Invalid, date.error().message});
        tag.bestBefore = *date;
    }
    auto hex = formats::lotEpcHex(tag);
    if (!hex) return std::unexpected(LabelError{ErrorKind::Invalid, hex.error().message});
    const char* bank = hex->size() == 24 ? "" : ",,,A";
    return "^RS8^RFW,H" + std::string(bank) + "^FD" + *hex + "^FS\n";
}

} // namespace lotstation::labels
