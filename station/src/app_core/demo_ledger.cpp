#include "lotstation/station/catalog.hpp"

namespace lotstation::station {
namespace {

namespace st = storage;

std::string itemDetail(const st::Item& item) {
    return item.sku + " · " + st::toString(item.kind) + " · " + st::toString(item.uom);
}

st::NewItem item(std::string sku, std::string name, st::ItemKind kind, st::Uom uom,
                 std::optional<std::string> gtin, std::optional<std::string> location,
                 std::optional<int> shelfLife = std::nullopt) {
    st::NewItem out;
    out.sku = std::move(sku);
    out.name = std::move(name);
    out.kind = kind;
    out.uom = uom;
    out.gtin = std::move(gtin);
    out.defaultLocation = std::move(location);
    out.shelfLifeDays = shelfLife;
    return out;
}

} // namespace

Catalog catalogOf(const st::Ledger& ledger) {
    Catalog catalog;
    for (const auto& item : ledger.items()) {
        catalog.items.push_back({item.sku, item.name, itemDetail(item)});
        if (item.kind == st::ItemKind::Finished && ledger.recipe(item.sku))
            catalog.recipes.push_back({item.sku, item.name, "recipe for " + item.sku});
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

st::Result<void> seedDemoLedger(st::Ledger& ledger) {
    using K = st::LocationKind;
    for (const auto& location :
         {st::Location{"DOCK", "Dock", K::Dock}, st::Location{"QUAR", "Quarantine shelf", K::Quarantine},
          st::Location{"STORE-A", "Store A, shelves 1-4", K::Store},
          st::Location{"STORE-B", "Store B, cold room", K::Store},
          st::Location{"WS-1", "Workstation 1, soap kettle", K::Workstation},
          st::Location{"FG", "Finished goods", K::Finished},
          st::Location{"PACK", "Packing table", K::Finished}})
        if (auto added = ledger.addLocation(location); !added) return std::unexpected(added.error());
    for (const auto& supplier : {st::Party{"KARITE", "Karité Co-op"}, st::Party{"ALPES", "Alpes Aromatics"},
                                 st::Party{"OLIVA", "Oliva Oils"}, st::Party{"PACKCO", "PackCo Boxes"}})
        if (auto added = ledger.addSupplier(supplier); !added) return std::unexpected(added.error());
    for (const auto& customer : {st::Party{"MARKET", "Saturday market stall"},
                                 st::Party{"GREEN", "Green Leaf Store"}, st::Party{"WEB", "Web shop orders"}})
        if (auto added = ledger.addCustomer(customer); !added) return std::unexpected(added.error());
    using I = st::ItemKind;
    using U = st::Uom;
    const st::NewItem items[] = {
        item("RM-SHEA", "Shea butter, unrefined", I::Raw, U::Gram, "04012345678901", "STORE-A"),
        item("RM-OLIVE", "Olive oil, pomace", I::Raw, U::Millilitre, "09501101530003", "STORE-A"),
        item("RM-COCO", "Coconut oil", I::Raw, U::Gram, std::nullopt, "STORE-A"),
        item("RM-NAOH", "Sodium hydroxide (lye)", I::Raw, U::Gram, std::nullopt, "STORE-B"),
        item("RM-LAV", "Lavender essential oil", I::Raw, U::Millilitre, std::nullopt, "STORE-B"),
        item("PK-BOX", "Kraft soap box", I::Packaging, U::Piece, std::nullopt, "STORE-A"),
        item("FG-LAV100", "Lavender soap bar 100 g", I::Finished, U::Piece, "04012345000016", "FG", 365),
        item("FG-SHEA50", "Shea body butter 50 ml", I::Finished, U::Piece, std::nullopt, "FG", 180),
    };
    for (const auto& newItem : items)
        if (auto added = ledger.addItem(newItem); !added) return std::unexpected(added.error());
    const st::Recipe recipes[] = {
        {"FG-LAV100",
         100,
         {{"RM-OLIVE", 4'000'000},
          {"RM-COCO", 3'000'000},
          {"RM-SHEA", 1'000'000},
          {"RM-NAOH", 1'200'000},
          {"RM-LAV", 150'000},
          {"PK-BOX", 100}}},
        {"FG-SHEA50", 60, {{"RM-SHEA", 2'400'000}, {"RM-LAV", 30'000}}},
    };
    for (const auto& recipe : recipes)
        if (auto set = ledger.setRecipe(recipe); !set) return std::unexpected(set.error());
    for (const auto& user : {st::NewUser{"Ana", st::UserRole::Operator, "BADGE-ANA", "1234"},
                             st::NewUser{"Sam", st::UserRole::Supervisor, "BADGE-SAM", "2468"}})
        if (auto added = ledger.addUser(user); !added) return std::unexpected(added.error());
    return {};
}

} // namespace lotstation::station
