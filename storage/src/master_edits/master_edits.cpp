// Master data changed at a station by a person: role checked, record written, audit appended, one
// transaction (master_edits.hpp). The writes themselves are the ledger's own add / update operations.
#include "../crypto.hpp"
#include "../permissions.hpp"
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/quantity.hpp"
#include "master_audit.hpp"

namespace lotstation::storage {
namespace {

std::string text(const std::optional<std::string>& value) {
    return value.value_or("");
}
std::string days(const std::optional<int>& value) {
    return value ? std::to_string(*value) + " days" : "";
}
std::string amount(const std::optional<std::int64_t>& value, Uom uom) {
    return value ? formatQuantity(*value, uom) : "";
}

ChangeDetails itemDetails(const std::optional<Item>& before, const Item& after) {
    ChangeDetails details;
    const Item none{};
    const Item& old = before ? *before : none;
    details.compare("name", before ? old.name : "", after.name);
    details.compare("kind", before ? toString(old.kind) : "", toString(after.kind));
    details.compare("unit", before ? toString(old.uom) : "", toString(after.uom));
    details.compare("GTIN", text(old.gtin), text(after.gtin));
    details.compare("lot-tracked", before ? (old.lotTracked ? "yes" : "no") : "", after.lotTracked ? "yes" : "no");
    details.compare("shelf life", days(old.shelfLifeDays), days(after.shelfLifeDays));
    details.compare("default location", text(old.defaultLocation), text(after.defaultLocation));
    details.compare("reorder point", amount(old.reorderPoint, old.uom), amount(after.reorderPoint, after.uom));
    return details;
}

std::string componentsText(const Recipe& recipe, LedgerCore& core) {
    std::string out;
    for (const auto& component : recipe.components) {
        Uom uom = Uom::Piece;
        auto s = core.db.cached("SELECT uom FROM items WHERE sku = ?1");
        s.bindAll(component.sku);
        if (s.step()) uom = parseUom(s.text(0)).value_or(Uom::Piece);
        out += (out.empty() ? "" : ", ") + component.sku + " " + formatQuantity(component.quantity, uom);
    }
    return out;
}

// The one shape of every save: who may, what was there, write, audit.
template <class T, class Read, class Write, class Describe>
Result<T> audited(Ledger& ledger, std::string_view by, Action action, MasterKind kind, const std::string& key,
                  Read read, Write write, Describe describe) {
    auto& core = LedgerAccess::core(ledger);
    std::optional<T> saved;
    bool unchanged = false;
    auto done = ledger.atomically([&]() -> Result<void> {
        auto who = requireAllowed(core, by, action);
        if (!who) return std::unexpected(who.error());
        std::optional<T> before;
        if (auto existing = read(); existing) before = *existing;
        auto written = write(before.has_value());
        if (!written) return std::unexpected(written.error());
        const ChangeDetails details = describe(before, *written);
        saved = std::move(*written);
        if (details.empty()) { // nothing changed: roll back, so not even the revision moves
            unchanged = true;
            return fail(ErrorKind::Conflict, "unchanged");
        }
        recordChange(core, who->name, kind, key, before ? "changed" : "added", details.text());
        return {};
    });
    if (!done && !unchanged) return std::unexpected(done.error());
    return *saved;
}

} // namespace

Result<Item> saveItem(Ledger& ledger, const NewItem& item, std::string_view by) {
    return audited<Item>(
        ledger, by, Action::ManageMasterData, MasterKind::Item, item.sku, [&] { return ledger.item(item.sku); },
        [&](bool exists) { return exists ? updateItem(ledger, item) : ledger.addItem(item); }, itemDetails);
}

Result<Party> saveSupplier(Ledger& ledger, const Party& supplier, std::string_view by) {
    return audited<Party>(
        ledger, by, Action::ManageMasterData, MasterKind::Supplier, supplier.code,
        [&] { return ledger.supplier(supplier.code); },
        [&](bool exists) { return exists ? updateSupplier(ledger, supplier) : ledger.addSupplier(supplier); },
        [](const std::optional<Party>& before, const Party& after) {
            ChangeDetails details;
            details.compare("name", before ? before->name : "", after.name);
            return details;
        });
}

Result<Party> saveCustomer(Ledger& ledger, const Party& customer, std::string_view by) {
    return audited<Party>(
        ledger, by, Action::ManageMasterData, MasterKind::Customer, customer.code,
        [&] { return ledger.customer(customer.code); },
        [&](bool exists) { return exists ? updateCustomer(ledger, customer) : ledger.addCustomer(customer); },
        [](const std::optional<Party>& before, const Party& after) {
            ChangeDetails details;
            details.compare("name", before ? before->name : "", after.name);
            return details;
        });
}

Result<Location> saveLocation(Ledger& ledger, const Location& location, std::string_view by) {
    return audited<Location>(
        ledger, by, Action::ManageMasterData, MasterKind::Location, location.code,
        [&] { return ledger.location(location.code); },
        [&](bool exists) { return exists ? updateLocation(ledger, location) : ledger.addLocation(location); },
        [](const std::optional<Location>& before, const Location& after) {
            ChangeDetails details;
            details.compare("name", before ? before->name : "", after.name);
            details.compare("kind", before ? toString(before->kind) : "", toString(after.kind));
            return details;
        });
}

Result<Recipe> saveRecipe(Ledger& ledger, const Recipe& recipe, std::string_view by) {
    auto& core = LedgerAccess::core(ledger);
    return audited<Recipe>(
        ledger, by, Action::ManageMasterData, MasterKind::Recipe, recipe.sku, [&] { return ledger.recipe(recipe.sku); },
        [&](bool) { return ledger.setRecipe(recipe); },
        [&](const std::optional<Recipe>& before, const Recipe& after) {
            ChangeDetails details;
            Uom uom = Uom::Piece;
            if (auto item = ledger.item(after.sku)) uom = item->uom;
            details.compare("per", before ? formatQuantity(before->outputQuantity, uom) : "",
                            formatQuantity(after.outputQuantity, uom));
            details.compare("components", before ? componentsText(*before, core) : "", componentsText(after, core));
            return details;
        });
}

Result<User> saveUser(Ledger& ledger, const NewUser& user, std::string_view by) {
    auto& core = LedgerAccess::core(ledger);
    return audited<User>(
        ledger, by, Action::ManageUsers, MasterKind::User, user.name, [&] { return ledger.user(user.name); },
        [&](bool exists) -> Result<User> {
            if (!exists) {
                NewUser adding = user;
                adding.by = std::string(by);
                return ledger.addUser(adding);
            }
            auto current = ledger.user(user.name);
            if (current && current->role == UserRole::Admin && user.role != UserRole::Admin) {
                auto admins = core.db.cached("SELECT count(*) FROM users WHERE role = 'admin'");
                admins.step();
                if (admins.int64(0) <= 1)
                    return fail(ErrorKind::Refused, current->name + " is the only admin: make another admin first");
            }
            NewUser changed = user;
            changed.pin.reset(); // a PIN changes only by reset and the user's own choice
            return updateUser(ledger, changed);
        },
        [](const std::optional<User>& before, const User& after) {
            ChangeDetails details;
            details.compare("role", before ? toString(before->role) : "", toString(after.role));
            details.compare("badge", before ? text(before->badge) : "", text(after.badge));
            if (!before) details.note(after.hasPin ? "PIN set" : "chooses a PIN at first log-in");
            return details;
        });
}

Result<User> resetPin(Ledger& ledger, std::string_view name, std::string_view by) {
    auto& core = LedgerAccess::core(ledger);
    std::optional<User> reset;
    auto done = ledger.atomically([&]() -> Result<void> {
        auto admin = requireAllowed(core, by, Action::ManageUsers);
        if (!admin) return std::unexpected(admin.error());
        auto user = ledger.user(name);
        if (!user) return std::unexpected(user.error());
        core.db.cached("UPDATE users SET pin_hash = NULL WHERE name = ?1").bindAll(user->name).run();
        core.db.cached("DELETE FROM pin_failures WHERE login = ?1").bindAll(user->name).run();
        recordChange(core, admin->name, MasterKind::User, user->name, "PIN reset",
                     user->name + " chooses a new PIN at the next log-in");
        reset = *ledger.user(name);
        return {};
    });
    if (!done) return std::unexpected(done.error());
    return *reset;
}

Result<void> checkPin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 12) return fail(ErrorKind::Invalid, "a PIN is 4 to 12 digits");
    for (const char c : pin)
        if (c < '0' || c > '9') return fail(ErrorKind::Invalid, "a PIN is digits only");
    return {};
}

Result<User> setOwnPin(Ledger& ledger, std::string_view name, std::string_view pin) {
    auto& core = LedgerAccess::core(ledger);
    std::optional<User> updated;
    auto done = ledger.atomically([&]() -> Result<void> {
        if (auto valid = checkPin(pin); !valid) return std::unexpected(valid.error());
        auto user = ledger.user(name);
        if (!user) return std::unexpected(user.error());
        if (user->hasPin)
            return fail(ErrorKind::Refused, user->name + " already has a PIN: an admin resets it");
        auto hash = hashPin(pin);
        if (!hash) return fail(ErrorKind::Io, "not enough memory to hash the PIN");
        core.db.cached("UPDATE users SET pin_hash = ?2 WHERE name = ?1").bindAll(user->name, *hash).run();
        recordChange(core, user->name, MasterKind::User, user->name, "PIN set", "chosen at first log-in");
        updated = *ledger.user(name);
        return {};
    });
    if (!done) return std::unexpected(done.error());
    return *updated;
}

} // namespace lotstation::storage
