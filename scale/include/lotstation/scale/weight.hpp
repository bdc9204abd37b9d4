#pragma once
// What a scale says: a weight as the exact decimal it printed (never a double), its unit, whether it had
// settled, and whether it is gross, net or the tare; or a condition without a weight (moving, overload...).
#include "lotstation/core/error.hpp"
#include "lotstation/storage/quantity.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace lotstation::scale {

enum class WeightKind { Gross, Net, Tare };

struct Weight {
    std::string value; // exact decimal as the scale printed it, normalised: "1.234", "-0.050", "12"
    std::string unit;  // lower case as known units: "kg", "g", "mg", "lb", "oz"
    bool stable = false;
    WeightKind kind = WeightKind::Gross;
    friend bool operator==(const Weight&, const Weight&) = default;
};

enum class Condition {
    Weight,    // `weight` holds the reading
    Moving,    // the scale is in motion and gave no value (Toledo 8217 status, MT-SICS "S I")
    Overload,  // above capacity
    Underload, // below zero range
};

struct Reading {
    Condition condition = Condition::Weight;
    Weight weight;     // meaningful when condition == Weight
    std::string frame; // the line it came from, made safe to show
    std::chrono::steady_clock::time_point at{};
};

[[nodiscard]] const char* toString(WeightKind kind);
[[nodiscard]] const char* toString(Condition condition);

// Normalises a decimal the scale printed: "+0001.234" -> "1.234", "-  0.50" -> "-0.50", "0012" -> "12".
// Refuses anything that is not a plain decimal (no exponents, no second point, at most 15 digits).
[[nodiscard]] Result<std::string> normaliseDecimal(std::string_view text);

// A known weighing unit in lower case ("KG" -> "kg", "lbs" -> "lb"), or Invalid.
[[nodiscard]] Result<std::string> normaliseUnit(std::string_view text);

// The weight in base units of an item measured in `uom`, through storage's own quantity rules: "1.234 kg"
// for a g item is 1'234'000 mg; a weight for an ml or pc item, a pound weight (not exact in grams) or more
// digits than the base unit holds are refused with a sentence.
[[nodiscard]] Result<std::int64_t> toBaseUnits(const Weight& weight, storage::Uom uom);

// "1.234 kg stable gross", "0.050 kg moving net" for people; "overload" etc. for the conditions.
[[nodiscard]] std::string describe(const Reading& reading);

} // namespace lotstation::scale
