// What batches cost: cost LOT, rate set / list, run labour, price set, currency.
#include "cli_context.hpp"

#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/lot_cost.hpp"
#include "lotstation/storage/sales.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace lotstation::station::cli {
namespace {

using nlohmann::json;

json orNull(const std::optional<std::int64_t>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string overheadRateText(const storage::OverheadLine& line, const std::string& currency) {
    switch (line.basis) {
    case storage::OverheadBasis::PerRun:
        return storage::formatCurrency(line.rate, currency) + " per run";
    case storage::OverheadBasis::PerLabourHour:
        return storage::formatMoney(line.rate) + "/h of labour";
    case storage::OverheadBasis::PerUnit:
        return storage::formatUnitCost(line.rate, line.uom.value_or(storage::Uom::Piece)) + " of output";
    case storage::OverheadBasis::MaterialPercent:
        return storage::formatMoney(line.rate * 10'000) + "% of material";
    }
    return {};
}

void describeCost(std::ostream& text, const storage::LotCost& cost, const std::string& currency) {
    text << cost.lot << " (" << cost.sku << ", run " << cost.run << "): " << storage::formatQuantity(cost.output, cost.uom)
         << " made" << (cost.finishedAt ? ", finished " + storage::formatTimestamp(*cost.finishedAt) : "") << '\n';
    text << "  material " << storage::formatCurrency(cost.materialCost, currency) << '\n';
    for (const auto& input : cost.material) {
        text << "    " << input.lot << "  " << storage::formatQuantity(input.quantity, input.uom) << " at "
             << (input.unitCost ? storage::formatUnitCost(*input.unitCost, input.uom) : std::string("unknown cost"))
             << (input.source == storage::CostSource::Computed ? " (made here)" : "") << " = "
             << (input.cost ? storage::formatMinorUnits(*input.cost, currency) : std::string("?")) << '\n';
    }
    text << "  labour " << storage::formatCurrency(cost.labourCost, currency) << '\n';
    for (const auto& line : cost.labour) {
        text << "    " << (line.entry ? "entry " + std::to_string(*line.entry) : std::string("start to finish")) << ": "
             << storage::formatDuration(line.seconds) << " x " << line.people << (line.people == 1 ? " person" : " people")
             << (line.worker ? " (" + *line.worker + ")" : "") << " at "
             << (line.perHour ? storage::formatMoney(*line.perHour) + "/h" : std::string("no rate")) << " = "
             << (line.cost ? storage::formatMinorUnits(*line.cost, currency) : std::string("?")) << '\n';
    }
    text << "  overhead " << storage::formatCurrency(cost.overheadCost, currency) << '\n';
    for (const auto& line : cost.overhead)
        text << "    " << overheadRateText(line, currency) << " (since " << storage::formatTimestamp(line.rateSince)
             << ") = " << storage::formatMinorUnits(line.cost, currency) << '\n';
    if (cost.total) {
        text << "  total " << storage::formatCurrency(*cost.total, currency);
        if (cost.perUnit) text << ", " << currency << ' ' << storage::formatUnitCost(*cost.perUnit, cost.uom);
        text << '\n';
    } else {
        text << "  total unknown:";
        for (const auto& why : cost.missing)
            text << ' ' << why << ';';
        text << '\n';
    }
}

json costJson(const storage::LotCost& cost) {
    json inputs = json::array();
    for (const auto& input : cost.material)
        inputs.push_back({{"lot", input.lot},
                          {"sku", input.sku},
                          {"quantity", input.quantity},
                          {"made_here", input.source == storage::CostSource::Computed},
                          {"unit_cost_micros", orNull(input.unitCost)},
                          {"cost_micros", orNull(input.cost)}});
    json labour = json::array();
    for (const auto& line : cost.labour)
        labour.push_back({{"entry", orNull(line.entry)},
                          {"seconds", line.seconds},
                          {"people", line.people},
                          {"worker", line.worker ? json(*line.worker) : json(nullptr)},
                          {"per_hour_micros", orNull(line.perHour)},
                          {"cost_micros", orNull(line.cost)}});
    json overhead = json::array();
    for (const auto& line : cost.overhead)
        overhead.push_back({{"basis", storage::toString(line.basis)},
                            {"rate", line.rate},
                            {"since", storage::formatTimestamp(line.rateSince)},
                            {"cost_micros", line.cost}});
    json out{{"lot", cost.lot},        {"sku", cost.sku},
             {"run", cost.run},        {"output", cost.output},
             {"inputs", inputs},       {"labour", labour},
             {"overhead", overhead},   {"material_micros", cost.materialCost},
             {"labour_micros", cost.labourCost}, {"overhead_micros", cost.overheadCost},
             {"total_micros", orNull(cost.total)}, {"per_unit_micros", orNull(cost.perUnit)},
             {"missing", cost.missing}};
    return out;
}

void addCost(CLI::App& root, CliContext& context) {
    auto* cost = root.add_subcommand("cost", "What a produced lot cost: material, labour, overhead, per unit");
    auto code = std::make_shared<std::string>();
    cost->add_option("LOT", *code, "Produced lot")->required();
    cost->callback([&context, code] {
        context.action = [&context, code] {
            auto ledger = context.openLedger();
            const auto currency = storage::ledgerCurrency(ledger);
            const auto lot = unwrap(storage::lotCost(ledger, *code));
            std::ostringstream text;
            describeCost(text, lot, currency);
            json below = json::array();
            for (const auto& inner : lot.intermediates) {
                text << '\n';
                describeCost(text, inner, currency);
                below.push_back(costJson(inner));
            }
            auto value = costJson(lot);
            value["currency"] = currency;
            value["intermediates"] = below;
            context.emit(text.str(), value);
            return 0;
        };
    });
}

void addRate(CLI::App& root, CliContext& context) {
    auto* rate = root.add_subcommand("rate", "Labour and overhead rates (the rate in force when a run finishes)");
    rate->require_subcommand(1);
    auto* set = rate->add_subcommand("set", "Set a labour or overhead rate");
    set->require_subcommand(1);

    auto* labour = set->add_subcommand("labour", "Hourly labour rate at a workstation");
    struct LabourArgs {
        std::string workstation, rate, worker;
    };
    auto labourArgs = std::make_shared<LabourArgs>();
    labour->add_option("WORKSTATION", labourArgs->workstation, "Location code of the workstation")->required();
    labour->add_option("RATE", labourArgs->rate, "e.g. 24.50/h")->required();
    labour->add_option("--for", labourArgs->worker, "Only for this person (a user)");
    labour->callback([&context, labourArgs] {
        context.action = [&context, labourArgs] {
            auto ledger = context.openLedger();
            const auto currency = storage::ledgerCurrency(ledger);
            const auto perHour = unwrap(storage::parseHourlyRate(unwrap(storage::withoutCurrency(labourArgs->rate, currency))));
            const auto saved = unwrap(storage::setLabourRate(
                ledger, {.workstation = labourArgs->workstation,
                         .worker = labourArgs->worker.empty() ? std::nullopt : std::optional(labourArgs->worker),
                         .perHour = perHour,
                         .user = context.user}));
            context.emit("labour at " + *saved.workstation + (saved.worker ? " for " + *saved.worker : "") + ": " + currency +
                             " " + storage::formatMoney(saved.amount) + "/h from " + storage::formatTimestamp(saved.effectiveAt),
                         {{"id", saved.id}, {"per_hour_micros", saved.amount}, {"since", storage::formatTimestamp(saved.effectiveAt)}});
            return 0;
        };
    });

    auto* overhead = set->add_subcommand("overhead", "An overhead rate (one of the four kinds)");
    struct OverheadArgs {
        std::string perRun, perHour, perUnit, percent;
    };
    auto overheadArgs = std::make_shared<OverheadArgs>();
    auto* perRun = overhead->add_option("--per-run", overheadArgs->perRun, "Money per run, e.g. 12.00");
    auto* perHour = overhead->add_option("--per-hour", overheadArgs->perHour, "Per labour hour, e.g. 6.00/h");
    auto* perUnit = overhead->add_option("--per-unit", overheadArgs->perUnit, "Per unit of output, e.g. 0.05/pc, 0.40/kg");
    auto* percent = overhead->add_option("--material-percent", overheadArgs->percent, "Percent of material, e.g. 8");
    perRun->excludes(perHour, perUnit, percent);
    perHour->excludes(perUnit, percent);
    perUnit->excludes(percent);
    overhead->callback([&context, overheadArgs] {
        context.action = [&context, overheadArgs] {
            auto ledger = context.openLedger();
            const auto currency = storage::ledgerCurrency(ledger);
            storage::OverheadRateRequest request{.user = context.user};
            const auto amountOf = [&](const std::string& text) { return unwrap(storage::withoutCurrency(text, currency)); };
            if (!overheadArgs->perRun.empty()) {
                request.basis = storage::OverheadBasis::PerRun;
                const auto amount = amountOf(overheadArgs->perRun);
                if (amount.starts_with('-')) throw CommandFailed("a rate cannot be negative: " + overheadArgs->perRun);
                request.amount = unwrap(storage::parseMoney(amount));
            } else if (!overheadArgs->perHour.empty()) {
                request.basis = storage::OverheadBasis::PerLabourHour;
                request.amount = unwrap(storage::parseHourlyRate(amountOf(overheadArgs->perHour)));
            } else if (!overheadArgs->perUnit.empty()) {
                request.basis = storage::OverheadBasis::PerUnit;
                const auto text = amountOf(overheadArgs->perUnit);
                if (text.starts_with('-')) throw CommandFailed("a rate cannot be negative: " + overheadArgs->perUnit);
                const auto unit = text.substr(text.find('/') == std::string::npos ? text.size() : text.find('/') + 1);
                storage::Uom uom = storage::Uom::Piece;
                if (unit == "kg" || unit == "g" || unit == "mg") uom = storage::Uom::Gram;
                if (unit == "l" || unit == "ml" || unit == "cl") uom = storage::Uom::Millilitre;
                request.uom = uom;
                request.amount = unwrap(storage::parseUnitCost(text, uom));
            } else if (!overheadArgs->percent.empty()) {
                request.basis = storage::OverheadBasis::MaterialPercent;
                request.amount = unwrap(storage::parsePercent(overheadArgs->percent));
            } else {
                throw CommandFailed("say which overhead: --per-run, --per-hour, --per-unit or --material-percent");
            }
            const auto saved = unwrap(storage::setOverheadRate(ledger, request));
            context.emit(std::string("overhead ") + storage::toString(*saved.basis) + " set from " +
                             storage::formatTimestamp(saved.effectiveAt),
                         {{"id", saved.id}, {"basis", storage::toString(*saved.basis)}, {"amount", saved.amount}});
            return 0;
        };
    });

    auto* list = rate->add_subcommand("list", "Every rate ever set, oldest first");
    list->callback([&context] {
        context.action = [&context] {
            auto ledger = context.openLedger();
            std::ostringstream text;
            json rows = json::array();
            for (const auto& r : storage::rateHistory(ledger)) {
                text << r.id << "  " << storage::formatTimestamp(r.effectiveAt) << "  "
                     << (r.labour ? "labour " + r.workstation.value_or("") + (r.worker ? " for " + *r.worker : "") + " " +
                                        storage::formatMoney(r.amount) + "/h"
                                  : std::string("overhead ") + storage::toString(*r.basis) + " " + std::to_string(r.amount))
                     << "  by " << r.setBy << '\n';
                rows.push_back({{"id", r.id}, {"labour", r.labour}, {"amount", r.amount},
                                {"since", storage::formatTimestamp(r.effectiveAt)}});
            }
            context.emit(text.str(), rows);
            return 0;
        };
    });
}

void addRunLabour(CLI::App& root, CliContext& context) {
    auto* run = root.get_subcommand("run");
    auto* labour = run->add_subcommand("labour", "Time worked on a finished run (a correction is a new entry)");
    struct Args {
        std::string run, duration, worker;
        int people = 1;
        std::int64_t corrects = 0;
    };
    auto args = std::make_shared<Args>();
    labour->add_option("RUN", args->run, "Run code")->required();
    labour->add_option("DURATION", args->duration, "e.g. 1.5h, 90min, 1:30")->required();
    labour->add_option("--people", args->people, "How many people worked (default 1)");
    labour->add_option("--by", args->worker, "Who worked (a user), for a per-person rate");
    labour->add_option("--corrects", args->corrects, "The labour entry this one replaces");
    labour->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto entry = unwrap(storage::recordLabour(
                ledger, {.run = args->run,
                         .seconds = unwrap(storage::parseDuration(args->duration)),
                         .people = args->people,
                         .worker = args->worker.empty() ? std::nullopt : std::optional(args->worker),
                         .corrects = args->corrects > 0 ? std::optional(args->corrects) : std::nullopt,
                         .user = context.user}));
            context.emit("labour entry " + std::to_string(entry.id) + ": " + storage::formatDuration(entry.seconds) +
                             " x " + std::to_string(entry.people) + " on " + entry.run,
                         {{"id", entry.id}, {"run", entry.run}, {"seconds", entry.seconds}, {"people", entry.people}});
            return 0;
        };
    });
}

