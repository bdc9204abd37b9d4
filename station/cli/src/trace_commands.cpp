// Traceability: trace LOT --backward|--forward, recall LOT [--hold --reason R] [--csv FILE].
#include "cli_context.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/station/progress_meter.hpp"
#include "lotstation/storage/recall.hpp"
#include "lotstation/storage/table_file.hpp"
#include "lotstation/storage/trace.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

namespace lotstation::station::cli {
namespace {

nlohmann::json toJson(const storage::Shipment& shipment) {
    return {
        {"movement", shipment.movementId},
        {"lot", shipment.lot},
        {"sku", shipment.sku},
        {"customer", shipment.customer},
        {"customer_name", shipment.customerName},
        {"at", storage::formatTimestamp(shipment.at)},
        {"quantity", shipment.quantity},
        {"quantity_text", storage::formatQuantity(shipment.quantity, shipment.uom)},
        {"reference", shipment.reference ? nlohmann::json(*shipment.reference) : nlohmann::json(nullptr)}};
}

nlohmann::json toJson(const storage::Trace& trace) {
    nlohmann::json lots = nlohmann::json::array();
    for (const auto& lot : trace.lots)
        lots.push_back(
            {{"code", lot.code},
             {"sku", lot.sku},
             {"item", lot.itemName},
             {"depth", lot.depth},
             {"status", storage::toString(lot.status)},
             {"supplier", lot.supplier ? nlohmann::json(*lot.supplier) : nlohmann::json(nullptr)},
             {"supplier_lot", lot.supplierLot ? nlohmann::json(*lot.supplierLot) : nlohmann::json(nullptr)},
             {"run", lot.run ? nlohmann::json(*lot.run) : nlohmann::json(nullptr)}});
    nlohmann::json edges = nlohmann::json::array();
    for (const auto& edge : trace.edges)
        edges.push_back({{"input", edge.input},
                         {"run", edge.run},
                         {"quantity", edge.quantity},
                         {"output", edge.output ? nlohmann::json(*edge.output) : nlohmann::json(nullptr)}});
    nlohmann::json shipments = nlohmann::json::array();
    for (const auto& shipment : trace.shipments)
        shipments.push_back(toJson(shipment));
    nlohmann::json suppliers = nlohmann::json::array();
    for (const auto& supplier : trace.suppliers)
        suppliers.push_back({{"code", supplier.code}, {"name", supplier.name}});
    nlohmann::json customers = nlohmann::json::array();
    for (const auto& customer : trace.customers)
        customers.push_back({{"code", customer.code}, {"name", customer.name}});
    return {{"direction", trace.direction == storage::TraceDirection::Backward ? "backward" : "forward"},
            {"root", trace.root},
            {"lots", lots},
            {"edges", edges},
            {"shipments", shipments},
            {"suppliers", suppliers},
            {"customers", customers}};
}

std::string traceText(const storage::Trace& trace) {
    std::ostringstream text;
    for (const auto& lot : trace.lots) {
        text << std::string(static_cast<std::size_t>(lot.depth) * 2, ' ') << lot.code << "  " << lot.itemName
             << "  " << storage::toString(lot.status);
        if (lot.supplier)
            text << "  from " << lot.supplierName.value_or(*lot.supplier) << " lot "
                 << lot.supplierLot.value_or("");
        if (lot.run) text << "  made by " << *lot.run;
        text << '\n';
    }
    for (const auto& edge : trace.edges)
        text << "  run " << edge.run << ": " << edge.input << " -> " << edge.output.value_or("(open)")
             << '\n';
    if (!trace.shipments.empty()) text << "shipments:\n";
    for (const auto& shipment : trace.shipments)
        text << "  " << storage::formatTimestamp(shipment.at) << "  " << shipment.lot << "  "
             << storage::formatQuantity(shipment.quantity, shipment.uom) << "  to " << shipment.customerName
             << " (" << shipment.customer << ")" << (shipment.reference ? "  ref " + *shipment.reference : "")
             << '\n';
    if (!trace.suppliers.empty()) {
        text << "suppliers:";
        for (const auto& supplier : trace.suppliers)
            text << "  " << supplier.name << " (" << supplier.code << ")";
        text << '\n';
    }
    if (!trace.customers.empty()) {
        text << "customers:";
        for (const auto& customer : trace.customers)
            text << "  " << customer.name << " (" << customer.code << ")";
        text << '\n';
    }
    return text.str();
}

void addTrace(CLI::App& root, CliContext& context) {
    auto* traceCommand = root.add_subcommand("trace", "Genealogy of a lot, any depth");
    struct Args {
        std::string lot;
        bool backward = false;
        bool forward = false;
    };
    auto args = std::make_shared<Args>();
    traceCommand->add_option("LOT", args->lot, "Lot code")->required();
    auto* backward = traceCommand->add_flag("--backward", args->backward, "Inputs, down to supplier lots");
    auto* forward =
        traceCommand->add_flag("--forward", args->forward, "Outputs, up to shipments and customers");
    backward->excludes(forward);
    traceCommand->callback([&context, args] {
        context.action = [&context, args] {
            if (!args->backward && !args->forward) throw CommandFailed("say --backward or --forward");
            auto ledger = context.openLedger();
            const auto result = unwrap(storage::trace(ledger, args->lot,
                                                      args->backward ? storage::TraceDirection::Backward
                                                                     : storage::TraceDirection::Forward));
            context.emit(traceText(result), toJson(result));
            return 0;
        };
    });
}

void addRecall(CLI::App& root, CliContext& context) {
    auto* recallCommand =
        root.add_subcommand("recall", "Everything downstream of a lot: stock, shipments, customers");
    struct Args {
        std::string lot, reason, status = "recalled", csv, fda;
        bool hold = false;
    };
    auto args = std::make_shared<Args>();
    recallCommand->add_option("LOT", args->lot, "The lot at fault")->required();
    recallCommand->add_flag("--hold", args->hold, "Put every affected lot on hold in one transaction");
    recallCommand->add_option("--reason", args->reason, "Why (required with --hold)");
    recallCommand->add_option("--status", args->status, "Status for --hold: recalled, hold or quarantine");
    recallCommand->add_option("--csv", args->csv, "Write the FSMA 204 key data elements to this CSV file");
    recallCommand->add_option("--fda", args->fda, "Write FDA's sortable spreadsheet (FILE.xlsx)");
    recallCommand->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            std::optional<storage::RecallHold> hold;
            if (args->hold) {
                if (args->reason.empty()) throw CommandFailed("--hold needs --reason");
                hold = storage::RecallHold{unwrap(storage::parseLotStatus(args->status)), args->reason,
                                           context.user};
            }
            const auto report = unwrap(storage::recall(ledger, args->lot, hold));
            if (!args->csv.empty()) {
                ProgressMeter meter(context.err, "FSMA 204 report", stderrIsTerminal());
                unwrap(storage::writeTextFile(args->csv, unwrap(storage::fsmaCsv(ledger, report, meter.callback()))));
            }
            auto value = toJson(report.trace);
            value["stock"] = nlohmann::json::array();
            std::ostringstream text;
            text << "recall of " << report.trace.root << ": " << report.trace.lots.size()
                 << " affected lot(s), " << report.trace.shipments.size() << " shipment(s) to "
                 << report.trace.customers.size() << " customer(s)\n\n"
                 << traceText(report.trace) << "on hand:\n";
            for (const auto& line : report.stock) {
                value["stock"].push_back(
                    {{"lot", line.lot},
                     {"location", line.location},
                     {"quantity", line.quantity},
                     {"quantity_text", storage::formatQuantity(line.quantity, line.uom)}});
                text << "  " << line.lot << "  " << line.location << "  "
                     << storage::formatQuantity(line.quantity, line.uom) << '\n';
            }
            value["open_runs"] = report.openRuns;
            for (const auto& run : report.openRuns)
                text << "open run " << run << " consumed an affected lot\n";
            std::vector<std::string> affected;
            for (const auto& lot : report.trace.lots)
                affected.push_back(lot.code);
            value["quality"] = nlohmann::json::array();
            const auto quality = storage::qualityHistory(ledger, affected);
            if (!quality.empty()) text << "quality records:\n";
            for (const auto& event : quality) {
                value["quality"].push_back({{"lot", event.lot},
                                            {"at", storage::formatTimestamp(event.at)},
                                            {"kind", event.kind},
                                            {"by", event.by},
                                            {"reference_type", event.referenceType},
                                            {"reference", event.reference},
                                            {"movement_id", event.movementId ? nlohmann::json(*event.movementId)
                                                                             : nlohmann::json(nullptr)},
                                            {"summary", event.summary}});
                text << "  " << storage::formatTimestamp(event.at) << "  " << event.lot << "  " << event.kind
                     << " by " << event.by << ": " << event.summary << "  [" << event.reference << "]\n";
            }
            value["held"] = report.holds.size();
            if (hold) text << report.holds.size() << " lot(s) put on " << args->status << '\n';
            if (!args->csv.empty()) text << "FSMA 204 report written to " << args->csv << '\n';
            if (!args->fda.empty()) {
                writeFdaWorkbook(context, ledger, report, args->fda);
                text << "FDA sortable spreadsheet written to " << args->fda << '\n';
            }
            context.emit(text.str(), value);
            return 0;
        };
    });
}

} // namespace

void addTraceCommands(CLI::App& root, CliContext& context) {
    addTrace(root, context);
    addRecall(root, context);
}

} // namespace lotstation::station::cli
