// lotstation-server item|location|supplier|customer|user add|update|list, recipe list, import KIND FILE,
// order add|amend|cancel|list.
#include "master_commands.hpp"

#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/quantity.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace lotstation::server {
namespace {

int failWith(const std::string& message) {
    std::cerr << "lotstation-server: " << message << "\n";
    return 1;
}

template <typename T> int report(const storage::Result<T>& result, const std::string& done) {
    if (!result) return failWith(result.error().message);
    std::cout << done << "\n";
    return 0;
}

int list(const storage::Ledger& ledger, const std::string& table) {
    auto csv = storage::exportCsv(ledger, table);
    if (!csv) return failWith(csv.error().message);
    std::cout << *csv;
    return 0;
}

// The fields an add / update command may set; unset ones keep their value on update.
struct ItemFields {
    std::optional<std::string> name, kind, uom, gtin, defaultLocation;
    std::optional<int> shelfLife;
};

void addItemOptions(CLI::App* command, ItemFields& f) {
    command->add_option("--kind", f.kind, "raw, packaging, intermediate, finished");
    command->add_option("--uom", f.uom, "g, ml or pc");
    command->add_option("--gtin", f.gtin, "GTIN-8/12/13/14 (empty: none)");
    command->add_option("--shelf-life-days", f.shelfLife);
    command->add_option("--default-location", f.defaultLocation, "location code (empty: none)");
}

storage::Result<storage::NewItem> applyItemFields(storage::NewItem item, const ItemFields& f) {
    if (f.name) item.name = *f.name;
    if (f.kind) {
        auto kind = storage::parseItemKind(*f.kind);
        if (!kind) return std::unexpected(kind.error());
        item.kind = *kind;
    }
    if (f.uom) {
        auto uom = storage::parseUom(*f.uom);
        if (!uom) return std::unexpected(uom.error());
        item.uom = *uom;
    }
    if (f.gtin) item.gtin = f.gtin->empty() ? std::nullopt : f.gtin;
    if (f.shelfLife) item.shelfLifeDays = *f.shelfLife < 0 ? std::nullopt : f.shelfLife;
    if (f.defaultLocation)
        item.defaultLocation = f.defaultLocation->empty() ? std::nullopt : f.defaultLocation;
    return item;
}

struct UserFields {
    std::optional<std::string> role, badge, pin;
};

void addUserOptions(CLI::App* command, UserFields& f) {
    command->add_option("--role", f.role, "operator, supervisor, admin");
    command->add_option("--badge", f.badge, "badge code (empty: none)");
    command->add_option("--pin", f.pin, "PIN (stored hashed; travels to stations as its hash)");
}

storage::Result<storage::NewUser> applyUserFields(storage::NewUser user, const UserFields& f) {
    if (f.role) {
        auto role = storage::parseUserRole(*f.role);
        if (!role) return std::unexpected(role.error());
        user.role = *role;
    }
    if (f.badge) user.badge = f.badge->empty() ? std::nullopt : f.badge;
    if (f.pin) user.pin = *f.pin;
    return user;
}

} // namespace

struct MasterCommands::Args {
    std::string code, name, kind, table, file;
    bool update = false;
    ItemFields item;
    UserFields user;
    std::optional<std::string> newName;
    std::optional<std::string> newKind;
    CLI::App *itemAdd, *itemUpdate, *itemList;
    CLI::App *locationAdd, *locationUpdate, *locationList;
    CLI::App *supplierAdd, *supplierUpdate, *supplierList;
    CLI::App *customerAdd, *customerUpdate, *customerList;
    CLI::App *userAdd, *userUpdate, *userList;
    CLI::App *recipeList, *import;
    CLI::App *orderAdd, *orderAmend, *orderCancel, *orderList;
    std::string customer, due, reason;
    std::vector<std::string> lines;
};

