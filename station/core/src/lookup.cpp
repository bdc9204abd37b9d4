#include "lotstation/station/lookup.hpp"

#include "lotstation/scan/interpreter.hpp"
#include "lotstation/storage/lot_tags.hpp"

namespace lotstation::station {
namespace {

// GS1 data names a lot by GTIN + lot (our code, or the supplier's code of that item), or by GTIN + serial when
// that is an RFID tag the ledger recorded for a lot (an SGTIN-96 carries no lot); a GTIN alone is an item.
LookupResult fromGs1(const storage::Ledger& ledger, const scan::Gs1Data& data, const char* via) {
    if (data.gtin && data.lot) {
        if (auto lot = ledger.lotByGtin(*data.gtin, *data.lot)) return FoundLots{{*lot}, via};
        auto bySupplierLot = ledger.lotsBySupplierLot(*data.lot);
        if (bySupplierLot && !bySupplierLot->empty())
            return FoundLots{std::move(*bySupplierLot), "supplier lot"};
        if (auto item = ledger.itemByGtin(*data.gtin))
            return NotFound{"lot " + *data.lot + " of " + item->sku +
                            " is not in this station's ledger (yet)"};
        return NotFound{"no item has GTIN " + *data.gtin + " and no lot is called " + *data.lot};
    }
    if (data.gtin && data.serial) {
        if (auto tag = storage::lotTag(ledger, *data.gtin, *data.serial))
            if (auto lot = ledger.lot(tag->lot)) return FoundLots{{*lot}, "RFID tag"};
    }
    if (data.gtin) {
        if (auto item = ledger.itemByGtin(*data.gtin)) return FoundItem{*item, "GTIN"};
        return NotFound{"no item has GTIN " + *data.gtin};
    }
    if (data.lot) return lookUpText(ledger, *data.lot);
    return NotFound{"this GS1 code names no GTIN or lot"};
}

LookupResult fromKey(const storage::Ledger& ledger, const scan::LookupKey& key) {
    if (auto lot = ledger.lot(key.key)) return FoundLots{{*lot}, "lot code"};
    if (auto lots = ledger.lotsBySupplierLot(key.key); lots && !lots->empty())
        return FoundLots{std::move(*lots), "supplier lot"};
    if (auto item = ledger.item(key.key)) return FoundItem{*item, "SKU"};
    if (key.gtin)
        if (auto item = ledger.itemByGtin(*key.gtin)) return FoundItem{*item, "GTIN"};
    if (auto location = ledger.location(key.key)) return FoundLocation{*location};
    return NotFound{"nothing called " + key.key + ": not a lot, supplier lot, SKU or location code"};
}

} // namespace

LookupResult lookUp(const storage::Ledger& ledger, const scan::Meaning& meaning) {
    return std::visit(
        [&ledger](const auto& value) -> LookupResult {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, scan::Gs1Data>) {
                return fromGs1(ledger, value, "GS1 label");
            } else if constexpr (std::is_same_v<T, scan::DigitalLink>) {
                return fromGs1(ledger, value.data, "GS1 Digital Link");
            } else if constexpr (std::is_same_v<T, scan::OwnLot>) {
                if (auto lot = ledger.lot(value.lot)) return FoundLots{{*lot}, "lot label"};
                return NotFound{"lot " + value.lot + " is not in this station's ledger (yet)"};
            } else if constexpr (std::is_same_v<T, scan::OwnLocation>) {
                if (auto location = ledger.location(value.location)) return FoundLocation{*location};
                return NotFound{"no location " + value.location};
            } else if constexpr (std::is_same_v<T, scan::OwnBadge>) {
                if (auto user = ledger.userByBadge(value.badge)) return FoundUser{*user};
                return NotFound{"no user has badge " + value.badge};
            } else if constexpr (std::is_same_v<T, scan::OwnCommand>) {
                return FoundCommand{value.command};
            } else if constexpr (std::is_same_v<T, scan::LookupKey>) {
                return fromKey(ledger, value);
            } else {
                return NotFound{"read \"" + value.shown + "\" but " + value.reason};
            }
        },
        meaning);
}

LookupResult lookUpText(const storage::Ledger& ledger, std::string_view text) {
    return lookUp(ledger, scan::interpret(text));
}

} // namespace lotstation::station
