// A lot's tag EPC from its GTIN, serial, lot code and dates (see lot_epc.hpp).
#include "lotstation/formats/lot_epc.hpp"

#include "lotstation/formats/gtin.hpp"

namespace lotstation::formats {

Result<Epc> lotEpc(const LotTag& tag) {
    if (tag.scheme != EpcScheme::Sgtin96 && tag.scheme != EpcScheme::SgtinPlus &&
        tag.scheme != EpcScheme::DsgtinPlus)
        return fail(ErrorKind::Invalid, std::string("a lot's tag is encoded as sgtin-96, sgtin+ or dsgtin+, not ") +
                                            toString(tag.scheme));
    if (!tag.gtin)
        return fail(ErrorKind::Invalid, "lot " + tag.lot + " has no GTIN (its item has none); an " +
                                            toString(tag.scheme) + " tag needs one: item add --gtin");
    auto gtin = normaliseGtin(*tag.gtin);
    if (!gtin) return std::unexpected(gtin.error());
    if (tag.serial.empty())
        return fail(ErrorKind::Invalid, "lot " + tag.lot + ": an " + std::string(toString(tag.scheme)) +
                                            " tag needs a serial");
    Epc epc;
    epc.scheme = tag.scheme;
    epc.filter = tag.filter;
    epc.companyPrefixDigits = tag.scheme == EpcScheme::Sgtin96 ? tag.companyPrefixDigits : 0;
    epc.elements = {{"01", *gtin}, {"21", tag.serial}};
    if (tag.scheme == EpcScheme::DsgtinPlus) {
        if (!tag.expiry && !tag.bestBefore)
            return fail(ErrorKind::Invalid,
                        "lot " + tag.lot + " has no expiry or best-before date; dsgtin+ carries one");
        epc.elements.push_back(tag.expiry ? EpcElement{"17", *tag.expiry} : EpcElement{"15", *tag.bestBefore});
    }
    if (tag.scheme != EpcScheme::Sgtin96) {
        epc.elements.push_back({"10", tag.lot});
        if (tag.scheme == EpcScheme::SgtinPlus && tag.expiry) epc.elements.push_back({"17", *tag.expiry});
    }
    // The encoder checks what each scheme can hold (serial digits and range, partition, lot characters).
    if (auto hex = encodeEpcHex(epc); !hex)
        return fail(hex.error().kind, "lot " + tag.lot + ": " + hex.error().message);
    return epc;
}

Result<std::string> lotEpcHex(const LotTag& tag) {
    auto epc = lotEpc(tag);
    if (!epc) return std::unexpected(epc.error());
    return encodeEpcHex(*epc);
}

} // namespace lotstation::formats
