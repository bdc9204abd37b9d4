#include "lotstation/station/quantity_entry.hpp"

#include <array>

namespace lotstation::station {
namespace {

// Nine integer digits keep the largest value (999,999,999 kg in mg) far inside int64.
constexpr std::size_t kMaxIntegerDigits = 9;

constexpr std::array<QuantityUnit, 5> kUnits{QuantityUnit::Gram, QuantityUnit::Kilogram,
                                             QuantityUnit::Millilitre, QuantityUnit::Litre,
                                             QuantityUnit::Piece};

// How many decimal places the base unit resolves (1 g = 1000 mg, 1 kg = 10^6 mg): keys past it are refused
// as they are pressed; the ledger's parser has the last word at confirm.
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

storage::Uom baseUnitOf(QuantityUnit unit) {
    switch (unit) {
    case QuantityUnit::Gram:
    case QuantityUnit::Kilogram:
        return storage::Uom::Gram;
    case QuantityUnit::Millilitre:
    case QuantityUnit::Litre:
        return storage::Uom::Millilitre;
    case QuantityUnit::Piece:
        break;
    }
    return storage::Uom::Piece;
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
    if (m_text.empty() || m_text == "0." || m_text == ".") return fail(ErrorKind::Invalid, "enter a quantity");
    // The ledger's parser reads "2.5kg" exactly as the command line does.
    const storage::Uom uom = baseUnitOf(m_unit);
    auto amount = storage::parseQuantity(m_text + std::string(unitSymbol(m_unit)), uom);
    if (!amount) return std::unexpected(amount.error());
    if (*amount <= 0) return fail(ErrorKind::Invalid, "quantity must be more than zero");
    return Quantity{*amount, uom};
}

} // namespace lotstation::station
