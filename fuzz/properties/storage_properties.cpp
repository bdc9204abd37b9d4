// Properties of the ledger's value parsers: whatever parses formats to text that parses to the same integer,
// every int64 formats to text that parses back, and refusals carry a message.
#include "lotstation/storage/money.hpp"
#include "lotstation/storage/quantity.hpp"
#include "lotstation/storage/time.hpp"
#include "properties.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace lotstation::fuzz {
namespace {

__extension__ using Wide = __int128;

constexpr std::array kUoms{storage::Uom::Gram, storage::Uom::Millilitre, storage::Uom::Piece};

// First byte: the item's unit of measure; the rest: the text.
storage::Uom uomOf(Bytes input) {
    return kUoms[input.empty() ? 0 : input[0] % kUoms.size()];
}
std::string_view textOf(Bytes input) {
    return asText(input.empty() ? input : input.subspan(1));
}

// The first eight bytes as an int64 (zero-padded), to round-trip values no text would reach.
std::int64_t integerOf(Bytes input) {
    std::array<std::uint8_t, 8> raw{};
    if (!input.empty()) std::memcpy(raw.data(), input.data(), std::min(input.size(), raw.size()));
    std::uint64_t value = 0;
    for (const auto byte : raw)
        value = (value << 8) | byte;
    return static_cast<std::int64_t>(value);
}

template <typename T> std::string reason(const storage::Result<T>& result) {
    return result ? std::string() : result.error().message;
}

void requireQuantityRoundTrip(std::int64_t value, storage::Uom uom, const std::string& origin) {
    const auto text = storage::formatQuantity(value, uom);
    const auto again = storage::parseQuantity(text, uom);
    require(again.has_value(), origin + ": formatted quantity '" + text + "' is refused: " + reason(again));
    require(*again == value, origin + ": '" + text + "' parses to " + std::to_string(*again) + ", not " +
                                 std::to_string(value));
}

void requireMoneyRoundTrip(storage::Micros value, const std::string& origin) {
    const auto text = storage::formatMoney(value);
    const auto again = storage::parseMoney(text);
    require(again.has_value(), origin + ": formatted amount '" + text + "' is refused: " + reason(again));
    require(*again == value, origin + ": '" + text + "' parses to " + std::to_string(*again));
}

void requireUnitCostRoundTrip(storage::Micros value, storage::Uom uom, const std::string& origin) {
    const auto text = storage::formatUnitCost(value, uom);
    const auto again = storage::parseUnitCost(text, uom);
    require(again.has_value(), origin + ": formatted unit cost '" + text + "' is refused: " + reason(again));
    require(*again == value, origin + ": '" + text + "' parses to " + std::to_string(*again) + ", not " +
                                 std::to_string(value));
}

} // namespace

void checkQuantity(Bytes input) {
    const auto uom = uomOf(input);
    const auto text = textOf(input);
    const auto parsed = storage::parseQuantity(text, uom, "ITEM");
    if (parsed) {
        requireQuantityRoundTrip(*parsed, uom, "'" + std::string(text) + "'");
        // Surrounding spaces never change a quantity.
        const auto padded = storage::parseQuantity(" " + std::string(text) + " ", uom, "ITEM");
        require(padded && *padded == *parsed, "spaces around '" + std::string(text) + "' change it");
    } else {
        require(!parsed.error().message.empty(), "quantity refused without a reason");
        require(parsed.error().kind == storage::ErrorKind::Invalid, "a bad quantity is not Invalid");
    }
    requireQuantityRoundTrip(integerOf(textOf(input).empty() ? input : input.subspan(1)), uom, "int64");
}

void checkMoney(Bytes input) {
    const auto uom = uomOf(input);
    const auto text = textOf(input);
    const auto money = storage::parseMoney(text);
    if (money) {
        requireMoneyRoundTrip(*money, "'" + std::string(text) + "'");
    } else {
        require(!money.error().message.empty(), "amount refused without a reason");
    }
    const auto cost = storage::parseUnitCost(text, uom);
    if (cost) {
        requireUnitCostRoundTrip(*cost, uom, "'" + std::string(text) + "'");
    } else {
        require(!cost.error().message.empty(), "unit cost refused without a reason");
    }
    const auto value = integerOf(textOf(input).empty() ? input : input.subspan(1));
    requireMoneyRoundTrip(value, "int64");
    requireUnitCostRoundTrip(value, uom, "int64");
    // costOf never overflows silently: a result is the exact quotient rounded, or nothing.
    const auto quantity = integerOf(input.size() > 9 ? input.subspan(9) : Bytes{});
    if (const auto cost2 = storage::costOf(quantity, value, uom); cost2 && uom == storage::Uom::Piece) {
        require(static_cast<Wide>(*cost2) == static_cast<Wide>(quantity) * value,
                "costOf for pieces is not the exact product");
    }
}

void checkDates(Bytes input) {
    const auto text = asText(input);
    if (const auto date = storage::parseDate(text)) {
        require(date->ok(), "parseDate accepted an impossible date");
        require(storage::formatDate(*date) == text, "date '" + std::string(text) + "' formats differently");
    } else {
        require(!date.error().message.empty(), "date refused without a reason");
    }
    if (const auto at = storage::parseTimestamp(text)) {
        require(storage::formatTimestamp(*at) == text,
                "timestamp '" + std::string(text) + "' formats as " + storage::formatTimestamp(*at));
    }
    // Any day in years 0..9999 formats to text that parses back to it.
    const auto days = integerOf(input) % (365 * 10000);
    const storage::Date day{std::chrono::sys_days{std::chrono::days{-719528 + (days < 0 ? -days : days)}}};
    const auto dayText = storage::formatDate(day);
    const auto back = storage::parseDate(dayText);
    require(back && *back == day, "formatted date " + dayText + " does not parse back");
}

} // namespace lotstation::fuzz
