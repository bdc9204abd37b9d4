// epc decode HEX|URI and epc encode LOT: RFID tags in the EPC Tag Data Standard (formats/epc.hpp).
#include "cli_context.hpp"
#include "lotstation/formats/epc.hpp"
#include "lotstation/storage/lot_tags.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace lotstation::station::cli {
namespace {

nlohmann::json epcJson(const formats::Epc& epc) {
    nlohmann::json elements = nlohmann::json::object();
    std::string humanReadable;
    for (const auto& element : epc.elements) {
        elements[element.ai] = element.value;
        humanReadable += "(" + element.ai + ")" + element.value;
    }
    const auto tag = formats::tagUri(epc);
    const auto pure = formats::pureIdentityUri(epc);
    const auto hex = formats::encodeEpcHex(epc);
    return {{"scheme", epc.scheme ? nlohmann::json(formats::toString(*epc.scheme)) : nlohmann::json(nullptr)},
            {"filter", epc.filter},
            {"hex", hex ? nlohmann::json(*hex) : nlohmann::json(nullptr)},
            {"tag_uri", tag ? nlohmann::json(*tag) : nlohmann::json(nullptr)},
            {"pure_identity_uri", pure ? nlohmann::json(*pure) : nlohmann::json(nullptr)},
            {"gs1", humanReadable},
            {"elements", elements}};
}

std::string epcText(const nlohmann::json& value) {
    std::string text;
    auto line = [&](const char* label, const char* key) {
        if (!value[key].is_null()) text += std::string(label) + value[key].get<std::string>() + "\n";
    };
    line("scheme  ", "scheme");
    line("hex     ", "hex");
    line("tag     ", "tag_uri");
    line("id      ", "pure_identity_uri");
    text += "gs1     " + value["gs1"].get<std::string>();
    return text;
}

void addDecode(CLI::App& epcCommand, CliContext& context) {
    auto input = std::make_shared<std::string>();
    auto* decode = epcCommand.add_subcommand("decode", "Decode an EPC (hex as a reader shows it, or a urn:epc: URI)");
    decode->add_option("EPC", *input, "Hex (3074257BF7194E4000001A85) or URI (urn:epc:id:sgtin:...)")->required();
    decode->callback([&context, input] {
        context.action = [&context, input] {
            auto epc = input->starts_with("urn:") ? formats::parseEpcUri(*input) : formats::decodeEpcHex(*input);
            if (!epc) throw CommandFailed(epc.error().message);
            const auto value = epcJson(*epc);
            context.emit(epcText(value), value);
            return 0;
        };
    });
}

struct EncodeArgs {
    std::string lot, scheme = "sgtin-96";
    std::optional<std::string> serial;
    int companyPrefixLength = 7;
    int filter = 1;
};

// The tag is recorded in the ledger (lot_tags.hpp) so a scan of it finds the lot: without --serial the station
// assigns the next serial of its range.
void addEncode(CLI::App& epcCommand, CliContext& context) {
    auto args = std::make_shared<EncodeArgs>();
    auto* encode = epcCommand.add_subcommand("encode", "The EPC for a lot's tag, recorded so a scan of it finds the lot");
    encode->add_option("LOT", args->lot, "Lot code")->required();
    encode->add_option("--scheme", args->scheme, "sgtin-96, sgtin+ or dsgtin+ (default sgtin-96)");
    encode->add_option("--serial", args->serial, "The tag's serial (digits for sgtin-96); default: the station assigns one");
    encode->add_option("--company-prefix-length", args->companyPrefixLength,
                       "Digits of the GS1 company prefix in the GTIN, 6-12 (sgtin-96 only; default 7)");
    encode->add_option("--filter", args->filter, "EPC filter value 0-7 (default 1, point-of-sale item)");
    encode->callback([&context, args] {
        context.action = [&context, args] {
            auto ledger = context.openLedger();
            storage::TagRequest request{args->lot, args->scheme, args->filter, args->companyPrefixLength,
                                        args->serial, context.user};
            const auto tag = unwrap(storage::tagLot(ledger, request));
            auto epc = formats::decodeEpcHex(tag.epcHex);
            if (!epc) throw CommandFailed(epc.error().message);
            auto value = epcJson(*epc);
            value["lot"] = tag.lot;
            value["recorded_by"] = tag.user;
            value["recorded_at"] = storage::formatTimestamp(tag.at);
            context.emit(epcText(value) + "\nlot     " + tag.lot, value);
            return 0;
        };
    });
}

} // namespace

void addEpcCommands(CLI::App& root, CliContext& context) {
    auto* epcCommand = root.add_subcommand("epc", "RFID tags: EPC Tag Data Standard encodings");
    epcCommand->require_subcommand(1);
    addDecode(*epcCommand, context);
    addEncode(*epcCommand, context);
}

} // namespace lotstation::station::cli
