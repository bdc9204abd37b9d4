// Commands that record movements: receive, run start / consume / finish, ship, move, adjust, count, scrap,
// hold, release, reverse. Each prints what it recorded; receive and run finish print the lot code first.
#include "cli_context.hpp"
#include "lotstation/storage/batch_record.hpp"
#include "json_views.hpp"

#include "lotstation/storage/receipt_check.hpp"
#include "lotstation/storage/sales.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <CLI/CLI.hpp>

namespace lotstation::station::cli {
namespace {

template <typename Args> std::shared_ptr<Args> makeArgs() {
    return std::make_shared<Args>();
}

void reportMovement(const CliContext& context, const storage::Ledger& ledger,
                    const storage::Movement& movement) {
    const auto uom = unwrap(ledger.item(unwrap(ledger.lot(movement.lot)).sku)).uom;
    context.emit("recorded " + describe(movement, uom), toJson(movement, uom));
}

std::optional<std::string> optionalText(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

void addReceive(CLI::App& root, CliContext& context) {
    auto* receive = root.add_subcommand("receive", "Receive a supplier's lot at the dock");
    struct Args {
        std::string sku, quantity, supplier, supplierLot, expires, bestBefore, unitCost, location, lot,
            reference;
        bool confirmLarge = false;
    };
    auto args = makeArgs<Args>();
    receive->add_option("SKU", args->sku, "Item received")->required();
    receive->add_option("QTY", args->quantity, "Quantity, e.g. 25kg, 750ml, 12")->required();
    receive->add_option("--supplier", args->supplier, "Supplier code")->required();
    receive->add_option("--supplier-lot", args->supplierLot, "The supplier's lot code")->required();
    receive->add_option("--expires", args->expires, "Use-by date, YYYY-MM-DD");
    receive->add_option("--best-before", args->bestBefore, "Best-before date, YYYY-MM-DD");
    receive->add_option("--unit-cost", args->unitCost, "Cost, e.g. 4.20/kg, 0.35/pc");
    receive->add_option("--location", args->location, "Where it goes (default: the item's default location)");
    receive->add_option("--lot", args->lot, "Our lot code (default: generated)");
    receive->add_option("--ref", args->reference, "Purchase order or delivery note");
    receive->add_flag("--confirm-large", args->confirmLarge,
                      "Accept a quantity over 1,000 times the item's largest earlier receipt");
    receive->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto item = unwrap(ledger.item(args->sku));
            storage::ReceiveRequest request{
                .sku = args->sku,
                .supplier = args->supplier,
                .supplierLot = args->supplierLot,
                .quantity = unwrap(storage::parseQuantity(args->quantity, item.uom, item.sku)),
                .location = optionalText(args->location),
                .lotCode = optionalText(args->lot),
                .reference = optionalText(args->reference),
                .user = context.user};
            if (!args->expires.empty()) request.expiry = dateArgument(args->expires);
            if (!args->bestBefore.empty()) request.bestBefore = dateArgument(args->bestBefore);
            if (!args->unitCost.empty())
                request.unitCost = unwrap(storage::parseUnitCost(args->unitCost, item.uom));
            if (auto size = storage::checkReceiptSize(ledger, item.sku, request.quantity); !size && !args->confirmLarge)
                throw CommandFailed(size.error().message + ", or add --confirm-large");
            const auto received = unwrap(ledger.receive(request));
            auto value = toJson(received.movement, item.uom);
            value["lot_code"] = received.lotCode;
            value["added_to_existing_lot"] = received.addedToExistingLot;
            context.emit(received.lotCode, value);
            return 0;
        };
    });
}

