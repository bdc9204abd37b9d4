// Importing locations, suppliers, customers, users and recipes from CSV, in the columns the export writes:
// every row checked first (problems by line and column), then written in one transaction. With
// ImportOptions::update, rows naming an existing record change it; without, they are refused.
#include "import_master.hpp"
#include "write_rows.hpp"

#include "../master_fields.hpp"
#include "../rows.hpp"
#include "../validation.hpp"
#include "lotstation/storage/master_data.hpp"

#include <map>
#include <set>

namespace lotstation::storage::csv {
namespace {

std::string lower(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// A code cell: valid, not twice in the file, and (without `update`) not already here.
std::optional<std::string> codeCell(const Table& table, const CsvRecord& row, const std::string& column,
                                    const std::string& what, std::map<std::string, std::size_t>& seen,
                                    bool exists, bool update, Problems& problems) {
    auto code = validCode(table.cell(row, column), what);
    if (!code) {
        problems.add(row, column, code.error().message);
        return std::nullopt;
    }
    if (auto [at, fresh] = seen.emplace(lower(*code), row.line); !fresh) {
        problems.add(row, column, what + " " + *code + " is already on line " + std::to_string(at->second));
        return std::nullopt;
    }
    if (exists && !update) {
        problems.add(row, column, what + " " + *code + " already exists (import with update to change it)");
        return std::nullopt;
    }
    return *code;
}

} // namespace

Result<ImportSummary> importLocations(Ledger& ledger, LedgerCore& core, std::string_view text, const ImportOptions& options) {
    const bool update = options.update;
    auto table = Table::read(text, {"code", "name", "kind"}, {"code"});
    if (!table) return std::unexpected(table.error());
    Problems problems;
    std::map<std::string, std::size_t> seen;
    std::vector<std::pair<std::size_t, std::pair<Location, bool>>> rows;
    for (const auto& row : table->rows()) {
        const auto raw = table->cell(row, "code");
        const bool exists = findLocation(core, raw).has_value();
        auto code = codeCell(*table, row, "code", "location", seen, exists, update, problems);
        Location location{code.value_or(""), table->cell(row, "name"), LocationKind::Store};
        if (const auto kind = table->cell(row, "kind"); !kind.empty()) {
            if (auto parsed = parseLocationKind(lower(kind)))
                location.kind = *parsed;
            else
                problems.add(row, "kind",
                             "'" + kind +
                                 "' is not dock, store, workstation, quarantine, finished or shipped");
        }
        rows.emplace_back(row.line, std::pair{location, exists});
    }
    if (!problems.empty()) return std::unexpected(problems.error());
    return writeAll(ledger, *table, rows, options.progress, [&](const std::pair<Location, bool>& row) -> Result<std::string> {
        auto done = row.second ? updateLocation(ledger, row.first) : ledger.addLocation(row.first);
        if (!done) return std::unexpected(done.error());
        return done->code;
    });
}

Result<ImportSummary> importParties(Ledger& ledger, LedgerCore& core, std::string_view text, bool suppliers,
                                  const ImportOptions& options) {
    const bool update = options.update;
    auto table = Table::read(text, {"code", "name"}, {"code"});
    if (!table) return std::unexpected(table.error());
    const std::string what = suppliers ? "supplier" : "customer";
    Problems problems;
    std::map<std::string, std::size_t> seen;
    std::vector<std::pair<std::size_t, std::pair<Party, bool>>> rows;
    for (const auto& row : table->rows()) {
        const auto raw = table->cell(row, "code");
        const bool exists = (suppliers ? findSupplier(core, raw) : findCustomer(core, raw)).has_value();
        auto code = codeCell(*table, row, "code", what, seen, exists, update, problems);
        rows.emplace_back(row.line, std::pair{Party{code.value_or(""), table->cell(row, "name")}, exists});
    }
    if (!problems.empty()) return std::unexpected(problems.error());
    return writeAll(ledger, *table, rows, options.progress, [&](const std::pair<Party, bool>& row) -> Result<std::string> {
        auto done = suppliers
                        ? (row.second ? updateSupplier(ledger, row.first) : ledger.addSupplier(row.first))
                        : (row.second ? updateCustomer(ledger, row.first) : ledger.addCustomer(row.first));
        if (!done) return std::unexpected(done.error());
        return done->code;
    });
}

Result<ImportSummary> importUsers(Ledger& ledger, LedgerCore& core, std::string_view text,
                                  const ImportOptions& options) {
    const bool update = options.update;
    auto table = Table::read(text, {"name", "role", "badge", "pin", "has_pin"}, {"name"});
    if (!table) return std::unexpected(table.error());
    Problems problems;
    std::map<std::string, std::size_t> seen;
    std::map<std::string, std::size_t> badges;
    std::vector<std::pair<std::size_t, std::pair<NewUser, bool>>> rows;
    for (const auto& row : table->rows()) {
        const auto raw = table->cell(row, "name");
        const bool exists = findUser(core, raw).has_value();
        NewUser user;
        user.by = options.user;
        user.name = codeCell(*table, row, "name", "user", seen, exists, update, problems).value_or("");
        if (const auto role = table->cell(row, "role"); !role.empty()) {
            if (auto parsed = parseUserRole(lower(role)))
                user.role = *parsed;
            else
                problems.add(row, "role", "'" + role + "' is not operator, supervisor or admin");
        }
        if (const auto badge = table->cell(row, "badge"); !badge.empty()) {
            if (auto free = freeBadge(core, badge, user.name); !free) {
                problems.add(row, "badge", free.error().message);
            } else if (auto [at, fresh] = badges.emplace(lower(**free), row.line); !fresh) {
                problems.add(row, "badge",
                             "badge " + **free + " is already on line " + std::to_string(at->second));
            } else {
                user.badge = **free;
            }
        }
        if (const auto pin = table->cell(row, "pin"); !pin.empty()) {
            if (pin.size() < 4)
                problems.add(row, "pin", "a PIN has at least 4 characters");
            else
                user.pin = pin;
        }
        rows.emplace_back(row.line, std::pair{user, exists});
    }
    if (!problems.empty()) return std::unexpected(problems.error());
    return writeAll(ledger, *table, rows, options.progress, [&](const std::pair<NewUser, bool>& row) -> Result<std::string> {
        auto done = row.second        ? updateUser(ledger, row.first)
                    : options.central ? ledger.addUserFromCentral(row.first)
                                      : ledger.addUser(row.first);
        if (!done) return std::unexpected(done.error());
        return done->name;
    });
}

// One row per component, as the export writes them: rows of the same sku form one recipe.
Result<ImportSummary> importRecipes(Ledger& ledger, LedgerCore& core, std::string_view text, const ImportOptions& options) {
    const bool update = options.update;
    auto table = Table::read(
        text, {"sku", "output_quantity", "uom", "component_sku", "component_quantity", "component_uom"},
        {"sku", "output_quantity", "component_sku", "component_quantity"});
    if (!table) return std::unexpected(table.error());
    Problems problems;
    std::map<std::string, std::size_t> order; // lower-case sku -> index in rows
    std::vector<std::pair<std::size_t, Recipe>> rows;
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& row : table->rows()) {
        const auto skuText = table->cell(row, "sku");
        auto item = findItem(core, skuText);
        if (!item) {
            problems.add(row, "sku", skuText.empty() ? "a SKU is required" : "no item " + skuText);
            continue;
        }
        const auto& sku = item->item.sku;
        auto output = parseQuantity(table->cell(row, "output_quantity"), item->item.uom, sku);
        if (!output || *output <= 0)
            problems.add(row, "output_quantity",
                         output ? "the output quantity must be more than zero" : output.error().message);
        auto [at, fresh] = order.emplace(lower(sku), rows.size());
        if (fresh) {
            auto existing = core.db.cached("SELECT 1 FROM recipes WHERE item_id = ?1");
            existing.bindAll(item->id);
            if (existing.step() && !update)
                problems.add(row, "sku", sku + " has a recipe already (import with update to replace it)");
            rows.emplace_back(row.line, Recipe{sku, output.value_or(0), {}});
        } else if (output && *output != rows[at->second].second.outputQuantity) {
            problems.add(row, "output_quantity",
                         "differs from line " + std::to_string(rows[at->second].first) +
                             " of the same recipe");
        }
        const auto partText = table->cell(row, "component_sku");
        auto part = findItem(core, partText);
        if (!part) {
            problems.add(row, "component_sku",
                         partText.empty() ? "a component SKU is required" : "no item " + partText);
            continue;
        }
        if (part->id == item->id)
            problems.add(row, "component_sku", sku + " cannot be a component of itself");
        if (!pairs.emplace(lower(sku), lower(part->item.sku)).second)
            problems.add(row, "component_sku", "component " + part->item.sku + " is listed twice for " + sku);
        auto quantity = parseQuantity(table->cell(row, "component_quantity"), part->item.uom, part->item.sku);
        if (!quantity || *quantity <= 0)
            problems.add(row, "component_quantity",
                         quantity ? "the component quantity must be more than zero"
                                  : quantity.error().message);
        else
            rows[at->second].second.components.push_back(RecipeComponent{part->item.sku, *quantity});
    }
    if (!problems.empty()) return std::unexpected(problems.error());
    return writeAll(ledger, *table, rows, options.progress, [&](const Recipe& recipe) -> Result<std::string> {
        auto done = ledger.setRecipe(recipe);
        if (!done) return std::unexpected(done.error());
        return done->sku;
    });
}

} // namespace lotstation::storage::csv
