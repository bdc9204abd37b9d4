// report margins | valuation | at-risk | waste: printed, as JSON, or written to .csv / .xlsx with --out.
#include "cli_context.hpp"
#include "lotstation/station/progress_meter.hpp"

#include "lotstation/storage/cost_reports.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/table_file.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>

namespace lotstation::station::cli {
namespace {

using storage::Cell;
using storage::MoneyCell;

Cell money(const std::optional<storage::Micros>& amount) {
    return amount ? Cell(MoneyCell{*amount}) : Cell(std::monostate{});
}

// Screen text: columns padded to their widest cell.
std::string aligned(const storage::Table& table) {
    std::vector<std::size_t> widths(table.headers.size(), 0);
    std::vector<std::vector<std::string>> cells;
    cells.push_back(table.headers);
    for (const auto& row : table.rows) {
        std::vector<std::string> texts;
        for (const auto& cell : row)
            texts.push_back(storage::cellText(cell, table.currency));
        cells.push_back(std::move(texts));
    }
    for (const auto& row : cells)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    std::ostringstream out;
    for (const auto& row : cells) {
        for (std::size_t c = 0; c < row.size(); ++c)
            out << row[c] << (c + 1 < row.size() ? std::string(widths[c] - row[c].size() + 2, ' ') : "");
        out << '\n';
    }
    return out.str();
}

nlohmann::json tableJson(const storage::Table& table) {
    auto rows = nlohmann::json::array();
    for (const auto& row : table.rows) {
        nlohmann::json object;
        for (std::size_t c = 0; c < row.size() && c < table.headers.size(); ++c) {
            const auto& cell = row[c];
            if (const auto* m = std::get_if<MoneyCell>(&cell))
                object[table.headers[c] + "_micros"] = m->amount;
            else if (const auto* n = std::get_if<std::int64_t>(&cell))
                object[table.headers[c]] = *n;
            else if (std::holds_alternative<std::monostate>(cell))
                object[table.headers[c]] = nullptr;
            else
                object[table.headers[c]] = storage::cellText(cell, table.currency);
        }
        rows.push_back(object);
    }
    return rows;
}

int deliver(const CliContext& context, const storage::Table& table, const std::string& outPath,
            const std::string& summary) {
    if (!outPath.empty()) {
        unwrap(storage::writeTables({table}, outPath));
        context.emit("wrote " + std::to_string(table.rows.size()) + " rows to " + outPath + (summary.empty() ? "" : "; " + summary),
                     {{"rows", table.rows.size()}, {"file", outPath}});
        return 0;
    }
    context.emit(aligned(table) + summary, tableJson(table));
    return 0;
}

storage::Period periodOf(const std::string& from, const std::string& to) {
    storage::Period period;
    if (!from.empty()) period.from = dateArgument(from);
    if (!to.empty()) period.to = dateArgument(to);
    return period;
}

struct Common {
    std::string from, to, out;
};

void addMargins(CLI::App& report, CliContext& context) {
    auto* margins = report.add_subcommand("margins", "Revenue, cost of goods shipped and margin");
    struct Args : Common {
        std::string by = "product";
    };
    auto args = std::make_shared<Args>();
    margins->add_option("--from", args->from, "First day (inclusive)");
    margins->add_option("--to", args->to, "Last day (inclusive)");
    margins->add_option("--by", args->by, "lot | product | customer | month (default product)");
    margins->add_option("--out", args->out, "Write FILE.csv or FILE.xlsx");
    margins->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto by = unwrap(storage::parseMarginGrouping(args->by));
            ProgressMeter meter(context.err, "margins", stderrIsTerminal());
            const auto rows = unwrap(storage::marginReport(ledger, periodOf(args->from, args->to), by,
                                                           args->out.empty() ? storage::Progress{} : meter.callback()));
            storage::Table table{.name = "Margins",
                                 .headers = {args->by, "shipments", "revenue", "cost", "margin", "margin_percent"},
                                 .rows = {},
                                 .currency = storage::ledgerCurrency(ledger)};
            for (const auto& row : rows) {
                Cell percent = std::monostate{};
                if (row.marginBasisPoints) percent = storage::formatMoney(*row.marginBasisPoints * 10'000);
                table.rows.push_back({row.key, row.shipments, money(row.revenue), money(row.cost), money(row.margin),
                                      percent});
            }
            return deliver(context, table, args->out, "amounts in " + table.currency);
        };
    });
}

