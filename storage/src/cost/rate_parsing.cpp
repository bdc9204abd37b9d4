// Reading what people type for rates, durations and percentages: exact decimals, clear refusals.
#include "lotstation/storage/cost_rates.hpp"

#include "../decimal.hpp"

#include <cctype>
#include <string>

namespace lotstation::storage {
namespace {

constexpr Micros kMaxRate = 1'000'000'000'000'000; // a billion in micro-units: no rate is near it
constexpr std::int64_t kMaxSeconds = 10'000LL * 3600;

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// `text` as a non-negative decimal scaled by 10^digits, exactly; empty when it is not one.
std::optional<Wide> scaled(std::string_view text, int digits, std::string_view& rest) {
    const auto number = readDecimal(trim(text), rest);
    if (!number || number->decimals > digits) return std::nullopt;
    return number->mantissa * powerOfTen(digits - number->decimals);
}

} // namespace

const char* toString(OverheadBasis basis) {
    switch (basis) {
    case OverheadBasis::PerRun:
        return "per run";
    case OverheadBasis::PerLabourHour:
        return "per labour hour";
    case OverheadBasis::PerUnit:
        return "per unit of output";
    case OverheadBasis::MaterialPercent:
        return "% of material";
    }
    return "?";
}

Result<Micros> parseHourlyRate(std::string_view text) {
    const std::string shown(trim(text));
    const auto slash = shown.find('/');
    const auto unit = slash == std::string::npos ? std::string() : lower(trim(std::string_view(shown).substr(slash + 1)));
    if (slash == std::string::npos || (unit != "h" && unit != "hr" && unit != "hour"))
        return fail(ErrorKind::Invalid, "'" + shown + "' is not an hourly rate (expected e.g. 24.50/h)");
    std::string_view rest;
    const auto amount = scaled(std::string_view(shown).substr(0, slash), 6, rest);
    if (!amount || !trim(rest).empty()) {
        if (shown.starts_with('-')) return fail(ErrorKind::Invalid, "a rate cannot be negative: " + shown);
        return fail(ErrorKind::Invalid, "'" + shown + "' is not an hourly rate (expected e.g. 24.50/h)");
    }
    if (*amount < 0) return fail(ErrorKind::Invalid, "a rate cannot be negative: " + shown);
    if (*amount > kMaxRate) return fail(ErrorKind::Invalid, "'" + shown + "' is not a plausible rate");
    return static_cast<Micros>(*amount);
}

Result<std::int64_t> parseDuration(std::string_view text) {
    const std::string shown(trim(text));
    const auto bad = [&] {
        return fail(ErrorKind::Invalid, "'" + shown + "' is not a duration (expected e.g. 1.5h, 90min, 1:30)");
    };
    if (shown.starts_with('-')) return fail(ErrorKind::Invalid, "time worked cannot be negative: " + shown);
    std::string_view rest;
    std::optional<Wide> seconds;
    if (const auto colon = shown.find(':'); colon != std::string::npos) {
        const auto hours = scaled(std::string_view(shown).substr(0, colon), 0, rest);
        if (!hours || !trim(rest).empty()) return bad();
        const auto minutes = scaled(std::string_view(shown).substr(colon + 1), 0, rest);
        if (!minutes || !trim(rest).empty() || *minutes >= 60) return bad();
        seconds = *hours * 3600 + *minutes * 60;
    } else {
        std::string_view unitRest;
        const auto number = readDecimal(shown, unitRest);
        if (!number) return bad();
        const auto unit = lower(trim(unitRest));
        int perUnit = 0;
        if (unit == "h" || unit == "hr" || unit == "hours" || unit == "hour") perUnit = 3600;
        if (unit == "min" || unit == "m" || unit == "minutes") perUnit = 60;
        if (unit == "s" || unit == "sec") perUnit = 1;
        if (perUnit == 0) return bad();
        const Wide exact = number->mantissa * perUnit;
        const Wide scale = powerOfTen(number->decimals);
        if (exact % scale != 0)
            return fail(ErrorKind::Invalid, "'" + shown + "' is not a whole number of seconds");
        seconds = exact / scale;
    }
    if (*seconds < 0) return fail(ErrorKind::Invalid, "time worked cannot be negative: " + shown);
    if (*seconds > kMaxSeconds)
        return fail(ErrorKind::Invalid, "'" + shown + "' is more than 10,000 hours: not plausible for one run");
    return static_cast<std::int64_t>(*seconds);
}

Result<std::int64_t> parsePercent(std::string_view text) {
    std::string shown(trim(text));
    if (shown.ends_with('%')) shown.pop_back();
    std::string_view rest;
    const auto value = scaled(shown, 2, rest);
    if (!value || !trim(rest).empty()) {
        if (trim(text).starts_with('-'))
            return fail(ErrorKind::Invalid, "a percentage cannot be negative: " + std::string(trim(text)));
        return fail(ErrorKind::Invalid,
                    "'" + std::string(trim(text)) + "' is not a percentage (expected e.g. 8 or 8.5)");
    }
    if (*value < 0)
        return fail(ErrorKind::Invalid, "a percentage cannot be negative: " + std::string(trim(text)));
    if (*value > 100'000)
        return fail(ErrorKind::Invalid, "'" + std::string(trim(text)) + "' is more than 1000%: not plausible");
    return static_cast<std::int64_t>(*value);
}

std::string formatDuration(std::int64_t seconds) {
    if (seconds % 3600 == 0 || seconds >= 3600) {
        // Hours with as many decimals as needed (at most 4 shown, exact below that is rare).
        const auto whole = seconds / 3600;
        auto fraction = seconds % 3600;
        std::string text = std::to_string(whole);
        if (fraction != 0) {
            std::string digits;
            for (int i = 0; i < 4 && fraction != 0; ++i) {
                fraction *= 10;
                digits += static_cast<char>('0' + fraction / 3600);
                fraction %= 3600;
            }
            text += "." + digits + (fraction != 0 ? "…" : "");
        }
        return text + " h";
    }
    if (seconds % 60 == 0) return std::to_string(seconds / 60) + " min";
    return std::to_string(seconds) + " s";
}

} // namespace lotstation::storage
