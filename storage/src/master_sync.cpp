// Master data from one ledger to another: read with revisions, applied all-or-nothing, newer only.
#include "master_fields.hpp"
#include "orders/order_master.hpp"
#include "rows.hpp"
#include "lotstation/storage/quality.hpp"
#include "validation.hpp"

#include <set>

namespace lotstation::storage {
namespace {

// What a record from elsewhere is stored with: its own revision, or -1 when it has none (then any real
// revision replaces it later; 0 would make the database stamp a revision of this ledger).
std::int64_t storedRevision(std::int64_t revision) {
    return revision > 0 ? revision : -1;
}

struct Current {
    std::int64_t id = 0;
    std::int64_t revision = 0;
};

std::optional<Current> current(LedgerCore& core, const std::string& sql, std::string_view key) {
    auto s = core.db.cached(sql);
    s.bindAll(key);
    if (!s.step()) return std::nullopt;
    return Current{s.int64(0), s.int64(1)};
}

std::string where(const char* list, std::size_t index, std::string_view key) {
    return std::string(list) + "[" + std::to_string(index) + "] (" + std::string(key) + ")";
}

// Counts one record: added (no row here), updated (older here), unchanged; `write` does the insert or
// update and returns an error for a bad record.
template <typename Write>
Result<void> applyOne(MasterApplySummary& summary, const std::optional<Current>& here, std::int64_t incoming,
                      const std::string& label, Write write) {
    if (here && incoming <= here->revision) {
        ++summary.unchanged;
        return {};
    }
    auto written = write(here);
    if (!written) return fail(written.error().kind, "master data " + label + ": " + written.error().message);
    ++(here ? summary.updated : summary.added);
    return {};
}

Result<void> applyLocations(LedgerCore& core, const MasterData& data, MasterApplySummary& summary) {
    for (std::size_t i = 0; i < data.locations.size(); ++i) {
        const auto& [location, revision] = data.locations[i];
        const auto label = where("locations", i, location.code);
        auto code = validCode(location.code, "location code");
        if (!code) return fail(code.error().kind, "master data " + label + ": " + code.error().message);
        const auto stored = storedRevision(revision);
        auto step = applyOne(
            summary, current(core, "SELECT id, revision FROM locations WHERE code = ?1", *code), stored,
            label, [&](const std::optional<Current>& here) -> Result<void> {
                const auto name = location.name.empty() ? *code : location.name;
                if (here)
                    core.db.cached("UPDATE locations SET name = ?2, kind = ?3, revision = ?4 WHERE id = ?1")
                        .bindAll(here->id, name, toString(location.kind), stored)
                        .run();
                else
                    core.db
                        .cached("INSERT INTO locations (code, name, kind, revision) VALUES (?1, ?2, ?3, ?4)")
                        .bindAll(*code, name, toString(location.kind), stored)
                        .run();
                return {};
            });
        if (!step) return step;
    }
    return {};
}

Result<void> applyParties(LedgerCore& core, const std::vector<Revised<Party>>& parties, const char* table,
                          MasterApplySummary& summary) {
    const std::string t(table);
    for (std::size_t i = 0; i < parties.size(); ++i) {
        const auto& [party, revision] = parties[i];
        const auto label = where(table, i, party.code);
        auto code = validCode(party.code, "code");
        if (!code) return fail(code.error().kind, "master data " + label + ": " + code.error().message);
        const auto stored = storedRevision(revision);
        auto step = applyOne(
            summary, current(core, "SELECT id, revision FROM " + t + " WHERE code = ?1", *code), stored,
            label, [&](const std::optional<Current>& here) -> Result<void> {
                const auto name = party.name.empty() ? *code : party.name;
                if (here)
                    core.db.cached("UPDATE " + t + " SET name = ?2, revision = ?3 WHERE id = ?1")
                        .bindAll(here->id, name, stored)
                        .run();
                else
                    core.db.cached("INSERT INTO " + t + " (code, name, revision) VALUES (?1, ?2, ?3)")
                        .bindAll(*code, name, stored)
                        .run();
                return {};
            });
        if (!step) return step;
    }
    return {};
}

Result<void> applyItems(LedgerCore& core, const MasterData& data, MasterApplySummary& summary) {
    for (std::size_t i = 0; i < data.items.size(); ++i) {
        const auto& [item, revision] = data.items[i];
        const auto label = where("items", i, item.sku);
        const auto stored = storedRevision(revision);
        auto step = applyOne(
            summary, current(core, "SELECT id, revision FROM items WHERE sku = ?1", item.sku), stored, label,
            [&](const std::optional<Current>& here) -> Result<void> {
                auto c = itemColumns(core, asNewItem(item));
                if (!c) return std::unexpected(c.error());
                if (here) {
                    core.db
                        .cached(
                            "UPDATE items SET name = ?2, kind = ?3, uom = ?4, gtin = ?5, lot_tracked = ?6, "
                            "shelf_life_days = ?7, default_location_id = ?8, reorder_point = ?9, "
                            "revision = ?10, qc_policy = ?11 WHERE id = ?1")
                        .bindAll(here->id, c->name, c->kind, c->uom, c->gtin, c->lotTracked, c->shelfLifeDays,
                                 c->defaultLocationId, c->reorderPoint, stored, toString(item.qcPolicy))
                        .run();
                } else {
                    core.db
                        .cached(
                            "INSERT INTO items (sku, name, kind, uom, gtin, lot_tracked, shelf_life_days, "
                            "default_location_id, reorder_point, revision, qc_policy) VALUES (?1, ?2, ?3, ?4, "
                            "?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                        .bindAll(c->sku, c->name, c->kind, c->uom, c->gtin, c->lotTracked, c->shelfLifeDays,
                                 c->defaultLocationId, c->reorderPoint, stored, toString(item.qcPolicy))
                        .run();
                }
                return {};
            });
        if (!step) return step;
    }
    return {};
}

Result<void> applyUsers(LedgerCore& core, const MasterData& data, MasterApplySummary& summary) {
    for (std::size_t i = 0; i < data.users.size(); ++i) {
        const auto& [record, revision] = data.users[i];
        const auto& user = record.user;
        const auto label = where("users", i, user.name);
        auto name = validCode(user.name, "user name");
        if (!name) return fail(name.error().kind, "master data " + label + ": " + name.error().message);
        const auto stored = storedRevision(revision);
        auto step = applyOne(
            summary, current(core, "SELECT id, revision FROM users WHERE name = ?1", *name), stored, label,
            [&](const std::optional<Current>& here) -> Result<void> {
                auto badge = freeBadge(core, user.badge, *name);
                if (!badge) return std::unexpected(badge.error());
                if (record.pinHash && record.pinHash->rfind("$argon2", 0) != 0)
                    return fail(ErrorKind::Invalid, "the PIN hash is not an Argon2 hash");
                if (here)
                    core.db
                        .cached("UPDATE users SET role = ?2, badge = ?3, pin_hash = coalesce(?4, pin_hash), "
                                "revision = ?5 WHERE id = ?1")
                        .bindAll(here->id, toString(user.role), *badge, record.pinHash, stored)
                        .run();
                else
                    core.db
                        .cached(
                            "INSERT INTO users (name, role, badge, pin_hash, revision) VALUES (?1, ?2, ?3, "
                            "?4, ?5)")
                        .bindAll(*name, toString(user.role), *badge, record.pinHash, stored)
                        .run();
                return {};
            });
        if (!step) return step;
    }
    return {};
}

Result<void> applyRecipes(LedgerCore& core, const MasterData& data, MasterApplySummary& summary) {
    for (std::size_t i = 0; i < data.recipes.size(); ++i) {
        const auto& [recipe, revision] = data.recipes[i];
        const auto label = where("recipes", i, recipe.sku);
        auto item = requireItem(core, recipe.sku);
        if (!item) return fail(item.error().kind, "master data " + label + ": " + item.error().message);
        const auto stored = storedRevision(revision);
        std::optional<Current> here;
        {
            auto s = core.db.cached("SELECT item_id, revision FROM recipes WHERE item_id = ?1");
            s.bindAll(item->id);
            if (s.step()) here = Current{s.int64(0), s.int64(1)};
        }
        auto step =
            applyOne(summary, here, stored, label, [&](const std::optional<Current>&) -> Result<void> {
                if (recipe.outputQuantity <= 0)
                    return fail(ErrorKind::Invalid, "the output quantity must be above zero");
                std::vector<std::pair<std::int64_t, std::int64_t>> rows;
                std::set<std::int64_t> seen;
                for (const auto& component : recipe.components) {
                    auto part = requireItem(core, component.sku);
                    if (!part) return std::unexpected(part.error());
                    if (part->id == item->id || component.quantity <= 0 || !seen.insert(part->id).second)
                        return fail(ErrorKind::Invalid,
                                    "component " + part->item.sku +
                                        " is the item itself, listed twice or not above zero");
                    rows.emplace_back(part->id, component.quantity);
                }
                core.db.cached("DELETE FROM recipe_components WHERE item_id = ?1").bindAll(item->id).run();
                core.db
                    .cached("INSERT INTO recipes (item_id, output_quantity, revision) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (item_id) DO UPDATE SET output_quantity = excluded.output_quantity")
                    .bindAll(item->id, recipe.outputQuantity, stored)
                    .run();
                for (const auto& [componentId, quantity] : rows)
                    core.db
                        .cached("INSERT INTO recipe_components (item_id, component_id, quantity) VALUES (?1, "
                                "?2, ?3)")
                        .bindAll(item->id, componentId, quantity)
                        .run();
                // Last: the component triggers stamped a revision of this ledger; the record keeps its own.
                core.db.cached("UPDATE recipes SET revision = ?2 WHERE item_id = ?1")
                    .bindAll(item->id, stored)
                    .run();
                return {};
            });
        if (!step) return step;
    }
    return {};
}

} // namespace

Result<MasterData> readMasterData(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<MasterData> {
        MasterData out;
        {
            auto s = core.db.cached("SELECT code, name, kind, revision FROM locations ORDER BY code");
            while (s.step())
                out.locations.push_back({Location{s.text(0), s.text(1),
                                                  parseLocationKind(s.text(2)).value_or(LocationKind::Store)},
                                         s.int64(3)});
        }
        for (auto [table, list] :
             {std::pair{"suppliers", &out.suppliers}, std::pair{"customers", &out.customers}}) {
            auto s =
                core.db.cached("SELECT code, name, revision FROM " + std::string(table) + " ORDER BY code");
            while (s.step())
                list->push_back({Party{s.text(0), s.text(1)}, s.int64(2)});
        }
        std::vector<std::pair<std::string, std::int64_t>> skus;
        {
            auto s = core.db.cached("SELECT sku, revision FROM items ORDER BY sku");
            while (s.step())
                skus.emplace_back(s.text(0), s.int64(1));
        }
        for (const auto& [sku, revision] : skus)
            out.items.push_back({findItem(core, sku)->item, revision});
        {
            auto s = core.db.cached("SELECT name, role, badge, pin_hash, revision FROM users ORDER BY name");
            while (s.step()) {
                auto hash = s.optText(3);
                const bool hasPin = hash.has_value();
                out.users.push_back(
                    {MasterUser{User{s.text(0), parseUserRole(s.text(1)).value_or(UserRole::Operator),
                                     s.optText(2), hasPin},
                                std::move(hash)},
                     s.int64(4)});
            }
        }
        std::vector<std::pair<std::string, std::int64_t>> recipes;
        {
            auto s = core.db.cached(
                "SELECT i.sku, r.revision FROM recipes r JOIN items i ON i.id = r.item_id ORDER BY i.sku");
            while (s.step())
                recipes.emplace_back(s.text(0), s.int64(1));
        }
        for (const auto& [sku, revision] : recipes) {
            auto recipe = ledger.recipe(sku);
            if (!recipe) return std::unexpected(recipe.error());
            out.recipes.push_back({std::move(*recipe), revision});
        }
        readOrderMaster(core, out);
        return out;
    });
}

Result<MasterApplySummary> applyMasterData(Ledger& ledger, const MasterData& data) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<MasterApplySummary> {
        MasterApplySummary summary;
        sql::Transaction transaction(core.db);
        auto step = applyLocations(core, data, summary);
        if (step) step = applyParties(core, data.suppliers, "suppliers", summary);
        if (step) step = applyParties(core, data.customers, "customers", summary);
        if (step) step = applyItems(core, data, summary);
        if (step) step = applyUsers(core, data, summary);
        if (step) step = applyRecipes(core, data, summary);
        if (step) step = applyOrderMaster(core, data, summary);
        if (!step) return std::unexpected(step.error());
        transaction.commit();
        return summary;
    });
}

} // namespace lotstation::storage
