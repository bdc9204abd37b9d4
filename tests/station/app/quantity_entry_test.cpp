#include "lotstation/station/quantity_entry.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
namespace storage = lotstation::storage;

namespace {
QuantityEntry typed(QuantityUnit unit, std::initializer_list<KeypadKey> keys) {
    QuantityEntry entry(unit);
    for (auto key : keys)
        entry.press(key);
    return entry;
}
} // namespace

TEST_CASE("keypad: 2.5 kg is exactly 2,500,000 mg") {
    const auto entry = typed(QuantityUnit::Kilogram, {KeypadKey::D2, KeypadKey::Dot, KeypadKey::D5});
    CHECK(entry.text() == "2.5");
    CHECK(entry.display() == "2.5 kg");
    const auto quantity = entry.confirm();
    REQUIRE(quantity);
    CHECK(*quantity == Quantity{2'500'000, storage::Uom::Gram});
}

TEST_CASE("keypad: decimals that do not fit the unit are refused as keys and at confirm") {
    auto entry = typed(QuantityUnit::Gram,
                       {KeypadKey::D1, KeypadKey::Dot, KeypadKey::D2, KeypadKey::D3, KeypadKey::D4});
    CHECK_FALSE(entry.press(KeypadKey::D5)); // g resolves to mg: three decimals at most
    CHECK(entry.text() == "1.234");
    CHECK(entry.confirm()->amount == 1234);
    entry.setUnit(QuantityUnit::Piece);
    const auto refused = entry.confirm();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "1.234pc: the item is counted in whole pieces"); // the ledger's parser
    CHECK(typed(QuantityUnit::Piece, {KeypadKey::D3}).confirm()->amount == 3);
}

TEST_CASE("keypad: dot, backspace, clear and leading zeros") {
    auto entry = typed(QuantityUnit::Litre, {KeypadKey::Dot});
    CHECK(entry.text() == "0.");
    CHECK_FALSE(entry.press(KeypadKey::Dot));
    CHECK(entry.confirm().error().message == "enter a quantity");
    entry.press(KeypadKey::D7);
    CHECK(entry.confirm()->amount == 700'000); // 0.7 l in µl
    CHECK(entry.press(KeypadKey::Backspace));
    CHECK(entry.press(KeypadKey::Clear));
    CHECK(entry.text().empty());
    CHECK_FALSE(entry.press(KeypadKey::Backspace));
    entry.press(KeypadKey::D0);
    entry.press(KeypadKey::D0);
    entry.press(KeypadKey::D9);
    CHECK(entry.text() == "9");
    CHECK(typed(QuantityUnit::Piece, {KeypadKey::D0}).confirm().error().message ==
          "quantity must be more than zero");
    CHECK_FALSE(typed(QuantityUnit::Piece, {KeypadKey::D1}).press(KeypadKey::Dot));
}

TEST_CASE("keypad: nine integer digits at most, so base units never overflow") {
    QuantityEntry entry(QuantityUnit::Kilogram);
    for (int i = 0; i < 9; ++i)
        CHECK(entry.press(KeypadKey::D9));
    CHECK_FALSE(entry.press(KeypadKey::D9));
    CHECK(entry.confirm()->amount == 999'999'999LL * 1'000'000LL);
    entry.setText("12a");
    CHECK(entry.confirm().error().message.find("unit 'akg' is not known") != std::string::npos);
}
