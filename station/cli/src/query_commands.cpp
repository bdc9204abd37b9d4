// Reading the ledger: lot show, stock, expiring, fefo, lookup, verify (cost: cost_commands.cpp).
#include "cli_context.hpp"
#include "json_views.hpp"
#include "lotstation/station/lookup.hpp"
#include "lotstation/station/progress_meter.hpp"
#include "lotstation/storage/ledger_verify.hpp"
#include "lotstation/storage/queries.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace lotstation::station::cli {
namespace {

storage::Date today() {
    return storage::dateOf(storage::systemClock()());
}

nlohmann::json toJson(const storage::StockLine& line) {
    return {{"lot", line.lot},
            {"sku", line.sku},
            {"item", line.itemName},
            {"location", line.location},
            {"quantity", line.quantity},
            {"quantity_text", storage::formatQuantity(line.quantity, line.uom)},
            {"status", storage::toString(line.status)},
            {"expiry",
             line.expiry ? nlohmann::json(storage::formatDate(*line.expiry)) : nlohmann::json(nullptr)}};
}

std::string stockText(const std::vector<storage::StockLine>& lines) {
    std::ostringstream text;
    for (const auto& line : lines) {
        text << line.lot << "  " << line.sku << "  " << line.location << "  "
             << storage::formatQuantity(line.quantity, line.uom) << "  " << storage::toString(line.status);
        if (line.expiry) text << "  expires " << storage::formatDate(*line.expiry);
        text << '\n';
    }
    if (lines.empty()) text << "nothing on hand\n";
    return text.str();
}

void addLotShow(CLI::App& root, CliContext& context) {
    auto* lot = root.add_subcommand("lot", "Lots");
    lot->require_subcommand(1);
    auto* show = lot->add_subcommand("show", "A lot: status, dates, stock by location and its full history");
    auto code = std::make_shared<std::string>();
    show->add_option("LOT", *code, "Lot code")->required();
    show->callback([&context, code] {
        context.action = [&context, code] {
            auto ledger = context.openLedger();
            const auto lotValue = unwrap(ledger.lot(*code));
            const auto item = unwrap(ledger.item(lotValue.sku));
            const auto stock = unwrap(storage::stockByLot(ledger, lotValue.code));
            const auto history = unwrap(storage::lotHistory(ledger, lotValue.code));
            auto value = cli::toJson(lotValue);
            value["item"] = cli::toJson(item);
            const auto onHand = unwrap(ledger.onHand(lotValue.code));
            value["on_hand"] = onHand;
            value["stock"] = nlohmann::json::array();
            for (const auto& line : stock)
                value["stock"].push_back(toJson(line));
            value["history"] = nlohmann::json::array();
            std::ostringstream text;
            text << lotValue.code << "  " << item.name << " (" << item.sku << ")  "
                 << storage::toString(lotValue.status)
                 << "\non hand: " << storage::formatQuantity(onHand, item.uom) << '\n';
            if (lotValue.supplier)
                text << "supplier: " << *lotValue.supplier << "  lot " << lotValue.supplierLot.value_or("")
                     << '\n';
            if (lotValue.run) text << "made by run " << *lotValue.run << '\n';
            text << "origin " << storage::formatDate(lotValue.originDate);
            if (lotValue.expiry) text << "  expires " << storage::formatDate(*lotValue.expiry);
            if (lotValue.bestBefore) text << "  best before " << storage::formatDate(*lotValue.bestBefore);
            text << "\n\nstock:\n" << stockText(stock) << "\nhistory:\n";
            for (const auto& entry : history) {
                auto movement = cli::toJson(entry.movement, item.uom);
                movement["reversed_by"] =
                    entry.reversedBy ? nlohmann::json(*entry.reversedBy) : nlohmann::json(nullptr);
                value["history"].push_back(movement);
                text << describe(entry.movement, item.uom) << (entry.reversedBy ? "  (reversed)" : "")
                     << '\n';
            }
            context.emit(text.str(), value);
            return 0;
        };
    });
}

void addStock(CLI::App& root, CliContext& context) {
    auto* stock =
        root.add_subcommand("stock", "Stock on hand: per item, or the lots of one item or location");
    struct Args {
        std::string sku, location;
    };
    auto args = std::make_shared<Args>();
    stock->add_option("SKU", args->sku, "Item (default: totals of every item)");
    stock->add_option("--location", args->location, "Only this location");
    stock->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            if (args->sku.empty() && args->location.empty()) {
                nlohmann::json list = nlohmann::json::array();
                std::ostringstream text;
                for (const auto& total : unwrap(storage::stockTotals(ledger))) {
                    const bool low = total.reorderPoint && total.onHand <= *total.reorderPoint;
                    list.push_back({{"sku", total.sku},
                                    {"name", total.name},
                                    {"on_hand", total.onHand},
                                    {"on_hand_text", storage::formatQuantity(total.onHand, total.uom)},
                                    {"lots", total.lots},
                                    {"low", low}});
                    text << total.sku << "  " << total.name << "  "
                         << storage::formatQuantity(total.onHand, total.uom) << "  in " << total.lots
                         << " lot(s)" << (low ? "  LOW: at or below reorder point" : "") << '\n';
                }
                context.emit(text.str(), list);
                return 0;
            }
            auto lines = args->sku.empty() ? unwrap(storage::stockByLocation(ledger, args->location))
                                           : unwrap(storage::stockByItem(ledger, args->sku));
            if (!args->sku.empty() && !args->location.empty())
                std::erase_if(lines, [&](const auto& line) { return line.location != args->location; });
            nlohmann::json list = nlohmann::json::array();
            for (const auto& line : lines)
                list.push_back(toJson(line));
            context.emit(stockText(lines), list);
            return 0;
        };
    });
}