storage::Table valuationTable(const storage::Valuation& valuation, const std::string& currency, const std::string& name) {
    storage::Table table{.name = name,
                         .headers = {"lot", "sku", "quantity", "uom", "expiry", "unit_cost", "value"},
                         .rows = {},
                         .currency = currency};
    for (const auto& row : valuation.lots) {
        // Quantities in the item's display unit (g, ml, pc) as exact text: a spreadsheet reads "2500.5".
        const auto perUnit = storage::baseUnitsPerUnit(row.uom);
        std::string quantity = std::to_string(row.quantity / perUnit);
        if (row.quantity % perUnit != 0) {
            auto fraction = std::to_string(std::abs(row.quantity % perUnit));
            fraction.insert(0, 3 - fraction.size(), '0');
            while (fraction.back() == '0')
                fraction.pop_back();
            quantity += "." + fraction;
        }
        table.rows.push_back({row.lot, row.sku,
                              row.quantity % perUnit == 0 ? Cell(row.quantity / perUnit) : Cell(quantity),
                              std::string(storage::toString(row.uom)),
                              row.expiry ? Cell(*row.expiry) : Cell(std::monostate{}),
                              row.unitCost ? Cell(storage::formatMoney(*row.unitCost)) : Cell(std::monostate{}),
                              money(row.value)});
    }
    return table;
}

std::string valuationSummary(const storage::Valuation& valuation, const std::string& currency) {
    return "total " + storage::formatCurrency(valuation.total, currency) + " at " + storage::formatDate(valuation.at) +
           (valuation.unknownLots > 0 ? " (" + std::to_string(valuation.unknownLots) + " lots of unknown cost left out)"
                                      : std::string());
}

void addValuation(CLI::App& report, CliContext& context) {
    auto* valuation = report.add_subcommand("valuation", "Stock on hand at a date x each lot's cost");
    struct Args : Common {
        std::string at;
    };
    auto args = std::make_shared<Args>();
    valuation->add_option("--at", args->at, "The date (default today)");
    valuation->add_option("--out", args->out, "Write FILE.csv or FILE.xlsx");
    valuation->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            std::optional<storage::Date> at;
            if (!args->at.empty()) at = dateArgument(args->at);
            ProgressMeter meter(context.err, "valuation", stderrIsTerminal());
            const auto result = unwrap(storage::stockValuation(ledger, at, args->out.empty() ? storage::Progress{} : meter.callback()));
            const auto currency = storage::ledgerCurrency(ledger);
            return deliver(context, valuationTable(result, currency, "Valuation"), args->out,
                           valuationSummary(result, currency));
        };
    });

    auto* atRisk = report.add_subcommand("at-risk", "Value of stock expiring within N days (or expired)");
    auto risk = std::make_shared<std::pair<int, std::string>>(30, "");
    atRisk->add_option("--days", risk->first, "Days ahead (default 30)");
    atRisk->add_option("--out", risk->second, "Write FILE.csv or FILE.xlsx");
    atRisk->callback([&context, risk] {
        context.action = [&context, risk] {
            auto ledger = context.openLedger();
            const auto result = unwrap(storage::valueAtRisk(ledger, risk->first));
            const auto currency = storage::ledgerCurrency(ledger);
            return deliver(context, valuationTable(result, currency, "At risk"), risk->second,
                           "at risk within " + std::to_string(risk->first) + " days: " +
                               storage::formatCurrency(result.total, currency));
        };
    });
}

void addWaste(CLI::App& report, CliContext& context) {
    auto* waste = report.add_subcommand("waste", "Value of what was scrapped");
    auto args = std::make_shared<Common>();
    waste->add_option("--from", args->from, "First day (inclusive)");
    waste->add_option("--to", args->to, "Last day (inclusive)");
    waste->add_option("--out", args->out, "Write FILE.csv or FILE.xlsx");
    waste->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto rows = unwrap(storage::wasteReport(ledger, periodOf(args->from, args->to)));
            storage::Table table{.name = "Waste",
                                 .headers = {"lot", "sku", "quantity", "value", "reasons"},
                                 .rows = {},
                                 .currency = storage::ledgerCurrency(ledger)};
            storage::Micros total = 0;
            for (const auto& row : rows) {
                table.rows.push_back({row.lot, row.sku, storage::formatQuantity(row.quantity, row.uom), money(row.value),
                                      row.reasons});
                total += row.value.value_or(0);
            }
            return deliver(context, table, args->out, "waste " + storage::formatCurrency(total, table.currency));
        };
    });
}

} // namespace

void addReportCommands(CLI::App& root, CliContext& context) {
    auto* report = root.add_subcommand("report", "Margins, stock valuation, value at risk, waste");
    report->require_subcommand(1);
    addMargins(*report, context);
    addValuation(*report, context);
    addWaste(*report, context);
}

} // namespace lotstation::station::cli
