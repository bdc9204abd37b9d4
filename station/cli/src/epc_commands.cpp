// epc decode HEX|URI and epc encode LOT: RFID tags in the EPC Tag Data Standard (formats/epc.hpp).
#include "cli_context.hpp"
#include "lotstation/formats/epc.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace lotstation::station::cli {
namespace {

// YYMMDD, as GS1 writes dates.
std::string gs1Date(storage::Date date) {
    const auto text = storage::formatDate(date); // 2027-01-31
    return text.substr(2, 2) + text.substr(5, 2) + text.substr(8, 2);
}

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
    std::string lot, scheme = "sgtin-96", serial;
    int companyPrefixLength = 7;
    int filter = 1;
};

void addEncode(CLI::App& epcCommand, CliContext& context) {
    auto args = std::make_shared<EncodeArgs>();
    auto* encode = epcCommand.add_subcommand("encode", "The EPC for a lot's tag: its item's GTIN, a serial, lot and expiry");
    encode->add_option("LOT", args->lot, "Lot code")->required();
    encode->add_option("--scheme", args->scheme, "sgtin-96, sgtin+ or dsgtin+ (default sgtin-96)");
    encode->add_option("--serial", args->serial, "The tag's serial (digits for sgtin-96)")->required();
    encode->add_option("--company-prefix-length", args->companyPrefixLength,
                       "Digits of the GS1 company prefix in the GTIN, 6-12 (sgtin-96 only; default 7)");
    encode->add_option("--filter", args->filter, "EPC filter value 0-7 (default 1, point-of-sale item)");
    encode->callback([&context, args] {
        context.action = [&context, args] {
            auto scheme = formats::parseEpcScheme(args->scheme);
            if (!scheme) throw CommandFailed(scheme.error().message);
            if (*scheme != formats::EpcScheme::Sgtin96 && *scheme != formats::EpcScheme::SgtinPlus &&
                *scheme != formats::EpcScheme::DsgtinPlus)
                throw CommandFailed("a lot is encoded as sgtin-96, sgtin+ or dsgtin+");
            const auto ledger = context.openLedger();
            const auto lot = unwrap(ledger.lot(args->lot));
            const auto item = unwrap(ledger.item(lot.sku));
            if (!item.gtin) throw CommandFailed("item " + item.sku + " has no GTIN; a tag needs one (item add --gtin)");
            formats::Epc epc;
            epc.scheme = *scheme;
            epc.filter = args->filter;
            epc.companyPrefixDigits = *scheme == formats::EpcScheme::Sgtin96 ? args->companyPrefixLength : 0;
            epc.elements = {{"01", *item.gtin}, {"21", args->serial}};
            if (*scheme == formats::EpcScheme::DsgtinPlus) {
                if (!lot.expiry && !lot.bestBefore)
                    throw CommandFailed("lot " + lot.code + " has no expiry or best-before date; dsgtin+ carries one");
                epc.elements.push_back(lot.expiry ? formats::EpcElement{"17", gs1Date(*lot.expiry)}
                                                  : formats::EpcElement{"15", gs1Date(*lot.bestBefore)});
            }
            if (*scheme != formats::EpcScheme::Sgtin96) {
                epc.elements.push_back({"10", lot.code});
                if (*scheme == formats::EpcScheme::SgtinPlus && lot.expiry)
                    epc.elements.push_back({"17", gs1Date(*lot.expiry)});
            }
            auto hex = formats::encodeEpcHex(epc);
            if (!hex) throw CommandFailed(hex.error().message);
            const auto value = epcJson(epc);
            context.emit(epcText(value), value);
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
