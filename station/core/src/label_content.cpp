#include "lotstation/station/label_content.hpp"

namespace lotstation::station {

storage::Result<labels::LotLabelData> lotLabelContent(const storage::Ledger& ledger, std::string_view lotCode,
                                                      std::string_view quantityText) {
    auto lot = ledger.lot(lotCode);
    if (!lot) return std::unexpected(lot.error());
    auto item = ledger.item(lot->sku);
    if (!item) return std::unexpected(item.error());
    labels::LotLabelData content;
    content.itemName = item->name;
    content.sku = item->sku;
    content.lotCode = lot->code;
    content.gtin = item->gtin;
    content.produced = lot->originDate;
    content.expiry = lot->expiry;
    content.bestBefore = lot->bestBefore;
    content.quantity = std::string(quantityText);
    if (quantityText.empty()) {
        auto onHand = ledger.onHand(lot->code);
        if (!onHand) return std::unexpected(onHand.error());
        content.quantity = storage::formatQuantity(*onHand, item->uom);
    }
    content.supplierLot = lot->supplierLot.value_or("");
    return content;
}

storage::Result<labels::LocationLabelData> locationLabelContent(const storage::Ledger& ledger,
                                                                std::string_view code) {
    auto location = ledger.location(code);
    if (!location) return std::unexpected(location.error());
    return labels::LocationLabelData{location->code, location->name};
}

storage::Result<labels::BadgeLabelData> badgeLabelContent(const storage::Ledger& ledger,
                                                          std::string_view nameOrBadge) {
    auto user = ledger.user(nameOrBadge);
    if (!user) user = ledger.userByBadge(nameOrBadge);
    if (!user) return std::unexpected(user.error());
    if (!user->badge)
        return storage::fail(storage::ErrorKind::Invalid,
                             "user " + user->name + " has no badge code to print");
    return labels::BadgeLabelData{user->name, *user->badge};
}

} // namespace lotstation::station