void addRun(CLI::App& root, CliContext& context) {
    auto* run = root.add_subcommand("run", "Production runs (batches)");
    run->require_subcommand(1);

    auto* start = run->add_subcommand("start", "Start a run of a recipe");
    struct StartArgs {
        std::string sku, planned, workstation, code;
    };
    auto startArgs = makeArgs<StartArgs>();
    start->add_option("SKU", startArgs->sku, "Item to make (it needs a recipe)")->required();
    start->add_option("--planned", startArgs->planned, "Planned output, e.g. 20kg or 100")->required();
    start->add_option("--workstation", startArgs->workstation, "Workstation location code");
    start->add_option("--run", startArgs->code, "Run code (default: generated)");
    start->callback([&context, startArgs] {
        context.action = [&context, startArgs] {
            auto ledger = context.openLedger();
            const auto started = unwrap(
                ledger.startRun({.sku = startArgs->sku,
                                 .planned = quantityForItem(ledger, startArgs->sku, startArgs->planned),
                                 .workstation = optionalText(startArgs->workstation),
                                 .runCode = optionalText(startArgs->code),
                                 .user = context.user}));
            context.emit(started.code, toJson(started));
            return 0;
        };
    });

    auto* consume = run->add_subcommand("consume", "Consume a lot into a run");
    struct ConsumeArgs {
        std::string run, lot, quantity, location, overrideReason, supervisor, supervisorPin;
    };
    auto consumeArgs = makeArgs<ConsumeArgs>();
    consume->add_option("RUN", consumeArgs->run, "Run code")->required();
    consume->add_option("LOT", consumeArgs->lot, "Lot code")->required();
    consume->add_option("QTY", consumeArgs->quantity, "Quantity, e.g. 6kg")->required();
    consume->add_option("--location", consumeArgs->location, "Where it is taken from");
    consume->add_option("--override-reason", consumeArgs->overrideReason,
                        "Consume although a rule refuses it (expired, held, not in the recipe)");
    consume->add_option("--supervisor", consumeArgs->supervisor, "Supervisor approving the override");
    consume->add_option("--supervisor-pin", consumeArgs->supervisorPin, "The supervisor's PIN");
    consume->callback([&context, consumeArgs] {
        context.action = [&context, consumeArgs] {
            auto ledger = context.openLedger();
            // A run that follows its batch record takes its inputs through its signed weigh steps only.
            if (unwrap(storage::hasBatchRecord(ledger, consumeArgs->run)))
                throw CommandFailed("run " + consumeArgs->run +
                                    " follows its batch record: weigh its inputs with `lotstation run step " +
                                    consumeArgs->run + " --lot LOT --quantity Q --by NAME --pin PIN`");
            storage::ConsumeRequest request{
                .run = consumeArgs->run,
                .lot = consumeArgs->lot,
                .quantity = quantityForLot(ledger, consumeArgs->lot, consumeArgs->quantity),
                .location = optionalText(consumeArgs->location),
                .user = context.user};
            if (!consumeArgs->overrideReason.empty() || !consumeArgs->supervisor.empty()) {
                if (consumeArgs->overrideReason.empty() || consumeArgs->supervisor.empty())
                    throw CommandFailed("an override needs both --override-reason and --supervisor");
                const auto supervisor =
                    unwrap(ledger.recordPinAttempt(consumeArgs->supervisor, consumeArgs->supervisorPin));
                request.override = storage::Override{consumeArgs->overrideReason, supervisor.name};
            }
            reportMovement(context, ledger, unwrap(ledger.consume(request)));
            return 0;
        };
    });

    auto* finish = run->add_subcommand("finish", "Finish a run: its output becomes a new lot");
    struct FinishArgs {
        std::string run, output, expires, location, lot, by, pin;
        std::optional<std::int64_t> labelsPrinted, labelsDestroyed;
    };
    auto finishArgs = makeArgs<FinishArgs>();
    finish->add_option("RUN", finishArgs->run, "Run code")->required();
    finish->add_option("QTY", finishArgs->output, "Actual output, e.g. 98 or 19.6kg")->required();
    finish->add_option("--expires", finishArgs->expires,
                       "Use-by date (default: today + the item's shelf life)");
    finish->add_option("--location", finishArgs->location, "Where the output goes");
    finish->add_option("--lot", finishArgs->lot, "Lot code of the output (default: generated)");
    finish->add_option("--labels-printed", finishArgs->labelsPrinted, "Batch record: labels printed (issued)");
    finish->add_option("--labels-destroyed", finishArgs->labelsDestroyed, "Batch record: labels destroyed");
    finish->add_option("--by", finishArgs->by, "Batch record: who finishes (signs)");
    finish->add_option("--pin", finishArgs->pin, "Batch record: their PIN, entered now");
    finish->callback([&context, finishArgs] {
        context.action = [&context, finishArgs] {
            auto ledger = context.openLedger();
            const auto finishing = unwrap(ledger.run(finishArgs->run));
            if (unwrap(storage::hasBatchRecord(ledger, finishArgs->run))) {
                storage::BatchFinishRequest request{
                    .run = finishArgs->run,
                    .output = quantityForItem(ledger, finishing.sku, finishArgs->output),
                    .labelsPrinted = finishArgs->labelsPrinted,
                    .labelsDestroyed = finishArgs->labelsDestroyed,
                    .location = optionalText(finishArgs->location),
                    .lotCode = optionalText(finishArgs->lot),
                    .by = finishArgs->by,
                    .pin = finishArgs->pin};
                if (!finishArgs->expires.empty()) request.expiry = dateArgument(finishArgs->expires);
                finishBatchRun(context, ledger, request);
                return 0;
            }
            storage::FinishRunRequest request{.run = finishArgs->run,
                                              .output =
                                                  quantityForItem(ledger, finishing.sku, finishArgs->output),
                                              .location = optionalText(finishArgs->location),
                                              .lotCode = optionalText(finishArgs->lot),
                                              .user = context.user};
            if (!finishArgs->expires.empty()) request.expiry = dateArgument(finishArgs->expires);
            const auto finished = unwrap(ledger.finishRun(request));
            auto value = toJson(finished.run);
            value["lot_code"] = finished.lotCode;
            context.emit(finished.lotCode, value);
            return 0;
        };
    });
}

