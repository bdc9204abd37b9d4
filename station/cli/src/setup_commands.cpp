// init, demo, and master data: items, locations, suppliers, customers, users, recipes.
#include "cli_context.hpp"
#include "json_views.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/storage/lot_code_pattern.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace lotstation::station::cli {
namespace {

void addInit(CLI::App& root, CliContext& context) {
    auto* init = root.add_subcommand("init", "Create the station ledger (and its first admin user)");
    struct Args {
        std::string station = "Station";
        std::string shortCode;
        std::string admin = "admin";
        std::string pin;
    };
    auto args = std::make_shared<Args>();
    init->add_option("--station", args->station, "Station name shown on screen");
    init->add_option("--short-code", args->shortCode, "1-4 letters/digits put into generated lot codes");
    init->add_option("--admin", args->admin, "Name of the first admin user");
    init->add_option("--pin", args->pin, "PIN of the first admin user");
    init->callback([&context, args] {
        context.action = [&context, args] {
            const bool existed = std::filesystem::exists(context.resolvedDatabasePath());
            auto ledger = context.createLedger(
                {.identity = storage::StationIdentity{"", args->station, args->shortCode}});
            if (!existed || unwrap(ledger.users()).empty()) {
                storage::NewUser admin{args->admin, storage::UserRole::Admin, {}, {}};
                if (!args->pin.empty()) admin.pin = args->pin;
                (void)unwrap(ledger.addUser(admin));
            }
            const auto station = ledger.station();
            context.emit((existed ? "ledger already there: " : "created ledger ") +
                             context.resolvedDatabasePath().string() + " (station " + station.name + ", " +
                             station.stationId + ")",
                         {{"path", context.resolvedDatabasePath().string()},
                          {"created", !existed},
                          {"station_id", station.stationId},
                          {"station", station.name},
                          {"schema_version", unwrap(ledger.schemaVersion())}});
            return 0;
        };
    });
}

void addDemo(CLI::App& root, CliContext& context) {
    auto* demo = root.add_subcommand("demo", "Create a fresh demo ledger: a small soap maker's month");
    demo->callback([&context] {
        context.action = [&context] {
            const auto path = context.resolvedDatabasePath();
            const auto summary = unwrap(createDemoLedger(path, storage::systemClock()()));
            std::ostringstream text;
            text << "demo ledger " << path.string() << ": " << summary.movements << " movements, "
                 << summary.receivedLots.size() << " received lots, " << summary.producedLots.size()
                 << " produced lots\nusers: admin (PIN 0000), ana (operator, PIN 1111), sam (supervisor, PIN "
                    "2222)";
            context.emit(text.str(), {{"path", path.string()},
                                      {"movements", summary.movements},
                                      {"received_lots", summary.receivedLots},
                                      {"produced_lots", summary.producedLots},
                                      {"runs", summary.runs}});
            return 0;
        };
    });
}

void addItem(CLI::App& parent, CliContext& context) {
    auto* add = parent.add_subcommand("add", "Add an item (SKU)");
    struct Args {
        std::string sku, name, uom, kind = "raw", gtin, location;
        std::optional<int> shelfLife;
        std::string reorder;
        bool untracked = false;
    };
    auto args = std::make_shared<Args>();
    add->add_option("SKU", args->sku, "Stock-keeping unit code")->required();
    add->add_option("--name", args->name, "What people call it")->required();
    add->add_option("--uom", args->uom, "Unit of measure: g, ml or pc")->required();
    add->add_option("--kind", args->kind, "raw, packaging, intermediate or finished");
    add->add_option("--gtin", args->gtin, "GTIN-8/12/13/14 (check digit verified)");
    add->add_option("--shelf-life-days", args->shelfLife, "Default shelf life of produced lots");
    add->add_option("--location", args->location, "Default location code");
    add->add_option("--reorder-point", args->reorder, "Reorder point, e.g. 20kg");
    add->add_flag("--untracked", args->untracked, "Not lot-tracked");
    add->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            storage::NewItem item{.sku = args->sku,
                                  .name = args->name,
                                  .kind = unwrap(storage::parseItemKind(args->kind)),
                                  .uom = unwrap(storage::parseUom(args->uom)),
                                  .lotTracked = !args->untracked,
                                  .shelfLifeDays = args->shelfLife};
            if (!args->gtin.empty()) item.gtin = args->gtin;
            if (!args->location.empty()) item.defaultLocation = args->location;
            if (!args->reorder.empty())
                item.reorderPoint = unwrap(storage::parseQuantity(args->reorder, item.uom, item.sku));
            const auto added = unwrap(ledger.addItem(item));
            context.emit("added item " + added.sku + " (" + added.name + ")", toJson(added));
            return 0;
        };
    });
}

// supplier add / customer add / location add share a shape: CODE --name N.
template <typename AddFunction>
void addCodeNamed(CLI::App& root, CliContext& context, const char* noun, const char* description,
                  AddFunction addFunction) {
    auto* group = root.add_subcommand(noun, description);
    group->require_subcommand(1);
    auto* add = group->add_subcommand("add", std::string("Add a ") + noun);
    struct Args {
        std::string code, name, kind;
    };
    auto args = std::make_shared<Args>();
    add->add_option("CODE", args->code, "Short code (printed on labels)")->required();
    add->add_option("--name", args->name, "Full name")->required();
    if (std::string(noun) == "location")
        add->add_option("--kind", args->kind, "dock, store, workstation, quarantine, finished or shipped");
    add->callback([&context, args, noun, addFunction] {
        context.action = [&context, args, noun, addFunction] {
            auto ledger = context.openLedger();
            const nlohmann::json added = addFunction(ledger, args->code, args->name, args->kind);
            context.emit(std::string("added ") + noun + " " + args->code, added);
            return 0;
        };
    });
}

