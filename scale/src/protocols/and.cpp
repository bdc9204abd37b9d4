// A&D (FX-i, GX and similar): "ST,+00001.234  g" (ST stable, US unstable, OL overload, QT a count in pieces);
// "EC,E1".. when the balance refuses a command. Acknowledgements (ACK alone) are handled by parseFrame.
#include "protocols/parsers.hpp"

namespace lotstation::scale {

Result<Reply> parseAnD(std::string_view frame) {
    const auto fields = splitFields(frame, ',');
    if (fields.size() != 2)
        return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "' is not an A&D 'ST,+00001.234  g' frame");
    const std::string_view header = fields[0];
    if (header == "EC")
        return fail(ErrorKind::Refused, "the balance refused the command (" + std::string(fields[1]) + ")");
    if (header == "OL") return conditionReply(Condition::Overload, frame);
    if (header != "ST" && header != "US" && header != "QT")
        return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "': " + std::string(header) +
                                            " is not ST, US, QT or OL");
    auto weight = parseValueAndUnit(fields[1]);
    if (!weight) return std::unexpected(weight.error());
    weight->stable = header != "US";
    return weightReply(std::move(*weight), frame);
}

} // namespace lotstation::scale
