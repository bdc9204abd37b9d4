// The GS1 element string and its human-readable line for a lot label, written by lotstation_formats.
#include "gs1_text.hpp"
#include "lotstation/formats/gs1_ai.hpp"
#include "lotstation/formats/gtin.hpp"
#include "lotstation/labels/payload.hpp"

#include <vector>

namespace lotstation::labels {

namespace {

LabelError invalid(std::string message) {
    return LabelError{ErrorKind::Invalid, std::move(message)};
}

// (01) GTIN-14, then (17) expiry or else (15) best-before, then (10) lot: fixed-length AIs first and the
// variable-length lot last, so no FNC1 separator is needed anywhere.
std::expected<std::vector<formats::Gs1Element>, LabelError> lotElements(const LotLabelData& lot) {
    if (!lot.gtin)
        return std::unexpected(invalid("GS1 codes need a GTIN; item '" + lot.itemName + "' has none"));
    auto gtin = formats::normaliseGtin(*lot.gtin);
    if (!gtin) return std::unexpected(invalidData(gtin.error()));
    if (!formats::validateAiValue("10", lot.lotCode))
        return std::unexpected(invalid("lot code '" + lot.lotCode +
                                       "' cannot go into GS1 AI (10): 1 to 20 characters of GS1 set 82"));
    std::vector<formats::Gs1Element> elements{{"01", *gtin}};
    if (lot.expiry) {
        auto date = formats::toGs1Date(*lot.expiry, "expiry");
        if (!date) return std::unexpected(invalidData(date.error()));
        elements.push_back({"17", *date});
    } else if (lot.bestBefore) {
        auto date = formats::toGs1Date(*lot.bestBefore, "best-before date");
        if (!date) return std::unexpected(invalidData(date.error()));
        elements.push_back({"15", *date});
    }
    elements.push_back({"10", lot.lotCode});
    return elements;
}

} // namespace

bool isGs1LotCode(std::string_view lot) {
    return formats::validateAiValue("10", lot).has_value();
}

std::expected<std::string, LabelError> gs1ElementString(const LotLabelData& lot) {
    auto elements = lotElements(lot);
    if (!elements) return std::unexpected(elements.error());
    return formats::toElementString(*elements);
}

std::expected<std::string, LabelError> gs1HumanReadable(const LotLabelData& lot) {
    auto elements = lotElements(lot);
    if (!elements) return std::unexpected(elements.error());
    return formats::toHumanReadable(*elements);
}

} // namespace lotstation::labels
