#include "lotstation/storage/quantity.hpp"

#include "decimal.hpp"

#include <cctype>
#include <string>

namespace lotstation::storage {
namespace {

enum class Dimension { Mass, Volume, Count };

struct UnitSpec {
    std::string_view name;
    Dimension dimension;
    std::int64_t baseUnits; // base units (mg, µl, pc) in one of this unit
};

constexpr UnitSpec kUnits[] = {
    {"mg", Dimension::Mass, 1},        {"g", Dimension::Mass, 1000},    {"kg", Dimension::Mass, 1000000},
    {"ul", Dimension::Volume, 1},      {"ml", Dimension::Volume, 1000}, {"cl", Dimension::Volume, 10000},
    {"l", Dimension::Volume, 1000000}, {"pc", Dimension::Count, 1},     {"pcs", Dimension::Count, 1},
    {"ea", Dimension::Count, 1},
};

Dimension dimensionOf(Uom uom) {
    switch (uom) {
    case Uom::Gram:
        return Dimension::Mass;
    case Uom::Millilitre:
        return Dimension::Volume;
    case Uom::Piece:
        return Dimension::Count;
    }
    return Dimension::Count;
}

const char* dimensionName(Dimension dimension) {
    switch (dimension) {
    case Dimension::Mass:
        return "mass";
    case Dimension::Volume:
        return "volume";
    case Dimension::Count:
        return "a count";
    }
    return "?";
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string subject(std::string_view itemName) {
    return itemName.empty() ? std::string("the item") : std::string(itemName);
}

std::string smallestUnit(Uom uom) {
    switch (uom) {
    case Uom::Gram:
        return "1 mg";
    case Uom::Millilitre:
        return "1 µl (0.001 ml)";
    case Uom::Piece:
        return "1 pc";
    }
    return "?";
}

// Writes |value| / 10^decimals with trailing zeros trimmed.
std::string fixed(std::int64_t value, int decimals) {
    const bool negative = value < 0;
    const auto magnitude =
        static_cast<unsigned long long>(negative ? -(value + 1) : value) + (negative ? 1 : 0);
    unsigned long long scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / scale);
    std::string fraction = std::to_string(magnitude % scale);
    if (decimals > 0 && magnitude % scale != 0) {
        fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
        out += "." + fraction;
    }
    return out;
}

} // namespace

const char* toString(Uom uom) {
    switch (uom) {
    case Uom::Gram:
        return "g";
    case Uom::Millilitre:
        return "ml";
    case Uom::Piece:
        return "pc";
    }
    return "?";
}

Result<Uom> parseUom(std::string_view text) {
    const auto name = lower(trim(text));
    if (name == "g") return Uom::Gram;
    if (name == "ml") return Uom::Millilitre;
    if (name == "pc" || name == "pcs") return Uom::Piece;
    return fail(ErrorKind::Invalid, "unit of measure '" + std::string(text) + "' is not g, ml or pc");
}

Result<std::int64_t> parseQuantity(std::string_view text, Uom uom, std::string_view itemName) {
    const auto input = trim(text);
    const std::string shown(input);
    if (input.empty()) return fail(ErrorKind::Invalid, "no quantity given");
    std::string_view rest;
    const auto number = readDecimal(input, rest);
    if (!number) {
        return fail(ErrorKind::Invalid,
                    "'" + shown + "' is not a quantity (expected e.g. 500g, 2.5kg, 750ml, 1.5l or 12pc)");
    }
    const auto unitName = lower(trim(rest));
    const UnitSpec* unit = nullptr;
    if (!unitName.empty()) {
        for (const auto& candidate : kUnits) {
            if (candidate.name == unitName) unit = &candidate;
        }
        if (!unit) {
            return fail(ErrorKind::Invalid, "'" + shown + "': unit '" + std::string(trim(rest)) +
                                                "' is not known (use mg, g, kg, ml, l or pc)");
        }
        if (unit->dimension != dimensionOf(uom)) {
            return fail(ErrorKind::Invalid, shown + " is " + dimensionName(unit->dimension) + "; " +
                                                subject(itemName) + " is measured in " + toString(uom));
        }
    }
    const std::int64_t factor = unit ? unit->baseUnits : baseUnitsPerUnit(uom);
    const Wide scaled = number->mantissa * factor;
    const Wide divisor = powerOfTen(number->decimals);
    if (scaled % divisor != 0) {
        if (uom == Uom::Piece)
            return fail(ErrorKind::Invalid, shown + ": " + subject(itemName) + " is counted in whole pieces");
        return fail(ErrorKind::Invalid, shown + " is finer than " + smallestUnit(uom) +
                                            ", the smallest amount of " + subject(itemName) +
                                            " the ledger records");
    }
    const auto value = narrow(scaled / divisor);
    if (!value) return fail(ErrorKind::Invalid, shown + " is too large a quantity");
    return *value;
}

std::string formatQuantity(std::int64_t baseUnits, Uom uom) {
    switch (uom) {
    case Uom::Piece:
        return std::to_string(baseUnits) + " pc";
    case Uom::Gram:
        if (baseUnits >= 1000000 || baseUnits <= -1000000) return fixed(baseUnits, 6) + " kg";
        return fixed(baseUnits, 3) + " g";
    case Uom::Millilitre:
        if (baseUnits >= 1000000 || baseUnits <= -1000000) return fixed(baseUnits, 6) + " l";
        return fixed(baseUnits, 3) + " ml";
    }
    return std::to_string(baseUnits);
}

} // namespace lotstation::storage
