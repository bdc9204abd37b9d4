// attach, attachments, signatures: documents on lots and the signatures on lots and runs.
#include "cli_context.hpp"
#include "quality_views.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace lotstation::station::cli {
namespace {

void addAttach(CLI::App& root, CliContext& context) {
    auto* attach = root.add_subcommand("attach", "Attach a document (PDF, PNG, JPEG) to a lot");
    struct Args {
        std::string lot, file, kind = "document";
    };
    auto args = std::make_shared<Args>();
    attach->add_option("LOT", args->lot, "Lot")->required();
    attach->add_option("FILE", args->file, "The file")->required();
    attach->add_option("--kind", args->kind, "coa, photo or document");
    attach->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            std::ifstream in(args->file, std::ios::binary);
            if (!in) throw CommandFailed("cannot read " + args->file);
            storage::AttachRequest request{
                .subject = args->lot,
                .fileName = std::filesystem::path(args->file).filename().string(),
                .content = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
                .kind = unwrap(storage::parseAttachmentKind(args->kind)),
                .user = context.user};
            const auto attachment = unwrap(storage::attach(ledger, request));
            context.emit("attached " + describe(attachment), toJson(attachment));
            return 0;
        };
    });
}

void addAttachments(CLI::App& root, CliContext& context) {
    auto* list = root.add_subcommand("attachments", "A lot's documents; --out writes them to a folder");
    struct Args {
        std::string lot, out;
    };
    auto args = std::make_shared<Args>();
    list->add_option("LOT", args->lot, "Lot")->required();
    list->add_option("--out", args->out, "Folder to write the documents into (by file name)");
    list->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto lot = unwrap(ledger.lot(args->lot));
            std::string text;
            auto json = nlohmann::json::array();
            for (const auto& a : storage::attachmentsOf(ledger, lot.code)) {
                text += describe(a) + "\n";
                auto entry = toJson(a);
                if (!args->out.empty()) {
                    std::filesystem::create_directories(args->out);
                    const auto path = std::filesystem::path(args->out) / (a.sha256.substr(0, 8) + "-" + a.fileName);
                    const auto content = unwrap(storage::documentContent(ledger, a.sha256));
                    std::ofstream file(path, std::ios::binary);
                    file.write(content.data(), static_cast<std::streamsize>(content.size()));
                    if (!file) throw CommandFailed("cannot write " + path.string());
                    text += "  written to " + path.string() + "\n";
                    entry["written_to"] = path.string();
                }
                json.push_back(entry);
            }
            context.emit(text.empty() ? "lot " + lot.code + " has no documents" : text, json);
            return 0;
        };
    });
}

void addSignatures(CLI::App& root, CliContext& context) {
    auto* list = root.add_subcommand("signatures", "Electronic signatures on a lot or run");
    auto subject = std::make_shared<std::string>();
    list->add_option("LOT_OR_RUN", *subject, "Lot or run code")->required();
    list->callback([&context, subject] {
        context.action = [&context, subject] {
            auto ledger = context.openLedger();
            std::string code = *subject;
            if (auto lot = ledger.lot(code)) code = lot->code;
            else if (auto run = ledger.run(code)) code = run->code;
            else throw CommandFailed("no lot or run " + *subject);
            std::string text;
            auto json = nlohmann::json::array();
            for (const auto& s : storage::signaturesOf(ledger, code)) {
                text += describe(s) + "\n";
                json.push_back(toJson(s));
            }
            context.emit(text.empty() ? code + " has no signatures" : text, json);
            return 0;
        };
    });
}

} // namespace

void addDocumentCommands(CLI::App& root, CliContext& context) {
    addAttach(root, context);
    addAttachments(root, context);
    addSignatures(root, context);
}

} // namespace lotstation::station::cli
