#include "lotstation/labels/payload.hpp"

#include "gs1_text.hpp"
#include "lotstation/formats/digital_link.hpp"
#include "lotstation/formats/gs1_ai.hpp"
#include "lotstation/formats/gtin.hpp"
#include "lotstation/formats/own_labels.hpp"

namespace lotstation::labels {

namespace {

LabelError invalid(std::string message) {
    return LabelError{ErrorKind::Invalid, std::move(message)};
}

std::expected<std::string, LabelError> lsPayload(std::string (*encode)(std::string_view), std::string_view what,
                                                 std::string_view value) {
    if (value.empty()) return std::unexpected(invalid(std::string(what) + " is empty"));
    return encode(value);
}

} // namespace

std::expected<std::string, LabelError> lotPayload(const LotLabelData& lot) {
    if (lot.lotCode.empty()) return std::unexpected(invalid("lot code is empty"));
    // A lot that GS1 AI (10) cannot hold falls back to our own URI: the label must still name the lot.
    if (!lot.gtin || !formats::validateAiValue("10", lot.lotCode))
        return lsPayload(formats::encodeLotLabel, "lot code", lot.lotCode);
    auto gtin = formats::normaliseGtin(*lot.gtin);
    if (!gtin) return std::unexpected(invalidData(gtin.error()));
    std::vector<formats::Gs1Element> elements{{"01", *gtin}, {"10", lot.lotCode}};
    if (lot.expiry) {
        auto date = formats::toGs1Date(*lot.expiry, "expiry");
        if (!date) return std::unexpected(invalidData(date.error()));
        elements.push_back({"17", *date});
    } else if (lot.bestBefore) {
        auto date = formats::toGs1Date(*lot.bestBefore, "best-before date");
        if (!date) return std::unexpected(invalidData(date.error()));
        elements.push_back({"15", *date});
    }
    auto uri = formats::buildDigitalLink(elements);
    if (!uri) return std::unexpected(invalidData(uri.error()));
    return *uri;
}

std::expected<std::string, LabelError> locationPayload(const LocationLabelData& location) {
    return lsPayload(formats::encodeLocationLabel, "location code", location.code);
}

std::expected<std::string, LabelError> badgePayload(const BadgeLabelData& badge) {
    return lsPayload(formats::encodeBadgeLabel, "badge code", badge.badgeCode);
}

std::string commandPayload(LabelCommand command) {
    return formats::encodeCommandLabel(command);
}

std::expected<std::string, LabelError> payloadFor(const LabelContent& content) {
    struct Visitor {
        std::expected<std::string, LabelError> operator()(const LotLabelData& v) const {
            return lotPayload(v);
        }
        std::expected<std::string, LabelError> operator()(const LocationLabelData& v) const {
            return locationPayload(v);
        }
        std::expected<std::string, LabelError> operator()(const BadgeLabelData& v) const {
            return badgePayload(v);
        }
        std::expected<std::string, LabelError> operator()(const CommandLabelData& v) const {
            return commandPayload(v.command);
        }
    };
    return std::visit(Visitor{}, content);
}

} // namespace lotstation::labels
