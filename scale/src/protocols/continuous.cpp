// The continuous stream many indicators send unasked: "ST,GS,+0001.234kg" (ST stable, US unstable, OL
// overload; GS gross, NT net, TR tare).
#include "protocols/parsers.hpp"

namespace lotstation::scale {

Result<Reply> parseContinuous(std::string_view frame) {
    const auto fields = splitFields(frame, ',');
    if (fields.size() != 3)
        return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "' is not a 'ST,GS,+0001.234kg' frame");
    const std::string_view header = fields[0], kindField = fields[1];
    WeightKind kind;
    if (kindField == "GS" || kindField == "GW") kind = WeightKind::Gross;
    else if (kindField == "NT" || kindField == "NW") kind = WeightKind::Net;
    else if (kindField == "TR" || kindField == "TW") kind = WeightKind::Tare;
    else return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "': " + std::string(kindField) +
                                             " is not gross (GS), net (NT) or tare (TR)");
    if (header == "OL") return conditionReply(Condition::Overload, frame);
    if (header != "ST" && header != "US")
        return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "': " + std::string(header) +
                                            " is not stable (ST), unstable (US) or overload (OL)");
    auto weight = parseValueAndUnit(fields[2]);
    if (!weight) return std::unexpected(weight.error());
    weight->stable = header == "ST";
    weight->kind = kind;
    return weightReply(std::move(*weight), frame);
}

} // namespace lotstation::scale
