#include "lotstation/station/quantity_entry.hpp"

#include <array>

namespace lotstation::station {
namespace {

// Nine integer digits keep the largest value (999,999,999 kg in mg) far inside int64.
constexpr std::size_t kMaxIntegerDigits = 9;

constexpr std::array<QuantityUnit, 5> kUnits{QuantityUnit::Gram, QuantityUnit::Kilogram,
                                             QuantityUnit::Millilitre, QuantityUnit::Litre,
                                             QuantityUnit::Piece};

std::int64_t powerOfTen(int exponent) {
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

// How many decimal places the base unit resolves: 1 g = 1000 mg, 1 kg = 10^6 mg, and so on.
int baseExponent(QuantityUnit unit) {
    switch (unit) {
    case QuantityUnit::Gram:
    case QuantityUnit::Millilitre:
        return 3;
    case QuantityUnit::Kilogram:
    case QuantityUnit::Litre:
        return 6;
    case QuantityUnit::Piece:
        return 0;
    }
    return 0;
}

} // namespace

std::string_view unitSymbol(QuantityUnit unit) {
    switch (unit) {
    case QuantityUnit::Gram:
        return "g";
    case QuantityUnit::Kilogram:
        return "kg";
    case QuantityUnit::Millilitre:
        return "ml";
    case QuantityUnit::Litre:
        return "l";
    case QuantityUnit::Piece:
        return "pc";
    }
    return "?";
}

std::string_view keypadKeyId(KeypadKey key) {
    static constexpr std::array<std::string_view, 13> ids{"0", "1", "2", "3",   "4",    "5",    "6",
                                                          "7", "8", "9", "dot", "back", "clear"};
    return ids[static_cast<std::size_t>(key)];
}

int maxDecimals(QuantityUnit unit) {
    return baseExponent(unit);
}

BaseUnit baseUnitOf(QuantityUnit unit) {
    switch (unit) {
    case QuantityUnit::Gram:
    case QuantityUnit::Kilogram:
        return BaseUnit::Milligram;
    case QuantityUnit::Millilitre:
    case QuantityUnit::Litre:
        return BaseUnit::Microlitre;
    case QuantityUnit::Piece:
        return BaseUnit::Piece;
    }
    return BaseUnit::Piece;
}

std::span<const QuantityUnit> allQuantityUnits() {
    return kUnits;
}

bool QuantityEntry::press(KeypadKey key) {
    switch (key) {
    case KeypadKey::Clear:
        m_text.clear();
        return true;
    case KeypadKey::Backspace:
        if (m_text.empty()) return false;
        m_text.pop_back();
        return true;
    case KeypadKey::Dot:
        if (m_text.find('.') != std::string::npos || maxDecimals(m_unit) == 0) return false;
        m_text += m_text.empty() ? "0." : ".";
        return true;
    default:
        break;
    }
    const char digit = static_cast<char>('0' + static_cast<int>(key));
    const auto dot = m_text.find('.');
    if (dot == std::string::npos) {
        if (m_text == "0") { // no leading zeros: "0" then "7" reads as "7"
            m_text = std::string(1, digit);
            return true;
        }
        if (m_text.size() >= kMaxIntegerDigits) return false;
    } else if (static_cast<int>(m_text.size() - dot - 1) >= maxDecimals(m_unit)) {
        return false;
    }
    m_text += digit;
    return true;
}

std::string QuantityEntry::display() const {
    return (m_text.empty() ? std::string("0") : m_text) + " " + std::string(unitSymbol(m_unit));
}

std::expected<Quantity, Error> QuantityEntry::confirm() const {
    if (m_text.empty() || m_text == "0." || m_text == ".") return std::unexpected(Error{"enter a quantity"});
    const auto dot = m_text.find('.');
    const std::string whole = m_text.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? std::string() : m_text.substr(dot + 1);
    if (whole.size() > kMaxIntegerDigits) return std::unexpected(Error{"quantity is too large"});
    for (char c : whole + fraction)
        if (c < '0' || c > '9') return std::unexpected(Error{"quantity \"" + m_text + "\" is not a number"});
    const int exponent = baseExponent(m_unit);
    if (static_cast<int>(fraction.size()) > exponent) {
        if (exponent == 0) return std::unexpected(Error{"pieces are whole numbers"});
        return std::unexpected(
            Error{"at most " + std::to_string(exponent) + " decimals in " + std::string(unitSymbol(m_unit))});
    }
    std::int64_t amount = 0;
    for (char c : whole)
        amount = amount * 10 + (c - '0');
    amount *= powerOfTen(exponent);
    std::int64_t fractionValue = 0;
    for (char c : fraction)
        fractionValue = fractionValue * 10 + (c - '0');
    amount += fractionValue * powerOfTen(exponent - static_cast<int>(fraction.size()));
    if (amount == 0) return std::unexpected(Error{"quantity must be more than zero"});
    return Quantity{amount, baseUnitOf(m_unit)};
}

} // namespace lotstation::station