namespace {

// order add / amend / cancel / list: sales orders made centrally, sent to stations with the master data.
void addOrderCommands(CLI::App& app, MasterCommands::Args& a) {
    auto* order = app.add_subcommand("order", "sales orders")->require_subcommand(1);
    a.orderAdd = order->add_subcommand("add", "add a customer's order");
    a.orderAdd->add_option("reference", a.code)->required();
    a.orderAdd->add_option("--customer", a.customer)->required();
    a.orderAdd->add_option("--due", a.due, "YYYY-MM-DD");
    a.orderAdd->add_option("lines", a.lines, "SKU=QTY@PRICE, e.g. BAR=48@4.25")->required();
    a.orderAmend = order->add_subcommand("amend", "new quantities or prices for lines (QTY 0 takes a SKU off)");
    a.orderAmend->add_option("reference", a.code)->required();
    a.orderAmend->add_option("lines", a.lines, "SKU=QTY@PRICE")->required();
    a.orderCancel = order->add_subcommand("cancel", "cancel an order");
    a.orderCancel->add_option("reference", a.code)->required();
    a.orderCancel->add_option("--reason", a.reason)->required();
    a.orderList = order->add_subcommand("list", "every order with what has shipped");
}

std::optional<int> runOrder(const MasterCommands::Args& a, storage::Ledger& ledger) {
    auto lines = [&]() -> storage::Result<std::vector<storage::OrderLine>> {
        std::vector<storage::OrderLine> out;
        for (const auto& text : a.lines) {
            auto line = storage::parseOrderLine(ledger, text);
            if (!line) return std::unexpected(line.error());
            out.push_back(*line);
        }
        return out;
    };
    if (a.orderAdd->parsed() || a.orderAmend->parsed()) {
        auto parsed = lines();
        if (!parsed) return failWith(parsed.error().message);
        if (a.orderAmend->parsed())
            return report(storage::amendSalesOrder(ledger, a.code, *parsed, {}, true), "order " + a.code + " amended");
        storage::NewSalesOrder order{.reference = a.code, .customer = a.customer, .lines = *parsed, .fromCentral = true};
        if (!a.due.empty()) order.due = a.due;
        return report(storage::addSalesOrder(ledger, order), "order " + a.code + " added");
    }
    if (a.orderCancel->parsed())
        return report(storage::cancelSalesOrder(ledger, a.code, a.reason, {}, true), "order " + a.code + " cancelled");
    if (a.orderList->parsed()) {
        auto orders = storage::salesOrders(ledger);
        if (!orders) return failWith(orders.error().message);
        for (const auto& progress : *orders)
            std::cout << progress.order.reference << "  " << progress.order.customer << "  "
                      << storage::orderSummary(progress) << "\n";
        return 0;
    }
    return std::nullopt;
}

} // namespace

MasterCommands::MasterCommands(CLI::App& app) : m_args(std::make_unique<Args>()) {
    auto& a = *m_args;
    addOrderCommands(app, a);
    auto* item = app.add_subcommand("item", "items (SKUs)")->require_subcommand(1);
    a.itemAdd = item->add_subcommand("add", "add an item");
    a.itemAdd->add_option("sku", a.code)->required();
    a.itemAdd->add_option("name", a.item.name)->required();
    addItemOptions(a.itemAdd, a.item);
    a.itemUpdate = item->add_subcommand("update", "change an item (options not given stay as they are)");
    a.itemUpdate->add_option("sku", a.code)->required();
    a.itemUpdate->add_option("--name", a.item.name);
    addItemOptions(a.itemUpdate, a.item);
    a.itemList = item->add_subcommand("list", "every item, as CSV");

    auto* location = app.add_subcommand("location", "locations")->require_subcommand(1);
    a.locationAdd = location->add_subcommand("add", "add a location");
    a.locationAdd->add_option("code", a.code)->required();
    a.locationAdd->add_option("name", a.name)->required();
    a.locationAdd->add_option("--kind", a.newKind, "dock, store, workstation, quarantine, finished, shipped");
    a.locationUpdate = location->add_subcommand("update", "change a location's name or kind");
    a.locationUpdate->add_option("code", a.code)->required();
    a.locationUpdate->add_option("--name", a.newName);
    a.locationUpdate->add_option("--kind", a.newKind);
    a.locationList = location->add_subcommand("list", "every location, as CSV");

    for (auto [what, add, update, listed] :
         {std::tuple{"supplier", &a.supplierAdd, &a.supplierUpdate, &a.supplierList},
          std::tuple{"customer", &a.customerAdd, &a.customerUpdate, &a.customerList}}) {
        auto* parent = app.add_subcommand(what, std::string(what) + "s")->require_subcommand(1);
        *add = parent->add_subcommand("add", std::string("add a ") + what);
        (*add)->add_option("code", a.code)->required();
        (*add)->add_option("name", a.name)->required();
        *update = parent->add_subcommand("update", std::string("rename a ") + what);
        (*update)->add_option("code", a.code)->required();
        (*update)->add_option("name", a.name)->required();
        *listed = parent->add_subcommand("list", std::string("every ") + what + ", as CSV");
    }

    auto* user = app.add_subcommand("user", "users")->require_subcommand(1);
    a.userAdd = user->add_subcommand("add", "add a user");
    a.userAdd->add_option("name", a.name)->required();
    addUserOptions(a.userAdd, a.user);
    a.userUpdate = user->add_subcommand("update", "change a user's role, badge or PIN");
    a.userUpdate->add_option("name", a.name)->required();
    addUserOptions(a.userUpdate, a.user);
    a.userList = user->add_subcommand("list", "every user (no PINs), as CSV");

    a.recipeList = app.add_subcommand("recipe", "recipes (set them with import recipes)")
                       ->require_subcommand(1)
                       ->add_subcommand("list", "every recipe, one row per component, as CSV");

    a.import = app.add_subcommand("import", "import master data from CSV (all or nothing), the format of "
                                            "'lotstation import' and of the list commands");
    a.import->add_option("kind", a.kind, "items, locations, suppliers, customers, users or recipes")
        ->required();
    a.import->add_option("file", a.file, "CSV file with a header row")->required()->check(CLI::ExistingFile);
    a.import->add_flag("--update", a.update, "change records that exist instead of refusing them");
}

