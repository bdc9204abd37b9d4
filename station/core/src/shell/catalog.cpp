#include "lotstation/station/catalog.hpp"

namespace lotstation::station {
namespace {

namespace st = storage;

std::string itemDetail(const st::Item& item) {
    return item.sku + " · " + st::toString(item.kind) + " · " + st::toString(item.uom);
}

} // namespace

Catalog catalogOf(const st::Ledger& ledger) {
    Catalog catalog;
    for (const auto& item : ledger.items()) {
        catalog.items.push_back({item.sku, item.name, itemDetail(item)});
        // Intermediates (a soap base) are made in runs too, so every item with a recipe is offered.
        if (ledger.recipe(item.sku))
            catalog.recipes.push_back(
                {item.sku, item.name, std::string(st::toString(item.kind)) + " · " + item.sku});
    }
    for (const auto& location : ledger.locations())
        catalog.locations.push_back(
            {location.code, location.name, location.code + " · " + st::toString(location.kind)});
    for (const auto& supplier : ledger.suppliers())
        catalog.suppliers.push_back({supplier.code, supplier.name, supplier.code});
    for (const auto& customer : ledger.customers())
        catalog.customers.push_back({customer.code, customer.name, customer.code});
    for (const auto& user : ledger.users())
        catalog.users.push_back(
            {user.name, user.name,
             std::string(st::toString(user.role)) + (user.hasPin ? "" : " · badge only")});
    return catalog;
}

} // namespace lotstation::station
