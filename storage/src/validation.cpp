#include "validation.hpp"

#include "decimal.hpp"
#include "permissions.hpp"
#include "rows.hpp"

namespace lotstation::storage {

Result<std::string> validCode(std::string_view code, std::string_view what) {
    if (code.empty()) return fail(ErrorKind::Invalid, "no " + std::string(what) + " given");
    if (code.size() > 64)
        return fail(ErrorKind::Invalid, std::string(what) + " '" + std::string(code.substr(0, 64)) +
                                            "...' is longer than 64 characters");
    for (const char c : code) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) {
            return fail(ErrorKind::Invalid, std::string(what) + " '" + std::string(code) +
                                                "' contains a space or control character");
        }
    }
    return std::string(code);
}

Result<std::string> validReason(std::string_view reason, std::string_view forWhat) {
    const auto text = trim(reason);
    if (text.empty()) return fail(ErrorKind::Invalid, std::string(forWhat) + " needs a reason");
    if (text.size() > 500) return fail(ErrorKind::Invalid, "the reason is longer than 500 characters");
    return std::string(text);
}

Result<std::optional<std::string>> validScale(const std::optional<std::string>& scale) {
    if (!scale) return std::optional<std::string>{};
    if (scale->empty() || scale->size() > 120)
        return fail(ErrorKind::Invalid, "a scale's name has 1 to 120 characters");
    for (const unsigned char c : *scale)
        if (c < 0x20 || c == 0x7f) return fail(ErrorKind::Invalid, "a scale's name cannot hold control characters");
    return scale;
}

Result<std::int64_t> positive(std::int64_t quantity, std::string_view what) {
    if (quantity <= 0) return fail(ErrorKind::Invalid, std::string(what) + " must be more than zero");
    return quantity;
}

Result<User> approvingSupervisor(LedgerCore& core, const Override& override) {
    if (trim(override.reason).empty()) return fail(ErrorKind::Invalid, "an override needs a reason");
    if (override.supervisor.empty()) return fail(ErrorKind::Invalid, "an override needs a supervisor");
    return requireAllowed(core, override.supervisor, Action::ApproveOverride);
}

} // namespace lotstation::storage