void addPrice(CLI::App& root, CliContext& context) {
    auto* price = root.add_subcommand("price", "Customer price lists");
    price->require_subcommand(1);
    auto* set = price->add_subcommand("set", "A customer's price for an item");
    struct Args {
        std::string customer, sku, price;
    };
    auto args = std::make_shared<Args>();
    set->add_option("CUSTOMER", args->customer, "Customer code")->required();
    set->add_option("SKU", args->sku, "Item")->required();
    set->add_option("PRICE", args->price, "e.g. 4.50/pc, 12/kg")->required();
    set->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto item = unwrap(ledger.item(args->sku));
            const auto perUnit = unwrap(storage::parsePrice(ledger, args->price, item.uom));
            unwrap(storage::setCustomerPrice(
                ledger, {.customer = args->customer, .sku = item.sku, .unitPrice = perUnit, .user = context.user}));
            context.emit(args->customer + " pays " + storage::ledgerCurrency(ledger) + " " +
                             storage::formatUnitCost(perUnit, item.uom) + " for " + item.sku,
                         {{"customer", args->customer}, {"sku", item.sku}, {"unit_price_micros", perUnit}});
            return 0;
        };
    });
}

void addCurrency(CLI::App& root, CliContext& context) {
    auto* currency = root.add_subcommand("currency", "The ledger's currency (ISO 4217); shows it without a code");
    auto code = std::make_shared<std::string>();
    currency->add_option("CODE", *code, "e.g. EUR (only before any rate or price is recorded)");
    currency->callback([&context, code] {
        context.action = [&context, code] {
            auto ledger = context.openLedger();
            const auto now = code->empty() ? storage::ledgerCurrency(ledger)
                                           : unwrap(storage::setLedgerCurrency(ledger, *code, context.user));
            context.emit(now, {{"currency", now}});
            return 0;
        };
    });
}

} // namespace

void addCostCommands(CLI::App& root, CliContext& context) {
    addCost(root, context);
    addRate(root, context);
    addRunLabour(root, context);
    addPrice(root, context);
    addCurrency(root, context);
}

} // namespace lotstation::station::cli
