// Toledo 8217: the weight as digits between STX and CR, in the unit the scale is set to (the frame names none);
// "?" and a status byte instead when it cannot give one (bit 0 in motion, bit 1 over capacity, bit 2 under
// zero; bits 5-6 keep the byte printable).
#include "protocols/parsers.hpp"

#include <cctype>

namespace lotstation::scale {

Result<Reply> parseToledo(std::string_view frame, std::string_view unit) {
    if (frame.empty()) return fail(ErrorKind::Invalid, "empty Toledo frame");
    if (frame.front() == '?') {
        if (frame.size() != 2)
            return fail(ErrorKind::Invalid, "Toledo status frame '" + showFrame(frame) + "' is not '?' and one byte");
        const auto status = static_cast<unsigned char>(frame[1]);
        if (status & 0x02) return conditionReply(Condition::Overload, frame);
        if (status & 0x04) return conditionReply(Condition::Underload, frame);
        return conditionReply(Condition::Moving, frame); // motion, or outside the zero range: no weight now
    }
    for (char c : frame)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ' ')
            return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "' is not a Toledo 8217 weight");
    auto value = normaliseDecimal(frame);
    if (!value) return std::unexpected(value.error());
    auto normalisedUnit = normaliseUnit(unit);
    if (!normalisedUnit) return std::unexpected(normalisedUnit.error());
    Weight weight;
    weight.value = std::move(*value);
    weight.unit = std::move(*normalisedUnit);
    weight.stable = true; // the 8217 only sends digits once the scale has settled
    return weightReply(std::move(weight), frame);
}

} // namespace lotstation::scale
