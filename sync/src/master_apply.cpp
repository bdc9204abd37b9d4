// Master data from the server (GET /v1/master) into the station ledger: what the station lacks is added;
// what it has is left alone (the ledger has no updates of master data yet). Users arrive without PINs: a PIN
// is set on the station it is used at.
#include "sync_steps.hpp"

namespace lotstation::sync {
namespace {

using wire::Json;

template <typename Parse, typename Exists, typename Add>
SyncResult<void> addMissing(SyncSession& s, const Json& body, const char* name, Parse parse, Exists exists,
                            Add add) {
    const auto& list = wire::arrayAt(body, name, "answer");
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto value = parse(list[i], std::string(name) + "[" + std::to_string(i) + "]");
        auto found = exists(value);
        if (found) continue;
        if (found.error().kind != storage::ErrorKind::NotFound)
            return syncFail(SyncErrorKind::Storage, found.error().message);
        auto added = add(value);
        if (!added)
            return syncFail(SyncErrorKind::Storage,
                            std::string("master data ") + name + ": " + added.error().message);
        ++s.summary.masterAdded;
    }
    return {};
}

bool sameRecipe(const storage::Recipe& a, const storage::Recipe& b) {
    if (a.outputQuantity != b.outputQuantity || a.components.size() != b.components.size()) return false;
    for (const auto& component : a.components) {
        bool found = false;
        for (const auto& other : b.components)
            found = found || (other.sku == component.sku && other.quantity == component.quantity);
        if (!found) return false;
    }
    return true;
}

} // namespace

SyncResult<void> applyMasterData(SyncSession& s) {
    auto answer = s.http.get("/v1/master");
    if (!answer) return std::unexpected(answer.error());
    const auto& body = answer->body;
    auto& ledger = s.ledger;
    try {
        // Locations first: items name their default location.
        auto step = addMissing(
            s, body, "locations", wire::locationFrom,
            [&](const storage::Location& l) { return ledger.location(l.code); },
            [&](const storage::Location& l) { return ledger.addLocation(l); });
        if (step) {
            step = addMissing(
                s, body, "suppliers", wire::partyFrom,
                [&](const storage::Party& p) { return ledger.supplier(p.code); },
                [&](const storage::Party& p) { return ledger.addSupplier(p); });
        }
        if (step) {
            step = addMissing(
                s, body, "customers", wire::partyFrom,
                [&](const storage::Party& p) { return ledger.customer(p.code); },
                [&](const storage::Party& p) { return ledger.addCustomer(p); });
        }
        if (step) {
            step = addMissing(
                s, body, "items", wire::itemFrom, [&](const storage::Item& i) { return ledger.item(i.sku); },
                [&](const storage::Item& i) {
                    return ledger.addItem(storage::NewItem{i.sku, i.name, i.kind, i.uom, i.gtin, i.lotTracked,
                                                           i.shelfLifeDays, i.defaultLocation,
                                                           i.reorderPoint});
                });
        }
        if (step) {
            step = addMissing(
                s, body, "users", wire::userFrom,
                [&](const storage::NewUser& u) { return ledger.user(u.name); },
                [&](const storage::NewUser& u) { return ledger.addUserFromCentral(u); });
        }
        if (!step) return step;
        const auto& recipes = wire::arrayAt(body, "recipes", "answer");
        for (std::size_t i = 0; i < recipes.size(); ++i) {
            auto recipe = wire::recipeFrom(recipes[i], "recipes[" + std::to_string(i) + "]");
            auto current = ledger.recipe(recipe.sku);
            if (current && sameRecipe(*current, recipe)) continue;
            auto set = ledger.setRecipe(recipe);
            if (!set) return syncFail(SyncErrorKind::Storage, "master data recipes: " + set.error().message);
            ++s.summary.masterAdded;
        }
    } catch (const wire::WireError& e) {
        return syncFail(SyncErrorKind::Protocol, std::string("the server's master data: ") + e.what());
    }
    return {};
}

} // namespace lotstation::sync
