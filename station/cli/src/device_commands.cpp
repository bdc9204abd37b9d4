// Talking to the outside world: scan PATH... (images, folders, videos, cameras) and label ... (render or
// print).
#include "cli_context.hpp"
#include "lotstation/labels/payload.hpp"
#include "lotstation/labels/print.hpp"
#include "lotstation/labels/render.hpp"
#include "lotstation/labels/template_loader.hpp"
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/scan/scan_files.hpp"
#include "lotstation/station/label_content.hpp"
#include "lotstation/station/paths.hpp"
#include "lotstation/station/tagged_labels.hpp"
#include "lotstation/storage/lot_tags.hpp"

#include <CLI/CLI.hpp>
#include <ostream>
#include <sstream>

namespace lotstation::station::cli {
namespace {

nlohmann::json positionJson(const std::optional<scan::Quad>& quad) {
    if (!quad) return nullptr;
    nlohmann::json corners = nlohmann::json::array();
    for (const auto& corner : quad->corners)
        corners.push_back({corner.x, corner.y});
    return corners;
}

void addScan(CLI::App& root, CliContext& context) {
    auto* scanCommand =
        root.add_subcommand("scan", "Decode and interpret codes in images, folders, videos or a camera");
    auto inputs = std::make_shared<std::vector<std::string>>();
    scanCommand->add_option("PATH", *inputs, "Image, folder, video file, camera index (0) or stream URL")
        ->required();
    scanCommand->callback([&context, inputs] {
        context.action = [&context, inputs] {
            // Each code is printed as it registers (and flushed), so a pipeline can follow a live camera:
            // with --json one JSON object per line (JSON Lines), then a summary line.
            scan::FileScanOptions options;
            options.onCode = [&context](const scan::FoundCode& found) {
                const auto meaning = scan::interpret(found.code);
                if (context.json) {
                    const nlohmann::json line{
                        {"source", found.source},
                        {"frame", found.frame ? nlohmann::json(*found.frame) : nlohmann::json(nullptr)},
                        {"text", found.code.text},
                        {"format", scan::symbologyName(found.code.symbology)},
                        {"symbology_id", found.code.symbologyId},
                        {"position", positionJson(found.code.position)},
                        {"meaning", scan::describe(meaning)}};
                    context.out << line.dump() << std::endl;
                } else {
                    context.out << found.source << (found.frame ? " frame " + std::to_string(*found.frame) : "")
                                << ": " << scan::symbologyName(found.code.symbology) << " "
                                << found.code.symbologyId << "  " << scan::displayScannedText(found.code.text)
                                << "\n    " << scan::describe(meaning) << std::endl;
                }
            };
            options.onError = [&context](const scan::FileScanError& error) {
                context.err << "lotstation: " << error.source << ": " << error.message << std::endl;
                if (context.json)
                    context.out << nlohmann::json{{"source", error.source}, {"error", error.message}}.dump()
                                << std::endl;
            };
            const auto report = scan::scanFiles(*inputs, options);
            if (context.json)
                context.out << nlohmann::json{{"codes", report.codes.size()},
                                              {"errors", report.errors.size()},
                                              {"images", report.imagesRead},
                                              {"frames", report.framesRead}}
                                   .dump()
                            << std::endl;
            else
                context.out << report.codes.size() << " code(s) in " << report.imagesRead << " image(s) and "
                            << report.framesRead << " video frame(s)" << std::endl;
            return report.errors.empty() ? 0 : 1;
        };
    });
}

labels::TemplateSet loadLabelTemplates() {
    std::vector<std::filesystem::path> dirs{findAssetsDir() / "labels", userDataDir() / "labels"};
    auto loaded = labels::loadTemplates(dirs);
    if (!loaded) throw CommandFailed(loaded.error().message);
    return std::move(*loaded);
}

struct LabelArgs {
    std::string templateName, out, printer, sheet;
    int copies = 1;
    int dpi = 0;
};

void addOutputOptions(CLI::App& command, LabelArgs& args, const char* defaultTemplate) {
    command.add_option("--template", args.templateName,
                       std::string("Template name (default ") + defaultTemplate + ")");
    command.add_option("--copies", args.copies, "Copies of the label")->check(CLI::Range(1, 1000));
    auto* out = command.add_option("--out", args.out, "Write to FILE.png, FILE.pdf or FILE.zpl");
    auto* printer =
        command.add_option("--printer", args.printer, "CUPS queue, cups:QUEUE, or HOST:9100 for raw ZPL");
    command.add_option("--sheet", args.sheet, "Sheet layout for PDF output (e.g. sheet-a4-3x8)");
    command.add_option("--dpi", args.dpi, "PNG resolution (default: the template's)");
    out->excludes(printer);
}

// A lot label whose template encodes an RFID tag, sent as ZPL: one label per copy, each with its own serial
// taken and recorded by the station (tagged_labels.hpp). Returns the tags taken: voided when the print fails.
station::TakenTags assignTagSerials(const CliContext& context, labels::PrintJob& job) {
    const auto* lot = std::get_if<labels::LotLabelData>(&job.labels.front());
    if (!job.labelTemplate.rfid || lot == nullptr) return {};
    auto ledger = context.openLedger();
    auto tagged = station::tagCopies(ledger, job.labelTemplate, *lot, job.copies, context.user);
    if (!tagged) throw CommandFailed(tagged.error().message);
    job.labels.assign(tagged->labels.begin(), tagged->labels.end());
    job.copies = 1;
    return tagged->tags;
}

int printLabel(const CliContext& context, const LabelArgs& args, const std::string& defaultTemplate,
               labels::LabelContent content) {
    if (args.out.empty() && args.printer.empty()) throw CommandFailed("say where: --out FILE or --printer P");
    const auto templates = loadLabelTemplates();
    const auto name = args.templateName.empty() ? defaultTemplate : args.templateName;
    const auto* tmpl = templates.findTemplate(name);
    if (tmpl == nullptr) throw CommandFailed("no label template " + name);
    labels::PrintJob job{*tmpl, {std::move(content)}, args.copies, std::nullopt, args.dpi};
    if (!args.sheet.empty()) {
        const auto* sheet = templates.findSheet(args.sheet);
        if (sheet == nullptr) throw CommandFailed("no sheet layout " + args.sheet);
        job.sheet = *sheet;
    }
    auto target = labels::parsePrinterTarget(args.out.empty() ? args.printer : args.out);
    if (!target) throw CommandFailed(target.error().message);
    const auto tags = labels::sendsZpl(*target) ? assignTagSerials(context, job) : station::TakenTags{};
    const auto payload = labels::payloadFor(job.labels.front());
    auto receipt = labels::print(job, *target);
    if (!receipt) {
        auto ledger = context.openLedger();
        std::string message = receipt.error().message;
        if (!tags.empty()) message += "; the RFID serials it took are voided, never used again";
        for (const auto& problem : station::voidTags(ledger, tags, "label not printed: " + receipt.error().message))
            message += "; " + problem;
        throw CommandFailed(message);
    }
    context.emit(receipt->detail, {{"detail", receipt->detail},
                                   {"labels", receipt->labelsPrinted},
                                   {"bytes", receipt->bytesSent},
                                   {"payload", payload ? *payload : ""}});
    return 0;
}

void addLabel(CLI::App& root, CliContext& context) {
    auto* label =
        root.add_subcommand("label", "Render or print a lot label; or a location, badge or command label");
    auto lotArgs = std::make_shared<LabelArgs>();
    auto lot = std::make_shared<std::string>();
    label->add_option("LOT", *lot, "Lot code");
    addOutputOptions(*label, *lotArgs, "lot-50x30");
    label->callback([&context, label, lotArgs, lot] {
        if (!label->get_subcommands().empty()) return;
        context.action = [&context, lotArgs, lot] {
            if (lot->empty()) throw CommandFailed("which lot? lotstation label LOT --out FILE");
            auto ledger = context.openLedger();
            return printLabel(context, *lotArgs, "lot-50x30", unwrap(lotLabelContent(ledger, *lot)));
        };
    });

    const auto defineKind = [&context, label](const char* kind, const char* help, const char* argument,
                                              const char* defaultTemplate, auto makeContent) {
        auto* command = label->add_subcommand(kind, help);
        auto args = std::make_shared<LabelArgs>();
        auto value = std::make_shared<std::string>();
        command->add_option(argument, *value, argument)->required();
        addOutputOptions(*command, *args, defaultTemplate);
        command->callback([&context, args, value, defaultTemplate, makeContent] {
            context.action = [&context, args, value, defaultTemplate, makeContent] {
                return printLabel(context, *args, defaultTemplate, makeContent(context, *value));
            };
        });
    };
    defineKind("location", "A location's label", "CODE", "location-100x50",
               [](const CliContext& ctx, const std::string& code) -> labels::LabelContent {
                   auto ledger = ctx.openLedger();
                   return unwrap(locationLabelContent(ledger, code));
               });
    defineKind("badge", "A user's badge", "USER", "badge-86x54",
               [](const CliContext& ctx, const std::string& user) -> labels::LabelContent {
                   auto ledger = ctx.openLedger();
                   return unwrap(badgeLabelContent(ledger, user));
               });
    defineKind("command", "A command card: FINISH, UNDO, CANCEL, CONFIRM or LOGOUT", "NAME", "command-100x50",
               [](const CliContext&, const std::string& name) -> labels::LabelContent {
                   const auto command = labels::commandFromName(name);
                   if (!command)
                       throw CommandFailed(name +
                                           " is not a command (FINISH, UNDO, CANCEL, CONFIRM, LOGOUT)");
                   return labels::CommandLabelData{*command};
               });
}

} // namespace

void addDeviceCommands(CLI::App& root, CliContext& context) {
    addScan(root, context);
    addLabel(root, context);
}

} // namespace lotstation::station::cli
