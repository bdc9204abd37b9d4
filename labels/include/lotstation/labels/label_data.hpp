#pragma once
// What goes on a label, as plain values. The station fills these from its own records; labels/ knows nothing
// of the database.
#include "lotstation/formats/own_labels.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace lotstation::labels {

using Date = std::chrono::year_month_day;

struct LotLabelData {
    std::string itemName;
    std::string sku;
    std::string lotCode; // our internal lot code, unique
    // GTIN-8/12/13/14 digits; normalised to GTIN-14 in payloads. Absent: the label carries LS:LOT.
    std::optional<std::string> gtin;
    std::optional<Date> produced;   // production or receipt date
    std::optional<Date> expiry;     // use-by, GS1 AI (17)
    std::optional<Date> bestBefore; // GS1 AI (15)
    std::string quantity; // display text, e.g. "500 g" (the ledger's exact integer is formatted upstream)
    std::string supplierLot;
    std::string freeText;
    // The serial the station assigned to this label's RFID tag (templates with "rfid"; see lot_tags.hpp in
    // storage). Empty for other templates.
    std::string tagSerial;
};

struct LocationLabelData {
    std::string code;
    std::string name;
};

struct BadgeLabelData {
    std::string userName;
    std::string badgeCode;
};

// The commands a command label carries: the LS:CMD: payload's own list.
using LabelCommand = formats::StationCommand;

struct CommandLabelData {
    LabelCommand command = LabelCommand::Finish;
};

using LabelContent = std::variant<LotLabelData, LocationLabelData, BadgeLabelData, CommandLabelData>;

enum class LabelKind { Lot, Location, Badge, Command };

[[nodiscard]] LabelKind kindOf(const LabelContent& content);
[[nodiscard]] std::string_view kindName(LabelKind kind); // "lot", "location", "badge", "command"

// "FINISH", "UNDO", ... as written in the LS:CMD: payload, and its case-insensitive inverse.
using formats::commandFromName;
using formats::commandName;

// "2026-11-24": ISO dates on labels, unambiguous for EU and US readers alike.
[[nodiscard]] std::string formatDate(const Date& date);

} // namespace lotstation::labels