MasterCommands::~MasterCommands() = default;

bool MasterCommands::parsed() const {
    const auto& a = *m_args;
    for (const auto* command : {a.itemAdd, a.itemUpdate, a.locationAdd, a.locationUpdate, a.supplierAdd,
                                a.supplierUpdate, a.customerAdd, a.customerUpdate, a.userAdd, a.userUpdate,
                                a.itemList, a.locationList, a.supplierList, a.customerList, a.userList,
                                a.recipeList, a.import, a.orderAdd, a.orderAmend, a.orderCancel, a.orderList})
        if (command->parsed()) return true;
    return false;
}

std::optional<int> MasterCommands::run(storage::Ledger& ledger) const {
    const auto& a = *m_args;
    if (a.itemAdd->parsed() || a.itemUpdate->parsed()) {
        storage::NewItem base;
        base.sku = a.code;
        if (a.itemUpdate->parsed()) {
            auto current = ledger.item(a.code);
            if (!current) return failWith(current.error().message);
            base = storage::asNewItem(*current);
        }
        auto item = applyItemFields(base, a.item);
        if (!item) return failWith(item.error().message);
        if (a.itemAdd->parsed()) return report(ledger.addItem(*item), "item " + a.code + " added");
        return report(storage::updateItem(ledger, *item), "item " + a.code + " updated");
    }
    if (a.locationAdd->parsed() || a.locationUpdate->parsed()) {
        storage::Location location{a.code, a.name, storage::LocationKind::Store};
        if (a.locationUpdate->parsed()) {
            auto current = ledger.location(a.code);
            if (!current) return failWith(current.error().message);
            location = *current;
            if (a.newName) location.name = *a.newName;
        }
        if (a.newKind) {
            auto kind = storage::parseLocationKind(*a.newKind);
            if (!kind) return failWith(kind.error().message);
            location.kind = *kind;
        }
        if (a.locationAdd->parsed())
            return report(ledger.addLocation(location), "location " + a.code + " added");
        return report(storage::updateLocation(ledger, location), "location " + a.code + " updated");
    }
    if (a.supplierAdd->parsed())
        return report(ledger.addSupplier({a.code, a.name}), "supplier " + a.code + " added");
    if (a.supplierUpdate->parsed())
        return report(storage::updateSupplier(ledger, {a.code, a.name}), "supplier " + a.code + " updated");
    if (a.customerAdd->parsed())
        return report(ledger.addCustomer({a.code, a.name}), "customer " + a.code + " added");
    if (a.customerUpdate->parsed())
        return report(storage::updateCustomer(ledger, {a.code, a.name}), "customer " + a.code + " updated");
    if (a.userAdd->parsed() || a.userUpdate->parsed()) {
        storage::NewUser base;
        base.name = a.name;
        if (a.userUpdate->parsed()) {
            auto current = ledger.user(a.name);
            if (!current) return failWith(current.error().message);
            base = storage::NewUser{current->name, current->role, current->badge, std::nullopt};
        }
        auto user = applyUserFields(base, a.user);
        if (!user) return failWith(user.error().message);
        // The server's console is the central administration (no admin of this ledger to name).
        if (a.userAdd->parsed()) return report(ledger.addUserFromCentral(*user), "user " + a.name + " added");
        return report(storage::updateUser(ledger, *user), "user " + a.name + " updated");
    }
    if (auto done = runOrder(a, ledger)) return done;
    if (a.itemList->parsed()) return list(ledger, "items");
    if (a.locationList->parsed()) return list(ledger, "locations");
    if (a.supplierList->parsed()) return list(ledger, "suppliers");
    if (a.customerList->parsed()) return list(ledger, "customers");
    if (a.userList->parsed()) return list(ledger, "users");
    if (a.recipeList->parsed()) return list(ledger, "recipes");
    if (a.import->parsed()) {
        auto kind = storage::parseImportKind(a.kind);
        if (!kind) return failWith(kind.error().message);
        if (*kind == storage::ImportKind::Lots)
            return failWith("lots are received at stations, not imported on the server");
        std::ifstream in(a.file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) return failWith("cannot read " + a.file);
        storage::ImportOptions options;
        options.update = a.update;
        options.central = true;
        auto summary = storage::importCsv(ledger, *kind, text.str(), options);
        if (!summary) return failWith("nothing imported from " + a.file + ":\n" + summary.error().message);
        std::cout << "imported " << summary->rows << " " << a.kind << " from " << a.file << "\n";
        if (!summary->ignoredColumns.empty()) {
            std::cout << "ignored columns:";
            for (const auto& column : summary->ignoredColumns)
                std::cout << " " << column;
            std::cout << "\n";
        }
        return 0;
    }
    return std::nullopt;
}

} // namespace lotstation::server
