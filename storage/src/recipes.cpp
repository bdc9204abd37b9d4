// Recipes (bills of materials): component quantities per a stated quantity of output.
#include "ledger_core.hpp"
#include "rows.hpp"

#include <set>

namespace lotstation::storage {

Result<Recipe> Ledger::setRecipe(const Recipe& recipe) {
    auto& core = m_impl->core;
    return inWriteTransaction(core, [&]() -> Result<Recipe> {
        auto item = requireItem(core, recipe.sku);
        if (!item) return std::unexpected(item.error());
        if (recipe.outputQuantity <= 0)
            return fail(ErrorKind::Invalid,
                        "the recipe of " + item->item.sku + " needs an output quantity above zero");
        if (recipe.components.empty())
            return fail(ErrorKind::Invalid, "the recipe of " + item->item.sku + " has no components");
        std::vector<std::pair<std::int64_t, std::int64_t>> rows;
        std::set<std::int64_t> seen;
        for (const auto& component : recipe.components) {
            auto part = requireItem(core, component.sku);
            if (!part) return std::unexpected(part.error());
            if (part->id == item->id)
                return fail(ErrorKind::Invalid, item->item.sku + " cannot be a component of itself");
            if (component.quantity <= 0)
                return fail(ErrorKind::Invalid,
                            "component " + part->item.sku + " needs a quantity above zero");
            if (!seen.insert(part->id).second)
                return fail(ErrorKind::Invalid, "component " + part->item.sku + " is listed twice");
            rows.emplace_back(part->id, component.quantity);
        }
        core.db.cached("DELETE FROM recipe_components WHERE item_id = ?1").bindAll(item->id).run();
        core.db
            .cached("INSERT INTO recipes (item_id, output_quantity) VALUES (?1, ?2) "
                    "ON CONFLICT (item_id) DO UPDATE SET output_quantity = excluded.output_quantity")
            .bindAll(item->id, recipe.outputQuantity)
            .run();
        for (const auto& [componentId, quantity] : rows) {
            core.db
                .cached("INSERT INTO recipe_components (item_id, component_id, quantity) VALUES (?1, ?2, ?3)")
                .bindAll(item->id, componentId, quantity)
                .run();
        }
        return this->recipe(item->item.sku);
    });
}

Result<Recipe> Ledger::recipe(std::string_view sku) const {
    auto& core = m_impl->core;
    return guarded([&]() -> Result<Recipe> {
        auto item = requireItem(core, sku);
        if (!item) return std::unexpected(item.error());
        Recipe out;
        out.sku = item->item.sku;
        {
            auto s = core.db.cached("SELECT output_quantity FROM recipes WHERE item_id = ?1");
            s.bindAll(item->id);
            if (!s.step()) return fail(ErrorKind::NotFound, item->item.sku + " has no recipe");
            out.outputQuantity = s.int64(0);
        }
        auto s = core.db.cached(
            "SELECT i.sku, c.quantity FROM recipe_components c JOIN items i ON i.id = c.component_id "
            "WHERE c.item_id = ?1 ORDER BY i.sku");
        s.bindAll(item->id);
        while (s.step())
            out.components.push_back(RecipeComponent{s.text(0), s.int64(1)});
        return out;
    });
}

} // namespace lotstation::storage
