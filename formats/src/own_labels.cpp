#include "lotstation/formats/own_labels.hpp"

#include "lotstation/formats/display_text.hpp"
#include "percent.hpp"

#include <array>
#include <utility>

namespace lotstation::formats {

namespace {

constexpr std::array<std::pair<StationCommand, std::string_view>, 5> kCommands{{
    {StationCommand::Finish, "FINISH"},
    {StationCommand::Undo, "UNDO"},
    {StationCommand::Cancel, "CANCEL"},
    {StationCommand::Confirm, "CONFIRM"},
    {StationCommand::Logout, "LOGOUT"},
}};

char upper(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (upper(a[i]) != upper(b[i])) return false;
    }
    return true;
}

bool keptAsIs(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/' || c == '+' ||
           c == '$' || c == '*' || c == ' ';
}

std::string withPrefix(std::string_view kind, std::string_view value) {
    return "LS:" + std::string{kind} + ":" + percentEncodeLabelValue(value);
}

std::unexpected<Error> fail(std::string message) {
    return std::unexpected(Error{ErrorKind::Invalid, std::move(message)});
}

} // namespace

std::string percentEncodeLabelValue(std::string_view value) {
    return detail::percentEncode(value, keptAsIs);
}

Result<std::string> percentDecodeLabelValue(std::string_view encoded) {
    auto decoded = detail::percentDecode(encoded);
    if (!decoded) return fail("bad %-escape \"" + displayText(encoded.substr(decoded.error(), 3)) + "\"");
    const std::string& out = *decoded;
    if (!isValidUtf8(out)) return fail("value is not valid UTF-8 text");
    for (char c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) return fail("value contains a control character " + displayChar(c));
    }
    return out;
}

std::string encodeLotLabel(std::string_view lot) {
    return withPrefix("LOT", lot);
}
std::string encodeLocationLabel(std::string_view location) {
    return withPrefix("LOC", location);
}
std::string encodeBadgeLabel(std::string_view badge) {
    return withPrefix("USR", badge);
}
std::string encodeCommandLabel(StationCommand command) {
    return withPrefix("CMD", commandName(command));
}

std::string encodeOwnLabel(const OwnLabel& label) {
    struct Encoder {
        std::string operator()(const OwnLot& l) const { return encodeLotLabel(l.lot); }
        std::string operator()(const OwnLocation& l) const { return encodeLocationLabel(l.location); }
        std::string operator()(const OwnBadge& l) const { return encodeBadgeLabel(l.badge); }
        std::string operator()(const OwnCommand& l) const { return encodeCommandLabel(l.command); }
    };
    return std::visit(Encoder{}, label);
}

std::string_view commandName(StationCommand command) {
    for (const auto& [value, name] : kCommands) {
        if (value == command) return name;
    }
    return "?";
}

std::optional<StationCommand> commandFromName(std::string_view name) {
    for (const auto& [value, known] : kCommands) {
        if (equalsIgnoreCase(name, known)) return value;
    }
    return std::nullopt;
}

bool isOwnLabelPayload(std::string_view text) {
    return text.size() >= 3 && equalsIgnoreCase(text.substr(0, 3), "LS:");
}

Result<OwnLabel> decodeOwnLabel(std::string_view payload) {
    if (!isOwnLabelPayload(payload)) return fail("not one of our labels (no \"LS:\" at the start)");
    const auto rest = payload.substr(3);
    const auto colon = rest.find(':');
    const auto kind = rest.substr(0, colon);
    const char* what = equalsIgnoreCase(kind, "LOT")   ? "lot label"
                       : equalsIgnoreCase(kind, "LOC") ? "location label"
                       : equalsIgnoreCase(kind, "USR") ? "badge"
                       : equalsIgnoreCase(kind, "CMD") ? "command label"
                                                       : nullptr;
    if (what == nullptr)
        return fail("unknown label kind \"" + displayText(kind, 12) + "\" after LS:");
    if (colon == std::string_view::npos) return fail(std::string{what} + " without a value");
    auto value = percentDecodeLabelValue(rest.substr(colon + 1));
    if (!value) return fail(value.error().message + " in a " + what);
    if (value->empty()) return fail(std::string{what} + " without a value");
    if (equalsIgnoreCase(kind, "LOT")) return OwnLot{std::move(*value)};
    if (equalsIgnoreCase(kind, "LOC")) return OwnLocation{std::move(*value)};
    if (equalsIgnoreCase(kind, "USR")) return OwnBadge{std::move(*value)};
    const auto command = commandFromName(*value);
    if (!command)
        return fail("unknown command \"" + displayText(*value, 20) + "\" on a command label");
    return OwnCommand{*command};
}

} // namespace lotstation::formats
