#include "protocols/parsers.hpp"

#include <cctype>

namespace lotstation::scale {

Result<Weight> parseValueAndUnit(std::string_view text) {
    // The value runs to the first letter; the rest is the unit ("+0001.234kg", "1.234 kg", "-   12 g").
    std::size_t split = 0;
    while (split < text.size() && !std::isalpha(static_cast<unsigned char>(text[split]))) ++split;
    const std::string_view number = text.substr(0, split);
    const std::string_view unitText = text.substr(split);
    if (unitText.empty()) return fail(ErrorKind::Invalid, "'" + showFrame(text) + "' has no unit");
    auto value = normaliseDecimal(number);
    if (!value) return std::unexpected(value.error());
    auto unit = normaliseUnit(unitText);
    if (!unit) return std::unexpected(unit.error());
    Weight weight;
    weight.value = std::move(*value);
    weight.unit = std::move(*unit);
    return weight;
}

std::vector<std::string_view> splitFields(std::string_view text, char separator) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (start <= text.size()) {
        if (separator == ' ') {
            while (start < text.size() && text[start] == ' ') ++start;
            if (start == text.size()) break;
        }
        const auto end = text.find(separator, start);
        fields.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return fields;
}

Reply weightReply(Weight weight, std::string_view frame) {
    Reading reading;
    reading.condition = Condition::Weight;
    reading.weight = std::move(weight);
    reading.frame = showFrame(frame);
    return Reply{std::move(reading), {}};
}

Reply conditionReply(Condition condition, std::string_view frame) {
    Reading reading;
    reading.condition = condition;
    reading.frame = showFrame(frame);
    return Reply{std::move(reading), {}};
}

} // namespace lotstation::scale