void addShipMove(CLI::App& root, CliContext& context) {
    auto* ship = root.add_subcommand("ship", "Ship a lot to a customer");
    struct ShipArgs {
        std::string lot, quantity, customer, reference, order, location, price;
    };
    auto shipArgs = makeArgs<ShipArgs>();
    ship->add_option("LOT", shipArgs->lot, "Lot code")->required();
    ship->add_option("QTY", shipArgs->quantity, "Quantity")->required();
    ship->add_option("--customer", shipArgs->customer, "Customer code (default with --order: the order's)");
    ship->add_option("--order", shipArgs->order, "Sales order reference: customer and price from its line");
    ship->add_option("--ref", shipArgs->reference, "Order number (an order on record is shipped against)");
    ship->add_option("--location", shipArgs->location, "Where it is shipped from");
    ship->add_option("--price", shipArgs->price,
                     "Price per unit, e.g. 4.50/pc (default: the order's line, else the customer's price list)");
    ship->callback([&context, shipArgs] {
        context.action = [&context, shipArgs] {
            auto ledger = context.openLedger();
            const auto sku = unwrap(ledger.lot(shipArgs->lot)).sku;
            std::optional<storage::Micros> price;
            if (!shipArgs->price.empty())
                price = unwrap(storage::parsePrice(ledger, shipArgs->price, unwrap(ledger.item(sku)).uom));
            if (!shipArgs->order.empty() && !shipArgs->reference.empty() &&
                shipArgs->order != shipArgs->reference)
                throw CommandFailed("--order and --ref name different orders: give one");
            // A --ref that names an order on record ships against it, so the order's checks always apply.
            auto order = shipArgs->order.empty() ? shipArgs->reference : shipArgs->order;
            const bool againstOrder = !shipArgs->order.empty() || (!order.empty() && storage::salesOrder(ledger, order));
            if (!againstOrder && shipArgs->customer.empty())
                throw CommandFailed("ship needs --customer or --order");
            const storage::ShipRequest request{.lot = shipArgs->lot,
                                               .quantity = quantityForLot(ledger, shipArgs->lot, shipArgs->quantity),
                                               .customer = shipArgs->customer,
                                               .reference = optionalText(order),
                                               .location = optionalText(shipArgs->location),
                                               .user = context.user};
            const auto shipped = againstOrder ? unwrap(storage::shipAgainstOrder(ledger, request, price))
                                              : unwrap(storage::shipAtPrice(ledger, request, price));
            reportMovement(context, ledger, shipped.movement);
            if (againstOrder && !context.json)
                context.out << storage::orderSummary(unwrap(storage::salesOrder(ledger, order)), sku) << "\n";
            return 0;
        };
    });

    auto* move = root.add_subcommand("move", "Move a lot to another location");
    struct MoveArgs {
        std::string lot, quantity, to, from;
    };
    auto moveArgs = makeArgs<MoveArgs>();
    move->add_option("LOT", moveArgs->lot, "Lot code")->required();
    move->add_option("QTY", moveArgs->quantity, "Quantity")->required();
    move->add_option("--to", moveArgs->to, "Destination location code")->required();
    move->add_option("--from", moveArgs->from, "Source location (default: the only one holding the lot)");
    move->callback([&context, moveArgs] {
        context.action = [&context, moveArgs] {
            auto ledger = context.openLedger();
            reportMovement(
                context, ledger,
                unwrap(ledger.move({.lot = moveArgs->lot,
                                    .quantity = quantityForLot(ledger, moveArgs->lot, moveArgs->quantity),
                                    .to = moveArgs->to,
                                    .from = optionalText(moveArgs->from),
                                    .user = context.user})));
            return 0;
        };
    });
}

