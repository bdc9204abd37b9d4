#include "gs1_linters.hpp"

#include "code_lists.hpp"
#include "lotstation/formats/gtin.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <string>

namespace lotstation::formats::detail {

namespace {

using Check = Result<void>;

Check fail(std::string message) {
    return std::unexpected(Error{ErrorKind::Invalid, std::move(message)});
}

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return !text.empty();
}

// Validity of a calendar date. A two-digit year is taken as 20YY here: only leap years matter for validity,
// and 20YY and 19YY agree on them except for YY = 00, where 2000 (leap) is the reading the GS1 century rule
// gives until 2050.
bool isDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    const std::chrono::year_month_day date{std::chrono::year{year},
                                           std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    return date.ok();
}

Check checkYymmdd(std::string_view value, std::string_view name, bool dayZeroAllowed) {
    const int year = 2000 + twoDigits(value, 0);
    const int month = twoDigits(value, 2);
    const int day = twoDigits(value, 4);
    const bool ok = (dayZeroAllowed && day == 0) ? (month >= 1 && month <= 12) : isDate(year, month, day);
    if (!ok) return fail(std::string{name} + " " + std::string{value} + " is not a date");
    return {};
}

Check checkCsum(std::string_view value, std::string_view name) {
    const int expected = gs1CheckDigit(value.substr(0, value.size() - 1));
    const int got = value.back() - '0';
    if (expected != got) {
        return fail(std::string{name} + " check digit wrong (expected " + std::to_string(expected) +
                    ", got " + std::to_string(got) + ")");
    }
    return {};
}

// GS1 General Specifications 7.9.5: weighted sum of the CSET 82 positions with prime weights (2 for the
// character next to the check pair), modulo 1021, written as two CSET 32 characters.
Check checkCsumAlpha(std::string_view value, std::string_view name) {
    constexpr std::string_view cset82 =
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    constexpr std::string_view cset32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    constexpr std::array<int, 24> primes{2,  3,  5,  7,  11, 13, 17, 19, 23, 29, 31, 37,
                                         41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89};
    if (value.size() < 2 || value.size() - 2 > primes.size()) {
        return fail(std::string{name} + " is too short for its check characters");
    }
    const std::size_t n = value.size() - 2;
    int sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto index = cset82.find(value[i]);
        if (index == std::string_view::npos)
            return fail(std::string{name} + " has a character not in CSET 82");
        sum += static_cast<int>(index) * primes[n - 1 - i];
    }
    sum %= 1021;
    const std::string expected{cset32[static_cast<std::size_t>(sum >> 5)],
                               cset32[static_cast<std::size_t>(sum & 31)]};
    if (value.substr(n) != expected) {
        return fail(std::string{name} + " check characters wrong (expected " + expected + ", got " +
                    std::string{value.substr(n)} + ")");
    }
    return {};
}

Check checkIban(std::string_view value, std::string_view name) {
    const auto bad = [&] {
        return fail(std::string{name} + " " + std::string{value} + " is not a valid IBAN");
    };
    if (value.size() < 5) return bad();
    if (!isIso3166Alpha2(value.substr(0, 2))) {
        return fail(std::string{name} + " " + std::string{value} + " does not start with a country code");
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const bool upper = c >= 'A' && c <= 'Z';
        const bool digit = c >= '0' && c <= '9';
        if ((i < 2 && !upper) || (i >= 2 && i < 4 && !digit) || (!upper && !digit)) return bad();
    }
    // ISO 13616: move the first four characters to the end, letters become 10..35, the number mod 97 is 1.
    const std::string rearranged = std::string{value.substr(4)} + std::string{value.substr(0, 4)};
    int remainder = 0;
    for (char c : rearranged) {
        const int v = (c >= 'A') ? c - 'A' + 10 : c - '0';
        remainder = (v >= 10) ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
    }
    if (remainder != 1) return bad();
    return {};
}

