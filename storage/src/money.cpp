#include "lotstation/storage/money.hpp"

#include "decimal.hpp"

#include <cctype>
#include <expected>

namespace lotstation::storage {
namespace {

constexpr int kMoneyDecimals = 6;

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Micro-units per 1 g / 1 ml / 1 pc = amount * numerator / denominator for "amount per <unit>".
struct PerUnit {
    std::string_view name;
    Uom uom;
    std::int64_t numerator;
    std::int64_t denominator;
};

constexpr PerUnit kPerUnits[] = {
    {"mg", Uom::Gram, 1000, 1},       {"g", Uom::Gram, 1, 1},        {"kg", Uom::Gram, 1, 1000},
    {"ul", Uom::Millilitre, 1000, 1}, {"ml", Uom::Millilitre, 1, 1}, {"cl", Uom::Millilitre, 1, 10},
    {"l", Uom::Millilitre, 1, 1000},  {"pc", Uom::Piece, 1, 1},      {"pcs", Uom::Piece, 1, 1},
    {"ea", Uom::Piece, 1, 1},
};

// Why an amount could not be read; each caller words it for what the amount is (a price, a unit cost).
enum class AmountProblem { NotANumber, TooPrecise, TooLarge };

std::expected<Micros, AmountProblem> readAmount(std::string_view input) {
    std::string_view rest;
    const auto number = readDecimal(input, rest);
    if (!number || !trim(rest).empty()) return std::unexpected(AmountProblem::NotANumber);
    if (number->decimals > kMoneyDecimals) return std::unexpected(AmountProblem::TooPrecise);
    const auto value = narrow(number->mantissa * powerOfTen(kMoneyDecimals - number->decimals));
    if (!value) return std::unexpected(AmountProblem::TooLarge);
    return *value;
}

} // namespace

Result<Micros> parseMoney(std::string_view text) {
    const auto input = trim(text);
    const std::string shown(input);
    const auto amount = readAmount(input);
    if (amount) return *amount;
    switch (amount.error()) {
    case AmountProblem::NotANumber:
        break;
    case AmountProblem::TooPrecise:
        return fail(ErrorKind::Invalid, shown + " has more than six decimals");
    case AmountProblem::TooLarge:
        return fail(ErrorKind::Invalid, shown + " is too large an amount");
    }
    return fail(ErrorKind::Invalid, "'" + shown + "' is not an amount of money (expected e.g. 12.50)");
}

std::string formatMoney(Micros amount) {
    const bool negative = amount < 0;
    const Wide magnitude = negative ? -static_cast<Wide>(amount) : static_cast<Wide>(amount);
    const auto whole = static_cast<unsigned long long>(magnitude / 1000000);
    auto fraction = std::to_string(static_cast<unsigned long long>(magnitude % 1000000));
    fraction.insert(0, 6 - fraction.size(), '0');
    while (fraction.size() > 2 && fraction.back() == '0')
        fraction.pop_back();
    return (negative ? "-" : "") + std::to_string(whole) + "." + fraction;
}

Result<Micros> parseUnitCost(std::string_view text, Uom uom) {
    const auto input = trim(text);
    const std::string shown(input);
    const auto slash = input.find('/');
    const auto amountText = input.substr(0, slash);
    std::string unitName =
        slash == std::string_view::npos ? std::string() : lower(trim(input.substr(slash + 1)));
    const auto amount = readAmount(trim(amountText));
    if (!amount) {
        // Say what is wrong with the number: "too large" is not the same mistake as a decimal comma.
        switch (amount.error()) {
        case AmountProblem::NotANumber:
            break;
        case AmountProblem::TooPrecise:
            return fail(ErrorKind::Invalid, "'" + shown + "': the amount has more than six decimals");
        case AmountProblem::TooLarge:
            return fail(ErrorKind::Invalid, "'" + shown + "' is too large a unit cost");
        }
        return fail(ErrorKind::Invalid, "'" + shown + "' is not a unit cost (expected e.g. 4.20/kg)");
    }
    if (unitName.empty()) {
        if (slash != std::string_view::npos)
            return fail(ErrorKind::Invalid, "'" + shown + "': per what? (e.g. 4.20/kg)");
        if (uom != Uom::Piece) {
            return fail(ErrorKind::Invalid, "'" + shown + "': say per what, e.g. " + shown + "/kg or " +
                                                shown + "/g (the item is measured in " + toString(uom) + ")");
        }
        unitName = "pc";
    }
    for (const auto& per : kPerUnits) {
        if (per.name != unitName) continue;
        if (per.uom != uom) {
            return fail(ErrorKind::Invalid, "'" + shown + "' is a cost per " + unitName +
                                                "; the item is measured in " + toString(uom));
        }
        const auto value =
            narrow(divideHalfEven(static_cast<Wide>(*amount) * per.numerator, per.denominator));
        if (!value) return fail(ErrorKind::Invalid, "'" + shown + "' is too large a unit cost");
        return *value;
    }
    return fail(ErrorKind::Invalid,
                "'" + shown + "': unit '" + unitName + "' is not known (use g, kg, ml, l or pc)");
}

std::string formatUnitCost(Micros perUnit, Uom uom) {
    switch (uom) {
    case Uom::Gram: {
        const auto perKg = narrow(static_cast<Wide>(perUnit) * 1000);
        return perKg ? formatMoney(*perKg) + "/kg" : formatMoney(perUnit) + "/g";
    }
    case Uom::Millilitre: {
        const auto perLitre = narrow(static_cast<Wide>(perUnit) * 1000);
        return perLitre ? formatMoney(*perLitre) + "/l" : formatMoney(perUnit) + "/ml";
    }
    case Uom::Piece:
        return formatMoney(perUnit) + "/pc";
    }
    return formatMoney(perUnit);
}

std::optional<Micros> costOf(std::int64_t baseUnits, Micros perUnit, Uom uom) {
    return narrow(divideHalfEven(static_cast<Wide>(baseUnits) * perUnit, baseUnitsPerUnit(uom)));
}

} // namespace lotstation::storage