void addUser(CLI::App& root, CliContext& context) {
    auto* group = root.add_subcommand("user", "Users of the station");
    group->require_subcommand(1);
    auto* add = group->add_subcommand("add", "Add a user");
    struct Args {
        std::string name, role = "operator", badge, pin;
    };
    auto args = std::make_shared<Args>();
    add->add_option("NAME", args->name, "User name")->required();
    add->add_option("--role", args->role, "operator, supervisor, qa or admin");
    add->add_option("--badge", args->badge, "Badge code printed on the user's badge label");
    add->add_option("--pin", args->pin, "PIN (stored only as an Argon2id hash)");
    add->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            storage::NewUser user{args->name, unwrap(storage::parseUserRole(args->role))};
            user.by = context.user; // the ledger refuses unless this is an admin (once there is one)
            if (!args->badge.empty()) user.badge = args->badge;
            if (!args->pin.empty()) user.pin = args->pin;
            const auto added = unwrap(ledger.addUser(user));
            context.emit("added user " + added.name + " (" + storage::toString(added.role) + ")",
                         toJson(added));
            return 0;
        };
    });
}

void addRecipe(CLI::App& root, CliContext& context) {
    auto* group = root.add_subcommand("recipe", "Recipes (bills of materials)");
    group->require_subcommand(1);
    auto* set = group->add_subcommand("set", "Set what one batch of an item is made of");
    struct Args {
        std::string sku, per;
        std::vector<std::string> components;
    };
    auto args = std::make_shared<Args>();
    set->add_option("SKU", args->sku, "The item the recipe makes")->required();
    set->add_option("--per", args->per, "Output quantity the component quantities are for, e.g. 10kg or 100")
        ->required();
    set->add_option("COMPONENTS", args->components, "COMPONENT_SKU=QTY, e.g. OLIVE-OIL=6kg")->required();
    set->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            storage::Recipe recipe{args->sku, quantityForItem(ledger, args->sku, args->per), {}};
            for (const auto& component : args->components) {
                const auto equals = component.find('=');
                if (equals == std::string::npos || equals == 0 || equals + 1 == component.size())
                    throw CommandFailed("'" + component + "' is not COMPONENT_SKU=QTY");
                const auto sku = component.substr(0, equals);
                recipe.components.push_back(
                    {sku, quantityForItem(ledger, sku, component.substr(equals + 1))});
            }
            const auto saved = unwrap(ledger.setRecipe(recipe));
            context.emit("recipe of " + saved.sku + ": " + std::to_string(saved.components.size()) +
                             " components",
                         toJson(saved));
            return 0;
        };
    });
}

// The pattern generated lot codes follow; shown with an example when given no pattern.
void addLotCodePattern(CLI::App& root, CliContext& context) {
    auto* command = root.add_subcommand("lot-code-pattern", "How generated lot codes are made; shows it without one");
    auto pattern = std::make_shared<std::string>();
    command->add_option("PATTERN", *pattern, "e.g. L{YY}{JJJ}-{ST}{NN} (tokens {SKU} {YYYY} {YY} {MM} {DD} "
                                             "{YYMMDD} {JJJ} {ST} {NN}; {ST} and {NN} required)");
    command->callback([&context, pattern] {
        context.action = [&context, pattern] {
            auto ledger = context.openLedger();
            const auto now = pattern->empty() ? storage::lotCodePattern(ledger)
                                              : unwrap(storage::setLotCodePattern(ledger, *pattern, context.user));
            const auto example = storage::exampleLotCode(now, "SKU", storage::dateOf(storage::systemClock()()),
                                                         ledger.station().shortCode);
            context.emit(now + "   e.g. " + example, {{"pattern", now}, {"example", example}});
            return 0;
        };
    });
}

} // namespace

void addSetupCommands(CLI::App& root, CliContext& context) {
    addInit(root, context);
    addLotCodePattern(root, context);
    addDemo(root, context);
    auto* item = root.add_subcommand("item", "Items (SKUs)");
    item->require_subcommand(1);
    addItem(*item, context);
    addCodeNamed(root, context, "location", "Locations (dock, store, workstation, ...)",
                 [](storage::Ledger& ledger, const std::string& code, const std::string& name,
                    const std::string& kind) {
                     storage::Location location{code, name, storage::LocationKind::Store};
                     if (!kind.empty()) location.kind = unwrap(storage::parseLocationKind(kind));
                     return toJson(unwrap(ledger.addLocation(location)));
                 });
    addCodeNamed(
        root, context, "supplier", "Suppliers",
        [](storage::Ledger& ledger, const std::string& code, const std::string& name, const std::string&) {
            return toJson(unwrap(ledger.addSupplier({code, name})));
        });
    addCodeNamed(
        root, context, "customer", "Customers",
        [](storage::Ledger& ledger, const std::string& code, const std::string& name, const std::string&) {
            return toJson(unwrap(ledger.addCustomer({code, name})));
        });
    addUser(root, context);
    addRecipe(root, context);
}

} // namespace lotstation::station::cli
