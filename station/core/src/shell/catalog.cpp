#include "lotstation/station/catalog.hpp"

namespace lotstation::station {
namespace {

namespace st = storage;

std::string itemDetail(const st::Item& item) {
    return item.sku + " · " + st::toString(item.kind) + " · " + st::toString(item.uom);
}

} // namespace

// A list the ledger cannot read (disk failing) is offered empty: the pickers stay usable, the flows that
// write report the error.
Catalog catalogOf(const st::Ledger& ledger) {
    Catalog catalog;
    for (const auto& item : ledger.items().value_or(std::vector<st::Item>{})) {
        catalog.items.push_back({item.sku, item.name, itemDetail(item)});
        // Intermediates (a soap base) are made in runs too, so every item with a recipe is offered.
        if (ledger.recipe(item.sku))
            catalog.recipes.push_back(
                {item.sku, item.name, std::string(st::toString(item.kind)) + " · " + item.sku});
    }
    for (const auto& location : ledger.locations().value_or(std::vector<st::Location>{}))
        catalog.locations.push_back(
            {location.code, location.name, location.code + " · " + st::toString(location.kind)});
    for (const auto& supplier : ledger.suppliers().value_or(std::vector<st::Party>{}))
        catalog.suppliers.push_back({supplier.code, supplier.name, supplier.code});
    for (const auto& customer : ledger.customers().value_or(std::vector<st::Party>{}))
        catalog.customers.push_back({customer.code, customer.name, customer.code});
    for (const auto& user : ledger.users().value_or(std::vector<st::User>{}))
        catalog.users.push_back(
            {user.name, user.name,
             std::string(st::toString(user.role)) + (user.hasPin ? "" : " · badge only")});
    return catalog;
}

} // namespace lotstation::station
