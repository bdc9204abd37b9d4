#pragma once
// What the on-screen keypad edits: a quantity typed as exact decimal text plus the unit button chosen. The
// text is handed to the ledger's own quantity parser (storage::parseQuantity) when confirmed, so the keypad and
// the command line read quantities by one rule into the ledger's units (storage::Uom).
#include "lotstation/core/error.hpp"
#include "lotstation/storage/quantity.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lotstation::station {

// The keypad's unit buttons: how the operator types (kg or g), not how the ledger stores (storage::Uom).
enum class QuantityUnit { Gram, Kilogram, Millilitre, Litre, Piece };

enum class KeypadKey { D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, Dot, Backspace, Clear };

// A confirmed quantity: base units of the ledger's unit (mg of a g item, µl of an ml item, pieces).
struct Quantity {
    std::int64_t amount = 0; // in base units
    storage::Uom unit = storage::Uom::Piece;
    std::optional<std::string> scale; // read from this scale ("mt-sics on /dev/ttyUSB0"); empty: typed
    bool operator==(const Quantity&) const = default;
};

[[nodiscard]] std::string_view unitSymbol(QuantityUnit unit); // "g", "kg", "ml", "l", "pc"
[[nodiscard]] std::string_view keypadKeyId(KeypadKey key);    // "0".."9", "dot", "back", "clear"
[[nodiscard]] int maxDecimals(QuantityUnit unit);             // how finely the unit can be typed
[[nodiscard]] storage::Uom baseUnitOf(QuantityUnit unit); // kg and g: Uom::Gram; l and ml: Uom::Millilitre
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