// adjust (signed change), count (counted quantity) and scrap (thrown away) share LOT QTY --reason.
void addStockCorrections(CLI::App& root, CliContext& context) {
    struct Args {
        std::string lot, quantity, reason, location;
    };
    const auto define = [&root](const char* name, const char* description, const char* quantityHelp,
                                bool reasonRequired, std::shared_ptr<Args> args) {
        auto* command = root.add_subcommand(name, description);
        command->add_option("LOT", args->lot, "Lot code")->required();
        command->add_option("QTY", args->quantity, quantityHelp)->required();
        command->add_option("--reason", args->reason, "Why")->required(reasonRequired);
        command->add_option("--location", args->location, "Location (default: the only one holding the lot)");
        return command;
    };
    auto adjustArgs = makeArgs<Args>();
    define("adjust", "Correct a lot's stock by a signed quantity", "Change, e.g. -250g or +2", true,
           adjustArgs)
        ->callback([&context, adjustArgs] {
            context.action = [&context, adjustArgs] {
                auto ledger = context.openLedger();
                reportMovement(context, ledger,
                               unwrap(ledger.adjust(
                                   {.lot = adjustArgs->lot,
                                    .delta = quantityForLot(ledger, adjustArgs->lot, adjustArgs->quantity),
                                    .location = optionalText(adjustArgs->location),
                                    .reason = adjustArgs->reason,
                                    .user = context.user})));
                return 0;
            };
        });
    auto countArgs = makeArgs<Args>();
    define("count", "Record a stock count of a lot at a location", "Counted quantity", false, countArgs)
        ->callback([&context, countArgs] {
            context.action = [&context, countArgs] {
                auto ledger = context.openLedger();
                reportMovement(context, ledger,
                               unwrap(ledger.count(
                                   {.lot = countArgs->lot,
                                    .counted = quantityForLot(ledger, countArgs->lot, countArgs->quantity),
                                    .location = optionalText(countArgs->location),
                                    .reason = optionalText(countArgs->reason),
                                    .user = context.user})));
                return 0;
            };
        });
    auto scrapArgs = makeArgs<Args>();
    define("scrap", "Throw part of a lot away", "Quantity scrapped", true, scrapArgs)
        ->callback([&context, scrapArgs] {
            context.action = [&context, scrapArgs] {
                auto ledger = context.openLedger();
                reportMovement(context, ledger,
                               unwrap(ledger.scrap(
                                   {.lot = scrapArgs->lot,
                                    .quantity = quantityForLot(ledger, scrapArgs->lot, scrapArgs->quantity),
                                    .location = optionalText(scrapArgs->location),
                                    .reason = scrapArgs->reason,
                                    .user = context.user})));
                return 0;
            };
        });
}

void addStatusChanges(CLI::App& root, CliContext& context) {
    struct Args {
        std::vector<std::string> lots;
        std::string reason, status = "hold";
    };
    auto holdArgs = makeArgs<Args>();
    auto* hold = root.add_subcommand("hold", "Put lots on hold (or quarantine / recalled)");
    hold->add_option("LOT", holdArgs->lots, "Lot codes")->required();
    hold->add_option("--reason", holdArgs->reason, "Why")->required();
    hold->add_option("--status", holdArgs->status, "hold, quarantine or recalled");
    hold->callback([&context, holdArgs] {
        context.action = [&context, holdArgs] {
            auto ledger = context.openLedger();
            const auto movements =
                unwrap(ledger.hold({.lots = holdArgs->lots,
                                    .status = unwrap(storage::parseLotStatus(holdArgs->status)),
                                    .reason = holdArgs->reason,
                                    .user = context.user}));
            for (const auto& movement : movements)
                reportMovement(context, ledger, movement);
            return 0;
        };
    });
    auto releaseArgs = makeArgs<Args>();
    auto* release = root.add_subcommand("release", "Release held lots");
    release->add_option("LOT", releaseArgs->lots, "Lot codes")->required();
    release->add_option("--reason", releaseArgs->reason, "Why")->required();
    release->callback([&context, releaseArgs] {
        context.action = [&context, releaseArgs] {
            auto ledger = context.openLedger();
            const auto movements = unwrap(ledger.release({.lots = releaseArgs->lots,
                                                          .status = storage::LotStatus::Available,
                                                          .reason = releaseArgs->reason,
                                                          .user = context.user}));
            for (const auto& movement : movements)
                reportMovement(context, ledger, movement);
            return 0;
        };
    });

    struct ReverseArgs {
        std::string movement, reason;
    };
    auto reverseArgs = makeArgs<ReverseArgs>();
    auto* reverse = root.add_subcommand("reverse", "Undo a movement with a new, reversing movement");
    reverse->add_option("MOVEMENT", reverseArgs->movement, "Movement id")->required();
    reverse->add_option("--reason", reverseArgs->reason, "Why")->required();
    reverse->callback([&context, reverseArgs] {
        context.action = [&context, reverseArgs] {
            auto ledger = context.openLedger();
            reportMovement(context, ledger,
                           unwrap(ledger.reverse({.movementId = reverseArgs->movement,
                                                  .reason = reverseArgs->reason,
                                                  .user = context.user})));
            return 0;
        };
    });
}

} // namespace

void addMovementCommands(CLI::App& root, CliContext& context) {
    addReceive(root, context);
    addRun(root, context);
    addShipMove(root, context);
    addStockCorrections(root, context);
    addStatusChanges(root, context);
}

} // namespace lotstation::station::cli