void addExpiryCommands(CLI::App& root, CliContext& context) {
    auto* expiringCommand =
        root.add_subcommand("expiring", "Lots that expire within N days (and already expired)");
    auto days = std::make_shared<int>(30);
    expiringCommand->add_option("--days", *days, "Window in days")->required();
    expiringCommand->callback([&context, days] {
        context.action = [&context, days] {
            auto ledger = context.openLedger();
            nlohmann::json list = nlohmann::json::array();
            std::ostringstream text;
            for (const auto& lot : unwrap(storage::expiring(ledger, today(), *days))) {
                list.push_back({{"lot", lot.stock.lot.code},
                                {"sku", lot.stock.lot.sku},
                                {"item", lot.itemName},
                                {"expiry", storage::formatDate(*lot.stock.lot.expiry)},
                                {"days_left", lot.daysLeft},
                                {"on_hand", lot.stock.onHand},
                                {"on_hand_text", storage::formatQuantity(lot.stock.onHand, lot.stock.uom)}});
                text << lot.stock.lot.code << "  " << lot.itemName << "  expires "
                     << storage::formatDate(*lot.stock.lot.expiry)
                     << (lot.daysLeft < 0 ? "  EXPIRED " + std::to_string(-lot.daysLeft) + " days ago"
                                          : "  in " + std::to_string(lot.daysLeft) + " days")
                     << "  " << storage::formatQuantity(lot.stock.onHand, lot.stock.uom) << '\n';
            }
            context.emit(list.empty() ? "nothing expires within " + std::to_string(*days) + " days"
                                      : text.str(),
                         list);
            return 0;
        };
    });

    auto* fefoCommand = root.add_subcommand("fefo", "An item's available lots, first expiry first out");
    auto sku = std::make_shared<std::string>();
    fefoCommand->add_option("SKU", *sku, "Item")->required();
    fefoCommand->callback([&context, sku] {
        context.action = [&context, sku] {
            auto ledger = context.openLedger();
            nlohmann::json list = nlohmann::json::array();
            std::ostringstream text;
            int rank = 1;
            for (const auto& lot : unwrap(storage::fefo(ledger, *sku, today()))) {
                list.push_back(
                    {{"lot", lot.lot.code},
                     {"on_hand", lot.onHand},
                     {"on_hand_text", storage::formatQuantity(lot.onHand, lot.uom)},
                     {"expiry", lot.lot.expiry ? nlohmann::json(storage::formatDate(*lot.lot.expiry))
                                               : nlohmann::json(nullptr)}});
                text << rank++ << ". " << lot.lot.code << "  "
                     << storage::formatQuantity(lot.onHand, lot.uom);
                if (lot.lot.expiry) text << "  expires " << storage::formatDate(*lot.lot.expiry);
                text << '\n';
            }
            context.emit(list.empty() ? "no available lot of " + *sku : text.str(), list);
            return 0;
        };
    });
}

