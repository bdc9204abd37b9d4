#include "lotstation/labels/payload.hpp"

#include "gs1_text.hpp"

#include <array>

namespace lotstation::labels {

namespace {

constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                    '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

// The characters QR alphanumeric mode holds, less '%' and ':' which we reserve for escapes and structure.
bool isLsPlain(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/' || c == '+' ||
           c == '$' || c == '*' || c == ' ';
}

bool isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

template <typename Keep> std::string percentEncode(std::string_view value, Keep keep) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (keep(c)) {
            out.push_back(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

LabelError invalid(std::string message) {
    return LabelError{ErrorKind::Invalid, std::move(message)};
}

std::expected<std::string, LabelError> lsPayload(std::string_view prefix, std::string_view what,
                                                 std::string_view value) {
    if (value.empty()) return std::unexpected(invalid(std::string(what) + " is empty"));
    return std::string(prefix) + encodeLsValue(value);
}

} // namespace

std::string encodeLsValue(std::string_view value) {
    return percentEncode(value, isLsPlain);
}

std::optional<std::string> decodeLsValue(std::string_view encoded) {
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] != '%') {
            out.push_back(encoded[i]);
            continue;
        }
        if (i + 2 >= encoded.size()) return std::nullopt;
        const int high = hexValue(encoded[i + 1]);
        const int low = hexValue(encoded[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

std::string percentEncodeUnreserved(std::string_view value) {
    return percentEncode(value, isUnreserved);
}

std::expected<std::string, LabelError> lotPayload(const LotLabelData& lot) {
    if (lot.lotCode.empty()) return std::unexpected(invalid("lot code is empty"));
    // A lot that GS1 AI (10) cannot hold falls back to our own URI: the label must still name the lot.
    if (!lot.gtin || !isGs1LotCode(lot.lotCode)) return lsPayload("LS:LOT:", "lot code", lot.lotCode);
    auto gtin = normaliseGtin(*lot.gtin);
    if (!gtin) return std::unexpected(gtin.error());
    std::string uri = "https://id.gs1.org/01/" + *gtin + "/10/" + percentEncodeUnreserved(lot.lotCode);
    if (lot.expiry) {
        auto date = gs1Date(*lot.expiry, "expiry");
        if (!date) return std::unexpected(date.error());
        uri += "?17=" + *date;
    } else if (lot.bestBefore) {
        auto date = gs1Date(*lot.bestBefore, "best-before date");
        if (!date) return std::unexpected(date.error());
        uri += "?15=" + *date;
    }
    return uri;
}

std::expected<std::string, LabelError> locationPayload(const LocationLabelData& location) {
    return lsPayload("LS:LOC:", "location code", location.code);
}

std::expected<std::string, LabelError> badgePayload(const BadgeLabelData& badge) {
    return lsPayload("LS:USR:", "badge code", badge.badgeCode);
}

std::string commandPayload(LabelCommand command) {
    return "LS:CMD:" + std::string(commandName(command));
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
