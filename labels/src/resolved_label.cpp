#include "resolved_label.hpp"

#include "lotstation/labels/payload.hpp"

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

} // namespace

std::expected<ResolvedLabel, LabelError> resolveLabel(const LabelTemplate& tmpl,
                                                      const LabelContent& content) {
    if (kindOf(content) != tmpl.kind)
        return std::unexpected(
            LabelError{LabelErrorKind::Template, "template '" + tmpl.name + "' is for " +
                                                     std::string(kindName(tmpl.kind)) + " labels, not " +
                                                     std::string(kindName(kindOf(content))) + " labels"});
    ResolvedLabel label;
    for (const auto& spec : tmpl.fields) {
        const std::string text = fieldText(content, spec.field);
        if (!text.empty()) label.fields.push_back({spec, printableText(spec.prefix + text)});
    }
    for (const auto& spec : tmpl.codes) {
        ResolvedCode code{spec, {}, {}, {}};
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
            if (!lot.gtin) continue;
            auto elements = gs1ElementString(lot);
            if (!elements) return std::unexpected(elements.error());
            auto human = gs1HumanReadable(lot);
            if (!human) return std::unexpected(human.error());
            auto matrix =
                spec.type == CodeType::Gs1_128 ? encodeGs1_128(*elements) : encodeGs1DataMatrix(*elements);
            if (!matrix) return std::unexpected(matrix.error());
            code.data = *elements;
            code.humanText = *human;
            code.matrix = *std::move(matrix);
        }
        label.codes.push_back(std::move(code));
    }
    return label;
}

} // namespace lotstation::labels
