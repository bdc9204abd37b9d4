#include "lotstation/scale/weight.hpp"

#include <array>
#include <cctype>

namespace lotstation::scale {

const char* toString(WeightKind kind) {
    switch (kind) {
    case WeightKind::Gross: return "gross";
    case WeightKind::Net: return "net";
    case WeightKind::Tare: return "tare";
    }
    return "gross";
}

const char* toString(Condition condition) {
    switch (condition) {
    case Condition::Weight: return "weight";
    case Condition::Moving: return "moving";
    case Condition::Overload: return "overload";
    case Condition::Underload: return "underload";
    }
    return "weight";
}

Result<std::string> normaliseDecimal(std::string_view text) {
    std::size_t at = 0;
    auto skipSpaces = [&] {
        while (at < text.size() && text[at] == ' ') ++at;
    };
    skipSpaces();
    bool negative = false;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        negative = text[at] == '-';
        ++at;
        skipSpaces(); // indicators pad between the sign and the digits: "-   0.50"
    }
    std::string integer, fraction;
    bool point = false;
    for (; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '.' && !point) {
            point = true;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            (point ? fraction : integer).push_back(c);
        } else {
            break;
        }
    }
    skipSpaces();
    if (at != text.size() || (integer.empty() && fraction.empty()))
        return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a weight");
    const auto firstDigit = integer.find_first_not_of('0');
    integer = firstDigit == std::string::npos ? "0" : integer.substr(firstDigit);
    if (integer.size() + fraction.size() > 15)
        return fail(ErrorKind::Invalid, "'" + std::string(text) + "' has more digits than any scale shows");
    std::string result = negative && (integer != "0" || fraction.find_first_not_of('0') != std::string::npos)
                             ? "-"
                             : "";
    result += integer;
    if (!fraction.empty()) result += "." + fraction;
    return result;
}

Result<std::string> normaliseUnit(std::string_view text) {
    std::string lower;
    for (char c : text)
        if (c != ' ') lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> known{{
        {"kg", "kg"}, {"g", "g"}, {"mg", "mg"}, {"lb", "lb"}, {"lbs", "lb"}, {"oz", "oz"}, {"t", "t"},
        {"ct", "ct"}, {"pcs", "pc"}, {"pc", "pc"},
    }};
    for (const auto& [spelling, unit] : known)
        if (lower == spelling) return std::string(unit);
    return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a weighing unit");
}

Result<std::int64_t> toBaseUnits(const Weight& weight, storage::Uom uom) {
    if (weight.unit == "lb" || weight.unit == "oz" || weight.unit == "ct")
        return fail(ErrorKind::Refused, "the scale weighs in " + weight.unit +
                                            "; set it to kg or g (quantities are kept exact in metric units)");
    if (weight.unit == "t")
        return fail(ErrorKind::Refused, "the scale weighs in tonnes; set it to kg or g");
    if (weight.unit == "pc")
        return storage::parseQuantity(weight.value + "pc", uom, "the weighed item");
    return storage::parseQuantity(weight.value + weight.unit, uom, "the weighed item");
}

std::string describe(const Reading& reading) {
    if (reading.condition != Condition::Weight) return toString(reading.condition);
    return reading.weight.value + " " + reading.weight.unit + (reading.weight.stable ? " stable " : " moving ") +
           toString(reading.weight.kind);
}

} // namespace lotstation::scale
