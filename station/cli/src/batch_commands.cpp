// The electronic batch record on the command line: recipe procedure (the master batch record), run step /
// verify / deviation / record. `run finish` of a run that follows a batch record is in movement_commands.cpp
// (finishBatchRun below does the work).
#include "cli_context.hpp"
#include "json_views.hpp"

#include "lotstation/station/batch_record_export.hpp"
#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/quantity.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

namespace lotstation::station::cli {
namespace {

using nlohmann::json;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CommandFailed("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

json entryJson(const storage::SignedEntry& signedEntry) {
    const auto& e = signedEntry.entry;
    return {{"run", e.run},
            {"entry", e.id},
            {"kind", storage::toString(e.kind)},
            {"step", e.step},
            {"by", e.user},
            {"judgement", e.judgement ? json(*e.judgement) : json()},
            {"deviation", e.deviation ? json(*e.deviation) : json()},
            {"movement", e.movement ? json(*e.movement) : json()},
            {"signature", signedEntry.signature.id},
            {"meaning", storage::toString(signedEntry.signature.meaning)},
            {"statement", signedEntry.signature.statement}};
}

void emitEntry(const CliContext& context, const storage::SignedEntry& signedEntry) {
    std::string text = signedEntry.signature.statement + " (signed " + signedEntry.signature.printedName + ", " +
                       storage::toString(signedEntry.signature.meaning) + ")";
    if (signedEntry.entry.judgement == "outside") text += "; outside its limits under the approved deviation";
    context.emit(text, entryJson(signedEntry));
}

// "3" or "finish" (a deviation on the finish: yield, labels).
int stepNumber(const std::string& text) {
    if (text == "finish") return storage::kFinishStep;
    try {
        std::size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value >= 1) return value;
    } catch (const std::exception&) {
    }
    throw CommandFailed("'" + text + "' is not a step number (1, 2, ...) or 'finish'");
}

std::string procedureText(const storage::Procedure& p) {
    std::string out = p.sku + " procedure version " + std::to_string(p.version) + " (by " + p.createdBy + ", " +
                      storage::formatTimestamp(p.createdAt) + "), yield " + p.yieldMin + "–" + p.yieldMax + " %\n";
    int number = 0;
    for (const auto& s : p.steps)
        out += "  " + std::to_string(++number) + ". " + storage::toString(s.kind) + ": " + s.title +
               (s.verify ? " (verified by a second person)" : "") + "\n";
    return out + p.source;
}

void addProcedure(CLI::App& root, CliContext& context) {
    auto* recipe = root.get_subcommand("recipe");
    auto* procedure = recipe->add_subcommand("procedure", "Set (a new version of) or show a recipe's procedure, "
                                                          "the master batch record (JSON)");
    struct Args {
        std::string sku, file;
        bool show = false;
        int version = 0;
    };
    auto args = std::make_shared<Args>();
    procedure->add_option("SKU", args->sku, "The item the recipe makes")->required();
    auto* file = procedure->add_option("FILE", args->file, "The procedure file (JSON)");
    auto* show = procedure->add_flag("--show", args->show, "Show the current version (or --version N)");
    procedure->add_option("--version", args->version, "With --show: that version")->needs(show);
    file->excludes(show);
    procedure->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            if (!args->show && args->file.empty()) throw CommandFailed("give the procedure FILE.json, or --show");
            const auto stored =
                args->show
                    ? unwrap(storage::procedureOf(ledger, args->sku,
                                                  args->version ? std::optional(args->version) : std::nullopt))
                    : unwrap(storage::setProcedure(ledger, args->sku, readFile(args->file), context.user));
            json value = json::parse(stored.source);
            value["sku"] = stored.sku;
            value["version"] = stored.version;
            value["record_id"] = stored.recordId;
            context.emit(args->show ? procedureText(stored)
                                    : stored.sku + ": procedure version " + std::to_string(stored.version) + ", " +
                                          std::to_string(stored.steps.size()) + " steps",
                         value);
            return 0;
        };
    });
}

