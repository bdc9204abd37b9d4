#pragma once
// What the on-screen keypad edits: a quantity typed as exact decimal text plus a unit. No floating point: the
// text is turned into an integer count of the unit's smallest step (mg, µl or pieces) only when confirmed.
#include "lotstation/station/error.hpp"

#include <cstdint>
#include <expected>
#include <span>
#include <string>
#include <string_view>

namespace lotstation::station {

enum class QuantityUnit { Gram, Kilogram, Millilitre, Litre, Piece };

enum class KeypadKey { D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, Dot, Backspace, Clear };

// What a confirmed quantity is stored as: grams and kilograms become milligrams, millilitres and litres
// become microlitres, pieces stay pieces.
enum class BaseUnit { Milligram, Microlitre, Piece };

struct Quantity {
    std::int64_t amount = 0; // in base units
    BaseUnit unit = BaseUnit::Piece;
    bool operator==(const Quantity&) const = default;
};

[[nodiscard]] std::string_view unitSymbol(QuantityUnit unit); // "g", "kg", "ml", "l", "pc"
[[nodiscard]] std::string_view keypadKeyId(KeypadKey key);    // "0".."9", "dot", "back", "clear"
[[nodiscard]] int maxDecimals(QuantityUnit unit);             // how finely the unit can be typed
[[nodiscard]] BaseUnit baseUnitOf(QuantityUnit unit);
[[nodiscard]] std::span<const QuantityUnit> allQuantityUnits();

class QuantityEntry {
  public:
    explicit QuantityEntry(QuantityUnit unit = QuantityUnit::Piece) : m_unit(unit) {}

    // Keys that would make the text invalid (a second dot, too many decimals or digits) are ignored and
    // reported as false so the view can buzz.
    bool press(KeypadKey key);
    // Changing the unit keeps the text; decimals beyond what the new unit allows make confirm() refuse.
    void setUnit(QuantityUnit unit) { m_unit = unit; }
    void setText(std::string text) { m_text = std::move(text); }

    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] QuantityUnit unit() const { return m_unit; }
    // "2.5 kg", or "0 kg" when nothing is typed yet.
    [[nodiscard]] std::string display() const;
    // The exact quantity, or why it cannot be one ("pieces are whole numbers", "enter a quantity").
    [[nodiscard]] std::expected<Quantity, Error> confirm() const;

  private:
    std::string m_text;
    QuantityUnit m_unit;
};

} // namespace lotstation::station