void addLookup(CLI::App& root, CliContext& context) {
    auto* lookup = root.add_subcommand("lookup", "What a scanned or typed code names in the ledger");
    auto text = std::make_shared<std::string>();
    lookup->add_option("CODE", *text, "Scanned text: a GS1 string, Digital Link, LS: label, lot, SKU, ...")
        ->required();
    lookup->callback([&context, text] {
        context.action = [&context, text] {
            auto ledger = context.openLedger();
            const auto found = lookUpText(ledger, *text);
            return std::visit(
                [&context](const auto& value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, FoundLots>) {
                        nlohmann::json lots = nlohmann::json::array();
                        std::string lines;
                        for (const auto& lot : value.lots) {
                            lots.push_back(cli::toJson(lot));
                            lines += "lot " + lot.code + " (" + lot.sku + ", " +
                                     storage::toString(lot.status) + ")\n";
                        }
                        context.emit(lines + "found by " + value.via,
                                     {{"kind", "lots"}, {"via", value.via}, {"lots", lots}});
                    } else if constexpr (std::is_same_v<T, FoundItem>) {
                        context.emit(
                            "item " + value.item.sku + " (" + value.item.name + ")",
                            {{"kind", "item"}, {"via", value.via}, {"item", cli::toJson(value.item)}});
                    } else if constexpr (std::is_same_v<T, FoundLocation>) {
                        context.emit("location " + value.location.code + " (" + value.location.name + ")",
                                     {{"kind", "location"}, {"location", cli::toJson(value.location)}});
                    } else if constexpr (std::is_same_v<T, FoundUser>) {
                        context.emit("user " + value.user.name,
                                     {{"kind", "user"}, {"user", cli::toJson(value.user)}});
                    } else if constexpr (std::is_same_v<T, FoundCommand>) {
                        const std::string name(scan::commandName(value.command));
                        context.emit("command " + name, {{"kind", "command"}, {"command", name}});
                    } else {
                        throw CommandFailed(value.reason);
                    }
                    return 0;
                },
                found);
        };
    });
}

void addVerify(CLI::App& root, CliContext& context) {
    auto* verify =
        root.add_subcommand("verify", "Re-derive balances from the ledger and check the hash chains");
    verify->callback([&context] {
        context.action = [&context] {
            auto ledger = context.openLedger();
            ProgressMeter meter(context.err, "verify", stderrIsTerminal());
            const auto findings = unwrap(storage::verifyLedger(ledger, meter.callback()));
            const auto movements = unwrap(ledger.movementCount());
            nlohmann::json list = nlohmann::json::array();
            std::ostringstream text;
            for (const auto& finding : findings) {
                list.push_back(finding.message);
                text << finding.message << '\n';
            }
            if (findings.empty())
                text << "ledger verified: " << movements << " movements, balances and hash chains intact";
            context.emit(text.str(),
                         {{"ok", findings.empty()}, {"movements", movements}, {"findings", list}});
            return findings.empty() ? 0 : 1;
        };
    });
}

} // namespace

void addQueryCommands(CLI::App& root, CliContext& context) {
    addLotShow(root, context);
    addStock(root, context);
    addExpiryCommands(root, context);
    addLookup(root, context);
    addVerify(root, context);
    addTraceCommands(root, context);
}

} // namespace lotstation::station::cli