void addSteps(CLI::App& run, CliContext& context) {
    auto* step = run.add_subcommand("step", "Perform a step of the run's batch record (signed with your PIN)");
    struct StepArgs {
        std::string run, step, value, lot, quantity, by, pin;
    };
    auto stepArgs = std::make_shared<StepArgs>();
    step->add_option("RUN", stepArgs->run, "Run code")->required();
    step->add_option("STEP", stepArgs->step, "Step number (default: the next open step)");
    step->add_option("--value", stepArgs->value, "The value recorded (a check, an instruction's value)");
    auto* lot = step->add_option("--lot", stepArgs->lot, "Weigh: the lot taken");
    auto* quantity = step->add_option("--quantity", stepArgs->quantity, "Weigh: the quantity weighed, e.g. 6.01kg");
    lot->needs(quantity);
    quantity->needs(lot);
    step->add_option("--by", stepArgs->by, "Who performed it")->required();
    step->add_option("--pin", stepArgs->pin, "Their PIN, entered now")->required();
    step->callback([&context, stepArgs] {
        context.action = [&context, stepArgs] {
            auto ledger = context.openLedger();
            storage::StepRequest request{.run = stepArgs->run, .by = stepArgs->by, .pin = stepArgs->pin};
            if (!stepArgs->step.empty()) request.step = stepNumber(stepArgs->step);
            if (!stepArgs->value.empty()) request.value = stepArgs->value;
            if (!stepArgs->lot.empty()) {
                request.lot = stepArgs->lot;
                request.quantity = quantityForLot(ledger, stepArgs->lot, stepArgs->quantity);
            }
            emitEntry(context, unwrap(storage::performStep(ledger, request)));
            return 0;
        };
    });

    auto* verify = run.add_subcommand("verify", "Verify a performed step: a second, different person signs");
    struct SignArgs {
        std::string run, step, reason, by, pin;
    };
    auto verifyArgs = std::make_shared<SignArgs>();
    verify->add_option("RUN", verifyArgs->run, "Run code")->required();
    verify->add_option("STEP", verifyArgs->step, "Step number")->required();
    verify->add_option("--by", verifyArgs->by, "Who verifies")->required();
    verify->add_option("--pin", verifyArgs->pin, "Their PIN, entered now")->required();
    verify->callback([&context, verifyArgs] {
        context.action = [&context, verifyArgs] {
            auto ledger = context.openLedger();
            emitEntry(context, unwrap(storage::verifyStep(ledger, verifyArgs->run, stepNumber(verifyArgs->step),
                                                          verifyArgs->by, verifyArgs->pin)));
            return 0;
        };
    });

    auto* deviation = run.add_subcommand("deviation", "A supervisor approves a deviation on a step (or 'finish')");
    auto deviationArgs = std::make_shared<SignArgs>();
    deviation->add_option("RUN", deviationArgs->run, "Run code")->required();
    deviation->add_option("STEP", deviationArgs->step, "Step number, or 'finish' (yield, labels)")->required();
    deviation->add_option("--reason", deviationArgs->reason, "What deviates and why")->required();
    deviation->add_option("--by", deviationArgs->by, "The supervisor")->required();
    deviation->add_option("--pin", deviationArgs->pin, "Their PIN, entered now")->required();
    deviation->callback([&context, deviationArgs] {
        context.action = [&context, deviationArgs] {
            auto ledger = context.openLedger();
            emitEntry(context, unwrap(storage::recordDeviation(ledger, deviationArgs->run,
                                                               stepNumber(deviationArgs->step), deviationArgs->reason,
                                                               deviationArgs->by, deviationArgs->pin)));
            return 0;
        };
    });

    auto* record = run.add_subcommand("record", "The run's batch production record (PDF or JSON)");
    struct RecordArgs {
        std::string run, out;
    };
    auto recordArgs = std::make_shared<RecordArgs>();
    record->add_option("RUN", recordArgs->run, "Run code")->required();
    record->add_option("--out", recordArgs->out, "FILE.pdf or FILE.json")->required();
    record->callback([&context, recordArgs] {
        context.action = [&context, recordArgs] {
            auto ledger = context.openLedger();
            const auto batch = unwrap(storage::batchRecord(ledger, recordArgs->run));
            unwrap(writeBatchRecord(batch, recordArgs->out));
            context.emit(recordArgs->out + ": batch record of " + batch.run.code + (batch.inProgress ? " (IN PROGRESS)" : "") +
                             ", " + std::to_string(batch.deviations.size()) + " deviation(s), sha256 " + batch.hash,
                         {{"run", batch.run.code}, {"file", recordArgs->out}, {"in_progress", batch.inProgress},
                          {"deviations", batch.deviations.size()}, {"record_hash", batch.hash}});
            return 0;
        };
    });
}

} // namespace

void finishBatchRun(const CliContext& context, storage::Ledger& ledger, const storage::BatchFinishRequest& request) {
    const auto done = unwrap(storage::finishBatch(ledger, request));
    auto value = toJson(done.finished.run);
    value["lot_code"] = done.finished.lotCode;
    value["yield_percent"] = done.entry.entry.value.value_or("");
    value["signature"] = done.entry.signature.id;
    context.emit(done.finished.lotCode, value);
}

void addBatchCommands(CLI::App& root, CliContext& context) {
    addProcedure(root, context);
    addSteps(*root.get_subcommand("run"), context);
}

} // namespace lotstation::station::cli
