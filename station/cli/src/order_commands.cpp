// Sales orders: order add / amend / show / list / cancel. Shipping against one is `ship LOT QTY --order REF`
// (movement_commands.cpp).
#include "cli_context.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace lotstation::station::cli {
namespace {

nlohmann::json toJson(const storage::OrderProgress& progress) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : progress.lines)
        lines.push_back({{"sku", line.line.sku},
                         {"quantity", line.line.quantity},
                         {"quantity_text", storage::formatQuantity(line.line.quantity, line.uom)},
                         {"unit_price_micros", line.line.unitPrice},
                         {"shipped", line.shipped},
                         {"shipped_text", storage::formatQuantity(line.shipped, line.uom)}});
    const auto& order = progress.order;
    return {{"reference", order.reference},
            {"customer", order.customer},
            {"due", order.due ? nlohmann::json(*order.due) : nlohmann::json()},
            {"cancelled_reason", order.cancelledReason ? nlohmann::json(*order.cancelledReason) : nlohmann::json()},
            {"complete", progress.complete},
            {"open", progress.open()},
            {"created_by", order.createdBy},
            {"lines", lines}};
}

std::string state(const storage::OrderProgress& progress) {
    if (progress.order.cancelledReason) return "cancelled";
    return progress.complete ? "complete" : "open";
}

std::string describe(const storage::Ledger& ledger, const storage::OrderProgress& progress) {
    std::ostringstream out;
    const auto& order = progress.order;
    out << "Order " << order.reference << " for " << order.customer;
    if (order.due) out << ", due " << *order.due;
    out << " (" << state(progress) << ")\n";
    const auto currency = storage::ledgerCurrency(ledger);
    for (const auto& line : progress.lines)
        out << "  " << line.line.sku << "  " << storage::formatQuantity(line.line.quantity, line.uom) << " at "
            << currency << " " << storage::formatUnitCost(line.line.unitPrice, line.uom) << ", shipped "
            << storage::formatQuantity(line.shipped, line.uom) << "\n";
    if (order.cancelledReason) out << "  cancelled: " << *order.cancelledReason << "\n";
    out << storage::orderSummary(progress);
    return out.str();
}

std::vector<storage::OrderLine> parseLines(const storage::Ledger& ledger, const std::vector<std::string>& texts) {
    std::vector<storage::OrderLine> lines;
    for (const auto& text : texts)
        lines.push_back(unwrap(storage::parseOrderLine(ledger, text)));
    return lines;
}

void show(const CliContext& context, const storage::Ledger& ledger, const std::string& reference) {
    const auto progress = unwrap(storage::salesOrder(ledger, reference));
    context.emit(describe(ledger, progress), toJson(progress));
}

} // namespace

void addOrderCommands(CLI::App& root, CliContext& context) {
    auto* order = root.add_subcommand("order", "Sales orders: shipments against them take the customer and price");
    order->require_subcommand(1);

    struct AddArgs {
        std::string reference, customer, due;
        std::vector<std::string> lines;
    };
    auto addArgs = std::make_shared<AddArgs>();
    auto* add = order->add_subcommand("add", "Record a customer's order (a supervisor or admin)");
    add->add_option("REF", addArgs->reference, "Order reference, unique")->required();
    add->add_option("--customer", addArgs->customer, "Customer code")->required();
    add->add_option("--due", addArgs->due, "Due date, YYYY-MM-DD");
    add->add_option("LINES", addArgs->lines, "SKU=QTY@PRICE, e.g. BAR=48@4.50 or OIL=2.5kg@12/kg")->required();
    add->callback([&context, addArgs] {
        context.action = [&context, addArgs] {
            auto ledger = context.openLedger();
            const auto added = unwrap(storage::addSalesOrder(
                ledger, {.reference = addArgs->reference,
                         .customer = addArgs->customer,
                         .due = addArgs->due.empty() ? std::nullopt : std::optional<std::string>(addArgs->due),
                         .lines = parseLines(ledger, addArgs->lines),
                         .user = context.user}));
            show(context, ledger, added.reference);
            return 0;
        };
    });

    struct AmendArgs {
        std::string reference;
        std::vector<std::string> lines;
    };
    auto amendArgs = std::make_shared<AmendArgs>();
    auto* amend = order->add_subcommand("amend", "New quantities or prices for lines (QTY 0 takes a SKU off)");
    amend->add_option("REF", amendArgs->reference, "Order reference")->required();
    amend->add_option("LINES", amendArgs->lines, "SKU=QTY@PRICE")->required();
    amend->callback([&context, amendArgs] {
        context.action = [&context, amendArgs] {
            auto ledger = context.openLedger();
            const auto amended = unwrap(storage::amendSalesOrder(ledger, amendArgs->reference,
                                                                 parseLines(ledger, amendArgs->lines), context.user));
            show(context, ledger, amended.reference);
            return 0;
        };
    });

    auto showRef = std::make_shared<std::string>();
    auto* showCommand = order->add_subcommand("show", "An order's lines: ordered, price, shipped");
    showCommand->add_option("REF", *showRef, "Order reference")->required();
    showCommand->callback([&context, showRef] {
        context.action = [&context, showRef] {
            show(context, context.openLedger(), *showRef);
            return 0;
        };
    });

    struct ListArgs {
        bool open = false;
        std::string customer;
    };
    auto listArgs = std::make_shared<ListArgs>();
    auto* list = order->add_subcommand("list", "Orders by due date");
    list->add_flag("--open", listArgs->open, "Only orders still to ship (not complete, not cancelled)");
    list->add_option("--customer", listArgs->customer, "Only this customer's");
    list->callback([&context, listArgs] {
        context.action = [&context, listArgs] {
            const auto ledger = context.openLedger();
            storage::OrderFilter filter{.openOnly = listArgs->open};
            if (!listArgs->customer.empty()) filter.customer = listArgs->customer;
            const auto orders = unwrap(storage::salesOrders(ledger, filter));
            std::ostringstream text;
            nlohmann::json value = nlohmann::json::array();
            for (const auto& progress : orders) {
                text << progress.order.reference << "  " << progress.order.customer << "  "
                     << (progress.order.due ? "due " + *progress.order.due : std::string("no due date")) << "  "
                     << state(progress) << "  " << storage::orderSummary(progress) << "\n";
                value.push_back(toJson(progress));
            }
            auto printed = text.str();
            if (printed.empty()) printed = "no orders\n";
            printed.pop_back();
            context.emit(printed, value);
            return 0;
        };
    });

    struct CancelArgs {
        std::string reference, reason;
    };
    auto cancelArgs = std::make_shared<CancelArgs>();
    auto* cancel = order->add_subcommand("cancel", "Cancel an order: nothing more ships against it");
    cancel->add_option("REF", cancelArgs->reference, "Order reference")->required();
    cancel->add_option("--reason", cancelArgs->reason, "Why")->required();
    cancel->callback([&context, cancelArgs] {
        context.action = [&context, cancelArgs] {
            auto ledger = context.openLedger();
            unwrap(storage::cancelSalesOrder(ledger, cancelArgs->reference, cancelArgs->reason, context.user));
            show(context, ledger, cancelArgs->reference);
            return 0;
        };
    });
}

} // namespace lotstation::station::cli
