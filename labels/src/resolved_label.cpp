#include "resolved_label.hpp"

#include "lotstation/labels/payload.hpp"

#include <algorithm>
#include <cmath>

namespace lotstation::labels {

namespace {

// Label text comes from records that may hold anything a scanner typed: invalid UTF-8 becomes U+FFFD and
// control characters (a GS from a GS1 scan, a tab) a space, so cairo and printers always get clean text.
std::string printableText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (lead < 0x80) {
            out.push_back(lead < 0x20 || lead == 0x7F ? ' ' : static_cast<char>(lead));
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF)
            length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF)
            length = 3;
        else if (lead >= 0xF0 && lead <= 0xF4)
            length = 4;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (valid && length == 3) { // no overlong forms or UTF-16 surrogates
            const auto second = static_cast<unsigned char>(text[i + 1]);
            valid = !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second >= 0xA0);
        }
        if (valid && length == 4) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            valid = !(lead == 0xF0 && second < 0x90) && !(lead == 0xF4 && second >= 0x90);
        }
        if (valid) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
        }
    }
    return out;
}

// Whether a linear symbol of `across` modules (quiet zones included) fits `widthMm` on whole dots of `dpi`
// with modules of at least 0.245 mm (the painters' floor, GS1's 0.25 mm X-dimension).
bool linearFits(int across, double widthMm, int dpi) {
    const double dotsPerMm = dpi / 25.4;
    const int dots = static_cast<int>(std::floor(widthMm * dotsPerMm)) - 1; // the painters snap inwards
    const int module = dots / std::max(1, across);
    return module > 0 && module / dotsPerMm >= 0.245;
}

// (01)+date and (10)+lot as two GS1-128 symbols, each in half of the box.
std::expected<std::vector<ResolvedCode>, LabelError> stackedGs1_128(const CodeSpec& spec, const std::string& elements,
                                                                    const std::string& human,
                                                                    const std::string& lotCode) {
    const std::size_t lotAt = elements.size() - lotCode.size() - 2; // "10" + lot closes the element string
    const std::size_t humanAt = human.rfind("(10)");
    const std::string parts[2] = {elements.substr(0, lotAt), elements.substr(lotAt)};
    const std::string texts[2] = {human.substr(0, humanAt), human.substr(humanAt)};
    std::vector<ResolvedCode> codes;
    for (int i = 0; i < 2; ++i) {
        auto matrix = encodeGs1_128(parts[i]);
        if (!matrix) return std::unexpected(matrix.error());
        ResolvedCode code{spec, parts[i], texts[i], *std::move(matrix), true};
        code.spec.box.height = spec.box.height / 2;
        code.spec.box.y = spec.box.y + i * spec.box.height / 2;
        codes.push_back(std::move(code));
    }
    return codes;
}

} // namespace

std::expected<ResolvedLabel, LabelError> resolveLabel(const LabelTemplate& tmpl, const LabelContent& content,
                                                      int dpi) {
    if (dpi == 0) dpi = tmpl.dpi;
    if (kindOf(content) != tmpl.kind)
        return std::unexpected(
            LabelError{ErrorKind::Invalid, "template '" + tmpl.name + "' is for " +
                                                     std::string(kindName(tmpl.kind)) + " labels, not " +
                                                     std::string(kindName(kindOf(content))) + " labels"});
    ResolvedLabel label;
    for (const auto& spec : tmpl.fields) {
        const std::string text = fieldText(content, spec.field);
        if (!text.empty()) label.fields.push_back({spec, printableText(spec.prefix + text)});
    }
    for (const auto& spec : tmpl.codes) {
        ResolvedCode code{spec, {}, {}, {}, false};
        if (spec.type == CodeType::Qr) {
            auto payload = payloadFor(content);
            if (!payload) return std::unexpected(payload.error());
            auto matrix = encodeQr(*payload, spec.ecc);
            if (!matrix) return std::unexpected(matrix.error());
            code.data = *payload;
            code.matrix = *std::move(matrix);
        } else {
            const auto& lot =
                std::get<LotLabelData>(content); // the loader allows GS1 codes on lot labels only
            // GS1 data needs a GTIN and a lot in GS1's character set; without them the payload is LS:LOT.
            const bool gs1Possible = lot.gtin && isGs1LotCode(lot.lotCode);
            if (!gs1Possible && spec.type == CodeType::Gs1DataMatrix) {
                auto payload = payloadFor(content);
                if (!payload) return std::unexpected(payload.error());
                auto matrix = encodeDataMatrix(*payload);
                if (!matrix) return std::unexpected(matrix.error());
                code.data = *payload;
                code.matrix = *std::move(matrix);
                label.codes.push_back(std::move(code));
                continue;
            }
            if (!gs1Possible) continue;
            auto elements = gs1ElementString(lot);
            if (!elements) return std::unexpected(elements.error());
            auto human = gs1HumanReadable(lot);
            if (!human) return std::unexpected(human.error());
            auto matrix =
                spec.type == CodeType::Gs1_128 ? encodeGs1_128(*elements) : encodeGs1DataMatrix(*elements);
            if (!matrix) return std::unexpected(matrix.error());
            if (spec.type == CodeType::Gs1_128 &&
                !linearFits(matrix->width + 2 * matrix->quietZone, spec.box.width, dpi)) {
                auto stacked = stackedGs1_128(spec, *elements, *human, lot.lotCode);
                if (!stacked) return std::unexpected(stacked.error());
                for (auto& part : *stacked)
                    label.codes.push_back(std::move(part));
                continue;
            }
            code.data = *elements;
            code.gs1 = true;
            code.humanText = *human;
            code.matrix = *std::move(matrix);
        }
        label.codes.push_back(std::move(code));
    }
    return label;
}

} // namespace lotstation::labels