// GS1 General Specifications: a GS1 Company Prefix has at least 4 digits; without the prefix list a station
// cannot do more (GS1's reference linter without a lookup service checks exactly this).
Check checkCompanyPrefix(std::string_view value, std::string_view name) {
    constexpr std::size_t kShortestPrefix = 4;
    if (value.size() < kShortestPrefix)
        return fail(std::string{name} + " is too short to start with a GS1 Company Prefix");
    for (std::size_t i = 0; i < kShortestPrefix; ++i) {
        if (value[i] < '0' || value[i] > '9')
            return fail(std::string{name} + " must start with a GS1 Company Prefix (digits)");
    }
    return {};
}

Check listed(bool known, std::string_view value, std::string_view name, std::string_view what) {
    if (!known) return fail(std::string{name} + ": " + std::string{value} + " is not " + std::string{what});
    return {};
}

Check checkRange(std::string_view value, std::string_view name, std::string_view what, long long max) {
    if (std::stoll(std::string{value}) > max) {
        return fail(std::string{name} + " " + std::string{value} + " is not a valid " + std::string{what});
    }
    return {};
}

Check oneOf(std::string_view value, std::string_view name, std::string_view allowed, std::string_view what) {
    if (value.size() != 1 || allowed.find(value[0]) == std::string_view::npos) {
        return fail(std::string{name} + ": " + std::string{value} + " is not a valid " + std::string{what});
    }
    return {};
}

} // namespace

Check checkBase64Padding(std::string_view component, std::string_view label) {
    const auto data = component.find_last_not_of('=');
    const std::size_t pads = component.size() - (data == std::string_view::npos ? 0 : data + 1);
    if (pads > 2 || (pads > 0 && component.size() % 3 != 0))
        return fail(std::string{label} + " has base64 padding ('=') that does not fit its length");
    if (component.substr(0, component.size() - pads).find('=') != std::string_view::npos)
        return fail(std::string{label} + " has '=' before its end, where base64 allows none");
    return {};
}

int twoDigits(std::string_view text, std::size_t pos) {
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
}

bool inCharSet(CharSet charset, char c) {
    const bool digit = c >= '0' && c <= '9';
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    switch (charset) {
    case CharSet::Numeric:
        return digit;
    case CharSet::Cset82:
        return digit || upper || lower ||
               std::string_view{"!\"%&'()*+,-./:;<=>?_"}.find(c) != std::string_view::npos;
    case CharSet::Cset39:
        return digit || upper || c == '#' || c == '-' || c == '/';
    case CharSet::Cset64:
        return digit || upper || lower || c == '-' || c == '_' || c == '=';
    }
    return false;
}

