// MT-SICS (Mettler Toledo): "S S      1.234 kg" (S stable / D dynamic), "S I" busy, "S +" / "S -" over / under
// range; Z / T answered with "Z A", "T S 0.100 kg"; ES / ET / EL are the scale's own errors.
#include "protocols/parsers.hpp"

namespace lotstation::scale {
namespace {

std::string rangeRefusal(std::string_view what, std::string_view status) {
    if (status == "I") return "the scale could not " + std::string(what) + ": it is busy or moving";
    if (status == "+") return "the scale could not " + std::string(what) + ": upper limit exceeded";
    if (status == "-") return "the scale could not " + std::string(what) + ": lower limit exceeded";
    return "the scale could not " + std::string(what) + " (" + std::string(status) + ")";
}

Result<Reply> weightFields(const std::vector<std::string_view>& fields, std::string_view frame, WeightKind kind) {
    if (fields.size() != 4)
        return fail(ErrorKind::Invalid, "MT-SICS frame '" + showFrame(frame) + "' is not 'S S value unit'");
    auto weight = parseValueAndUnit(std::string(fields[2]) + std::string(fields[3]));
    if (!weight) return std::unexpected(weight.error());
    weight->stable = fields[1] == "S";
    weight->kind = kind;
    return weightReply(std::move(*weight), frame);
}

} // namespace

Result<Reply> parseMtSics(std::string_view frame) {
    const auto fields = splitFields(frame, ' ');
    if (fields.empty()) return fail(ErrorKind::Invalid, "empty MT-SICS frame");
    const std::string_view command = fields[0];
    if (command == "ES") return fail(ErrorKind::Refused, "the scale did not understand the command (ES)");
    if (command == "ET") return fail(ErrorKind::Refused, "the scale reports a transmission error (ET)");
    if (command == "EL") return fail(ErrorKind::Refused, "the scale reports a logical error (EL)");
    if (fields.size() < 2)
        return fail(ErrorKind::Invalid, "MT-SICS frame '" + showFrame(frame) + "' has no status");
    const std::string_view status = fields[1];
    if (command == "S" || command == "SI") {
        if (status == "S" || status == "D") return weightFields(fields, frame, WeightKind::Gross);
        if (status == "I" && fields.size() == 2) return conditionReply(Condition::Moving, frame);
        if (status == "+" && fields.size() == 2) return conditionReply(Condition::Overload, frame);
        if (status == "-" && fields.size() == 2) return conditionReply(Condition::Underload, frame);
    } else if (command == "Z") {
        if (status == "A" && fields.size() == 2) return Reply{std::nullopt, "zeroed"};
        if (fields.size() == 2) return fail(ErrorKind::Refused, rangeRefusal("zero", status));
    } else if (command == "T" || command == "TI") {
        if (status == "S" || status == "D") {
            auto reply = weightFields(fields, frame, WeightKind::Tare);
            if (reply) reply->note = "tare set";
            return reply;
        }
        if (fields.size() == 2) return fail(ErrorKind::Refused, rangeRefusal("tare", status));
    } else if (command == "I2" && status == "A") {
        const auto quoted = frame.find('"');
        std::string model(quoted == std::string_view::npos ? frame.substr(4) : frame.substr(quoted + 1));
        if (!model.empty() && model.back() == '"') model.pop_back();
        return Reply{std::nullopt, "model: " + model};
    }
    return fail(ErrorKind::Invalid, "'" + showFrame(frame) + "' is not an MT-SICS reply");
}

} // namespace lotstation::scale
