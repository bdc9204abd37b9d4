// item qc, spec set / show, inspect, qc pending / release / reject / return: quality control from the
// command line (storage/quality.hpp does the work and says no).
#include "cli_context.hpp"
#include "json_views.hpp"
#include "quality_views.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iterator>

namespace lotstation::station::cli {
namespace {

std::optional<std::string> optionalText(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// The bytes of a file to attach; a sentence when it cannot be read.
storage::AttachRequest documentFromFile(const std::string& path, storage::AttachmentKind kind) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CommandFailed("cannot read " + path);
    storage::AttachRequest request;
    request.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    request.fileName = std::filesystem::path(path).filename().string();
    request.kind = kind;
    return request;
}

std::string ageText(storage::Timestamp since, storage::Timestamp now) {
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(now - since).count();
    if (hours < 48) return std::to_string(hours) + " h";
    return std::to_string(hours / 24) + " d";
}

void reportDisposition(const CliContext& context, const storage::Ledger& ledger, const storage::Disposition& d) {
    std::string text;
    auto json = nlohmann::json{{"movements", nlohmann::json::array()}, {"signatures", nlohmann::json::array()}};
    for (const auto& m : d.movements) {
        const auto uom = unwrap(ledger.item(unwrap(ledger.lot(m.lot)).sku)).uom;
        text += "recorded " + describe(m, uom) + "\n";
        json["movements"].push_back(toJson(m, uom));
    }
    for (const auto& s : d.signatures) {
        text += "signed " + describe(s) + "\n";
        json["signatures"].push_back(toJson(s));
    }
    if (d.rejectedLot) {
        text = "rejected part split into lot " + *d.rejectedLot + "\n" + text;
        json["rejected_lot"] = *d.rejectedLot;
    }
    context.emit(text, json);
}

void addItemQc(CLI::App& root, CliContext& context) {
    auto* item = root.get_subcommand("item");
    auto* qc = item->add_subcommand("qc", "Set an item's QC policy");
    struct Args {
        std::string sku, on;
    };
    auto args = std::make_shared<Args>();
    qc->add_option("SKU", args->sku, "Item")->required();
    qc->add_option("--on", args->on, "none, receipt, release or both")->required();
    qc->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            const auto policy = unwrap(storage::parseQcPolicy(args->on));
            if (auto done = storage::setQcPolicy(ledger, args->sku, policy); !done)
                throw CommandFailed(done.error().message);
            context.emit(args->sku + ": QC on " + storage::toString(policy),
                         {{"sku", args->sku}, {"qc", storage::toString(policy)}});
            return 0;
        };
    });
}

void addSpec(CLI::App& root, CliContext& context) {
    auto* group = root.add_subcommand("spec", "Specifications (the tests an item must pass)");
    group->require_subcommand(1);
    auto* set = group->add_subcommand("set", "Add or change one test (makes a new spec version)");
    struct Args {
        std::string sku, test, min, max, unit, text, method;
        bool passFail = false;
    };
    auto args = std::make_shared<Args>();
    set->add_option("SKU", args->sku, "Item")->required();
    set->add_option("TEST", args->test, "Test name, e.g. pH")->required();
    auto* passFail = set->add_flag("--pass-fail", args->passFail, "A pass / fail test");
    auto* min = set->add_option("--min", args->min, "Lowest acceptable value (exact decimal)");
    auto* max = set->add_option("--max", args->max, "Highest acceptable value (exact decimal)");
    set->add_option("--unit", args->unit, "Unit of the numeric value");
    auto* text = set->add_option("--text", args->text, "The expected text value");
    set->add_option("--method", args->method, "Method or reference");
    passFail->excludes(min)->excludes(max)->excludes(text);
    text->excludes(min)->excludes(max);
    set->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            storage::SpecTest test{.name = args->test, .method = optionalText(args->method)};
            if (!args->text.empty()) {
                test.kind = storage::TestKind::Text;
                test.expected = args->text;
            } else if (!args->min.empty() || !args->max.empty()) {
                test.kind = storage::TestKind::Numeric;
                test.min = optionalText(args->min);
                test.max = optionalText(args->max);
                test.unit = optionalText(args->unit);
            } else if (!args->passFail) {
                throw CommandFailed("say what kind of test " + args->test +
                                    " is: --pass-fail, --min/--max with --unit, or --text");
            }
            const auto spec = unwrap(storage::setSpecTest(ledger, args->sku, test, context.user));
            context.emit(describe(spec), toJson(spec));
            return 0;
        };
    });
    auto* show = group->add_subcommand("show", "The item's current specification");
    auto sku = std::make_shared<std::string>();
    show->add_option("SKU", *sku, "Item")->required();
    show->callback([&context, sku] {
        context.action = [&context, sku] {
            auto ledger = context.openLedger();
            const auto spec = unwrap(storage::currentSpec(ledger, *sku));
            context.emit(describe(spec), toJson(spec));
            return 0;
        };
    });
}

