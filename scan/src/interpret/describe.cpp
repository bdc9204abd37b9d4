// One line per meaning for the operator's screen.
#include "lotstation/formats/display_text.hpp"
#include "lotstation/scan/interpreter.hpp"

#include <string>

namespace lotstation::scan {

namespace {

std::string padded(long long value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
}

std::string isoDate(const std::chrono::year_month_day& date) {
    return padded(static_cast<int>(date.year()), 4) + "-" + padded(static_cast<unsigned>(date.month()), 2) +
           "-" + padded(static_cast<unsigned>(date.day()), 2);
}

void add(std::string& line, std::string_view label, const std::string& value) {
    if (!line.empty()) line += ", ";
    line += label;
    line += ' ';
    line += formats::displayText(value, 40);
}

std::string gs1Fields(const Gs1Data& data) {
    std::string line;
    if (data.sscc) add(line, "SSCC", *data.sscc);
    if (data.gtin) add(line, "GTIN", *data.gtin);
    if (data.contentGtin) add(line, "contains GTIN", *data.contentGtin);
    if (data.lot) add(line, "lot", *data.lot);
    if (data.serial) add(line, "serial", *data.serial);
    if (data.expiryTime) {
        const auto minutes = data.expiryTime->timeOfDay.count();
        add(line, "expiry",
            isoDate(data.expiryTime->date) + " " + padded(minutes / 60, 2) + ":" + padded(minutes % 60, 2));
    } else if (data.expiry) {
        add(line, "expiry", isoDate(*data.expiry));
    }
    if (data.bestBefore) add(line, "best before", isoDate(*data.bestBefore));
    if (data.sellBy) add(line, "sell by", isoDate(*data.sellBy));
    if (data.productionDate) add(line, "produced", isoDate(*data.productionDate));
    if (data.packagingDate) add(line, "packed", isoDate(*data.packagingDate));
    if (data.count) add(line, "count", std::to_string(*data.count));
    if (data.netWeight) add(line, "net", formatNetWeight(*data.netWeight));
    if (line.empty()) line = formats::displayText(toHumanReadable(data.elements), 60);
    return line;
}

std::string maskedBadge(const std::string& badge) {
    // A badge logs a person in: show only enough to tell two badges apart.
    if (badge.size() <= 2) return "";
    return " ending " + formats::displayText(badge.substr(badge.size() - 2));
}

struct Describer {
    std::string operator()(const Gs1Data& data) const { return "GS1: " + gs1Fields(data); }
    std::string operator()(const DigitalLink& link) const {
        return "GS1 Digital Link: " + gs1Fields(link.data) + " (" + formats::displayText(link.host, 40) + ")";
    }
    std::string operator()(const OwnLot& lot) const { return "Lot label " + formats::displayText(lot.lot); }
    std::string operator()(const OwnLocation& location) const {
        return "Location label " + formats::displayText(location.location);
    }
    std::string operator()(const OwnBadge& badge) const { return "User badge" + maskedBadge(badge.badge); }
    std::string operator()(const OwnCommand& command) const {
        return "Command label " + std::string{commandName(command.command)};
    }
    std::string operator()(const LookupKey& key) const {
        return "Code " + formats::displayText(key.key) + (key.gtin ? " (a GTIN)" : "");
    }
    std::string operator()(const Unreadable& unreadable) const {
        return "Not understood: \"" + unreadable.shown + "\": " + unreadable.reason;
    }
};

} // namespace

std::string describe(const Meaning& meaning) {
    return std::visit(Describer{}, meaning);
}

} // namespace lotstation::scan
