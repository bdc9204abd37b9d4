#pragma once
// The payloads of Lotstation's own labels (the labels module prints them, the interpreter reads them back):
//
//   LS:LOT:{lot code}      a lot (container) label for an item without a GTIN; an item with a GTIN gets a
//                          GS1 Digital Link instead, e.g.
//                          https://id.gs1.org/01/09501101530003/10/SOAP-261124-01
//   LS:LOC:{location code} a location label
//   LS:USR:{badge code}    a user badge
//   LS:CMD:{name}          a command label: FINISH, UNDO, CANCEL, CONFIRM, LOGOUT
//
// In the value every byte outside "A-Z 0-9 - . / + $ *" and space is written %XX (uppercase hex of the UTF-8
// bytes), so typical codes stay in QR alphanumeric mode and survive keyboard-wedge scanners. Reading is
// lenient where scanners are sloppy: "LS:", the kind and the command name match case-insensitively, %xx
// accepts lowercase hex, and unescaped printable characters are taken as they are.
#include "lotstation/core/error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace lotstation::formats {

enum class StationCommand { Finish, Undo, Cancel, Confirm, Logout };

struct OwnLot {
    std::string lot;
    friend bool operator==(const OwnLot&, const OwnLot&) = default;
};
struct OwnLocation {
    std::string location;
    friend bool operator==(const OwnLocation&, const OwnLocation&) = default;
};
struct OwnBadge {
    std::string badge;
    friend bool operator==(const OwnBadge&, const OwnBadge&) = default;
};
struct OwnCommand {
    StationCommand command = StationCommand::Finish;
    friend bool operator==(const OwnCommand&, const OwnCommand&) = default;
};

using OwnLabel = std::variant<OwnLot, OwnLocation, OwnBadge, OwnCommand>;

[[nodiscard]] std::string encodeOwnLabel(const OwnLabel& label);
[[nodiscard]] std::string encodeLotLabel(std::string_view lot);
[[nodiscard]] std::string encodeLocationLabel(std::string_view location);
[[nodiscard]] std::string encodeBadgeLabel(std::string_view badge);
[[nodiscard]] std::string encodeCommandLabel(StationCommand command);

// True when the text starts with "LS:" in any case: it is meant as one of our labels, so a failure to decode
// it is an error to show, not a code to look up.
[[nodiscard]] bool isOwnLabelPayload(std::string_view text);

// Errors read like "unknown command 'FOO' on a command label" or "bad %-escape \"%G1\" in a lot label".
[[nodiscard]] Result<OwnLabel> decodeOwnLabel(std::string_view payload);

// "FINISH", "UNDO", ...
[[nodiscard]] std::string_view commandName(StationCommand command);
[[nodiscard]] std::optional<StationCommand> commandFromName(std::string_view name); // case-insensitive

// The value escaping on its own.
[[nodiscard]] std::string percentEncodeLabelValue(std::string_view value);
[[nodiscard]] Result<std::string> percentDecodeLabelValue(std::string_view encoded);

} // namespace lotstation::formats
