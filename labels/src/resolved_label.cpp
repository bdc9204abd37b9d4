#include "resolved_label.hpp"

#include "lotstation/labels/payload.hpp"

namespace lotstation::labels {

std::expected<ResolvedLabel, LabelError> resolveLabel(const LabelTemplate& tmpl,
                                                      const LabelContent& content) {
    if (kindOf(content) != tmpl.kind)
        return std::unexpected(
            LabelError{LabelErrorKind::Template, "template '" + tmpl.name + "' is for " +
                                                     std::string(kindName(tmpl.kind)) + " labels, not " +
                                                     std::string(kindName(kindOf(content))) + " labels"});
    ResolvedLabel label;
    for (const auto& spec : tmpl.fields) {
        std::string text = fieldText(content, spec.field);
        if (!text.empty()) label.fields.push_back({spec, spec.prefix + text});
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