Check applyLinter(Linter linter, std::string_view component, std::string_view name) {
    const std::string who{name};
    switch (linter) {
    case Linter::None:
        return {};
    case Linter::Csum:
        return checkCsum(component, name);
    case Linter::CsumAlpha:
        return checkCsumAlpha(component, name);
    case Linter::Yymmd0:
        return checkYymmdd(component, name, true);
    case Linter::Yymmdd:
        return checkYymmdd(component, name, false);
    case Linter::Yyyymmdd: {
        const int year = twoDigits(component, 0) * 100 + twoDigits(component, 2);
        if (!isDate(year, twoDigits(component, 4), twoDigits(component, 6))) {
            return fail(who + " " + std::string{component} + " is not a date");
        }
        return {};
    }
    case Linter::Hhmi:
        if (twoDigits(component, 0) > 23 || twoDigits(component, 2) > 59) {
            return fail(who + " " + std::string{component} + " is not a time of day");
        }
        return {};
    case Linter::Hh:
        if (twoDigits(component, 0) > 23)
            return fail(who + " hour " + std::string{component} + " is not valid");
        return {};
    case Linter::Mi:
    case Linter::Ss:
        if (twoDigits(component, 0) > 59) {
            return fail(who + " " + (linter == Linter::Mi ? "minute " : "second ") + std::string{component} +
                        " is not valid");
        }
        return {};
    case Linter::Iso5218:
        return oneOf(component, name, "0129", "sex code");
    case Linter::YesNo:
        return oneOf(component, name, "01", "yes/no flag");
    case Linter::Hyphen:
        return oneOf(component, name, "-", "sign (only '-' allowed)");
    case Linter::Zero:
        return oneOf(component, name, "0", "indicator (must be 0)");
    case Linter::Winding:
        return oneOf(component, name, "019", "winding direction");
    case Linter::NonZero:
        if (component.find_first_not_of('0') == std::string_view::npos)
            return fail(who + " must not be zero");
        return {};
    case Linter::NoZeroPrefix:
        if (component.size() > 1 && component[0] == '0') return fail(who + " must not start with 0");
        return {};
    case Linter::HasNonDigit:
        if (allDigits(component)) return fail(who + " must contain a character other than a digit");
        return {};
    case Linter::PieceOfTotal: {
        const int piece = twoDigits(component, 0);
        const int total = twoDigits(component, 2);
        if (piece < 1 || total < 1 || piece > total) {
            return fail(who + " piece " + std::to_string(piece) + " of " + std::to_string(total) +
                        " is not valid");
        }
        return {};
    }
    case Linter::PositionInSequence:
        if (component.size() != 3 || component[1] != '/' || component[0] < '1' || component[0] > '9' ||
            component[2] < '1' || component[2] > '9' || component[0] > component[2]) {
            return fail(who + " " + std::string{component} + " is not a position in a sequence");
        }
        return {};
    case Linter::MediaType: {
        const int type = twoDigits(component, 0);
        if (!((type >= 1 && type <= 10) || type >= 80))
            return fail(who + " media type " + std::string{component} + " is not valid");
        return {};
    }
    case Linter::PercentEncoded:
        for (std::size_t i = 0; i < component.size(); ++i) {
            if (component[i] != '%') continue;
            const auto hex = [&](std::size_t j) {
                return j < component.size() && std::isxdigit(static_cast<unsigned char>(component[j]));
            };
            if (!hex(i + 1) || !hex(i + 2)) return fail(who + " has a '%' not followed by two hex digits");
        }
        return {};
    case Linter::Iban:
        return checkIban(component, name);
    case Linter::Latitude:
        return checkRange(component, name, "latitude", 1800000000LL);
    case Linter::Longitude:
        return checkRange(component, name, "longitude", 3600000000LL);
    case Linter::Iso3166:
        return listed(isIso3166Numeric(component), component, name, "an ISO 3166 country code");
    case Linter::Iso3166With999:
        return listed(component == "999" || isIso3166Numeric(component), component, name,
                      "an ISO 3166 country code or 999");
    case Linter::Iso3166Alpha2:
        return listed(isIso3166Alpha2(component), component, name, "an ISO 3166 two-letter country code");
    case Linter::Iso4217:
        return listed(isIso4217Numeric(component), component, name, "an ISO 4217 currency code");
    case Linter::PackageType:
        return listed(isPackageTypeCode(component), component, name, "a package type code (UN/ECE Rec. 21)");
    case Linter::GcpPos1:
        return checkCompanyPrefix(component, name);
    case Linter::GcpPos2:
        return checkCompanyPrefix(component.empty() ? component : component.substr(1), name);
    case Linter::ImporterIndex: {
        const bool ok = component.size() == 1 && (inCharSet(CharSet::Cset64, component[0]) && component[0] != '=');
        return listed(ok, component, name, "an importer index (one of 0-9 A-Z a-z - _)");
    }
    case Linter::CouponCode:
    case Linter::CouponPositiveOffer:
        // Left out on purpose (see linterImplemented): North American coupon data has no place on a
        // lot-tracking floor; its characters and length are still checked.
        return {};
    }
    return {};
}

} // namespace lotstation::formats::detail