void addInspect(CLI::App& root, CliContext& context) {
    auto* inspect = root.add_subcommand("inspect", "Record an inspection of a lot against its spec (signed)");
    struct Args {
        std::string lot, note, by, pin;
        std::vector<std::string> results, attach;
        std::int64_t sample = 0;
    };
    auto args = std::make_shared<Args>();
    inspect->add_option("LOT", args->lot, "Lot inspected")->required();
    inspect->add_option("RESULTS", args->results, "TEST=VALUE ... (pass / fail, a number, or text)")->required();
    inspect->add_option("--sample", args->sample, "Sample size");
    inspect->add_option("--note", args->note, "Notes");
    inspect->add_option("--attach", args->attach, "A certificate or photo (PDF, PNG, JPEG) to attach")
        ->allow_extra_args(false);
    inspect->add_option("--by", args->by, "Inspector (name or badge)")->required();
    inspect->add_option("--pin", args->pin, "The inspector's PIN, entered now")->required();
    inspect->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            storage::InspectionRequest request{.lot = args->lot,
                                               .note = optionalText(args->note),
                                               .signer = args->by,
                                               .pin = args->pin};
            if (args->sample != 0) request.sampleSize = args->sample;
            for (const auto& pair : args->results) {
                const auto equals = pair.find('=');
                if (equals == std::string::npos || equals == 0)
                    throw CommandFailed("'" + pair + "' is not TEST=VALUE");
                request.results.push_back({pair.substr(0, equals), pair.substr(equals + 1)});
            }
            for (const auto& path : args->attach)
                request.documents.push_back(documentFromFile(path, storage::AttachmentKind::Coa));
            const auto inspection = unwrap(storage::inspect(ledger, request));
            context.emit(describe(inspection), toJson(inspection));
            return 0;
        };
    });
}

void addQc(CLI::App& root, CliContext& context) {
    auto* qc = root.add_subcommand("qc", "QC decisions on quarantined lots (qa role, signed)");
    qc->require_subcommand(1);
    auto* pending = qc->add_subcommand("pending", "Lots awaiting inspection or release, oldest first");
    pending->callback([&context] {
        context.action = [&context] {
            auto ledger = context.openLedger();
            const auto now = ledger.now();
            std::string text;
            auto json = nlohmann::json::array();
            for (const auto& p : storage::qcPending(ledger)) {
                text += p.lot + "  " + p.sku + "  " + storage::formatQuantity(p.onHand, p.uom) + "  waiting " +
                        ageText(p.since, now) + "  " +
                        (p.inspections == 0 ? std::string("not inspected")
                                            : std::to_string(p.inspections) + " inspection(s), last " +
                                                  (p.lastInspectionPassed ? "passed" : "FAILED")) +
                        "\n";
                json.push_back({{"lot", p.lot}, {"sku", p.sku}, {"on_hand", p.onHand},
                                {"since", storage::formatTimestamp(p.since)}, {"inspections", p.inspections},
                                {"last_passed", p.lastInspectionPassed}});
            }
            context.emit(text.empty() ? "no lots await QC" : text, json);
            return 0;
        };
    });
    struct Args {
        std::string lot, by, pin, deviation, reason, accept, quantity;
    };
    auto release = qc->add_subcommand("release", "Release a quarantined lot for use");
    auto r = std::make_shared<Args>();
    release->add_option("LOT", r->lot, "Lot")->required();
    release->add_option("--by", r->by, "QA person (name or badge)")->required();
    release->add_option("--pin", r->pin, "Their PIN, entered now")->required();
    release->add_option("--deviation", r->deviation, "Release although a test is missing or failed: why");
    release->callback([&context, r] {
        context.action = [&context, r] {
            auto ledger = context.openLedger();
            reportDisposition(context, ledger,
                              unwrap(storage::qcRelease(ledger, {.lot = r->lot,
                                                                 .signer = r->by,
                                                                 .pin = r->pin,
                                                                 .deviation = optionalText(r->deviation)})));
            return 0;
        };
    });
    auto reject = qc->add_subcommand("reject", "Reject a quarantined lot (or accept part of it)");
    auto j = std::make_shared<Args>();
    reject->add_option("LOT", j->lot, "Lot")->required();
    reject->add_option("--reason", j->reason, "Why")->required();
    reject->add_option("--by", j->by, "QA person (name or badge)")->required();
    reject->add_option("--pin", j->pin, "Their PIN, entered now")->required();
    reject->add_option("--accept", j->accept, "Accept this much; the rest becomes a new, rejected lot");
    reject->add_option("--deviation", j->deviation,
                       "With --accept: release the accepted part although a test is missing or failed: why");
    reject->callback([&context, j] {
        context.action = [&context, j] {
            auto ledger = context.openLedger();
            storage::RejectRequest request{.lot = j->lot, .reason = j->reason, .signer = j->by, .pin = j->pin};
            if (!j->accept.empty()) request.accept = quantityForLot(ledger, j->lot, j->accept);
            request.deviation = optionalText(j->deviation);
            reportDisposition(context, ledger, unwrap(storage::qcReject(ledger, request)));
            return 0;
        };
    });
    auto giveBack = qc->add_subcommand("return", "Return a rejected lot to its supplier");
    auto b = std::make_shared<Args>();
    giveBack->add_option("LOT", b->lot, "Rejected lot")->required();
    giveBack->add_option("--reason", b->reason, "Why")->required();
    giveBack->add_option("--quantity", b->quantity, "How much (default: all of it)");
    giveBack->callback([&context, b] {
        context.action = [&context, b] {
            auto ledger = context.openLedger();
            storage::ReturnRequest request{.lot = b->lot, .reason = b->reason, .user = context.user};
            if (!b->quantity.empty()) request.quantity = quantityForLot(ledger, b->lot, b->quantity);
            const auto movement = unwrap(storage::returnToSupplier(ledger, request));
            const auto uom = unwrap(ledger.item(unwrap(ledger.lot(movement.lot)).sku)).uom;
            context.emit("recorded " + describe(movement, uom), toJson(movement, uom));
            return 0;
        };
    });
}

} // namespace

void addQualityCommands(CLI::App& root, CliContext& context) {
    addItemQc(root, context);
    addSpec(root, context);
    addInspect(root, context);
    addQc(root, context);
}

} // namespace lotstation::station::cli
