#include "lotstation/storage/currency.hpp"

#include "../decimal.hpp"
#include "cost_access.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace lotstation::storage {
namespace {

// ISO 4217 active currencies whose minor unit is not 2 decimals; every other known code has 2.
constexpr std::array<std::pair<std::string_view, int>, 26> kOtherMinorUnits{{
    {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
    {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"UYI", 0}, {"UYW", 4},
    {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
}};

constexpr std::string_view kTwoDecimalCodes =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF "
    "CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF "
    "IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR "
    "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD "
    "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR "
    "ZMW ZWL";

constexpr std::string_view kDefaultCurrency = "USD";

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool looksLikeCode(std::string_view text) {
    return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isalpha(static_cast<unsigned char>(c)) != 0;
           });
}

} // namespace

std::optional<int> minorUnitDigits(std::string_view code) {
    const auto wanted = upper(code);
    if (wanted.size() != 3) return std::nullopt;
    for (const auto& [known, digits] : kOtherMinorUnits)
        if (known == wanted) return digits;
    for (std::size_t at = 0; at + 3 <= kTwoDecimalCodes.size(); at += 4)
        if (kTwoDecimalCodes.substr(at, 3) == wanted) return 2;
    return std::nullopt;
}

std::string formatMinorUnits(Micros amount, std::string_view code) {
    const int digits = minorUnitDigits(code).value_or(2);
    const auto step = powerOfTen(6 - digits);
    const Wide minor = divideHalfEven(static_cast<Wide>(amount), step);
    const bool negative = minor < 0;
    const Wide magnitude = negative ? -minor : minor;
    const Wide scale = powerOfTen(digits);
    std::string text = std::to_string(static_cast<unsigned long long>(magnitude / scale));
    if (digits > 0) {
        auto fraction = std::to_string(static_cast<unsigned long long>(magnitude % scale));
        fraction.insert(0, static_cast<std::size_t>(digits) - fraction.size(), '0');
        text += "." + fraction;
    }
    return (negative ? "-" : "") + text;
}

std::string formatCurrency(Micros amount, std::string_view code) {
    return upper(code) + " " + formatMinorUnits(amount, code);
}

std::string ledgerCurrency(const Ledger& ledger) {
    auto& core = LedgerAccess::core(ledger);
    auto s = core.db.cached("SELECT currency FROM cost_currency ORDER BY id DESC LIMIT 1");
    return s.step() ? s.text(0) : std::string(kDefaultCurrency);
}

Result<std::string> setLedgerCurrency(Ledger& ledger, std::string_view code, std::string_view user) {
    auto& core = LedgerAccess::core(ledger);
    return guarded([&]() -> Result<std::string> {
        auto who = requireCostManager(core, user, "setting the currency");
        if (!who) return std::unexpected(who.error());
        const auto wanted = upper(trim(code));
        if (!minorUnitDigits(wanted))
            return fail(ErrorKind::Invalid, "'" + std::string(code) + "' is not an ISO 4217 currency code");
        const auto current = ledgerCurrency(ledger);
        if (current == wanted) return wanted;
        auto used = core.db.cached("SELECT (SELECT count(*) FROM cost_rates) + (SELECT count(*) FROM "
                                   "customer_prices) + (SELECT count(*) FROM shipment_prices) + (SELECT count(*) FROM "
                                   "sales_order_lines)");
        used.step();
        if (used.int64(0) > 0)
            return fail(ErrorKind::Refused, "rates or prices are already recorded in " + current +
                                                ": the currency cannot change to " + wanted);
        auto insert = core.db.cached("INSERT INTO cost_currency (currency, set_at, set_by) VALUES (?1, ?2, ?3)");
        insert.bindAll(wanted, formatTimestamp(core.clock()), who->name);
        insert.run();
        return wanted;
    });
}

Result<std::string> withoutCurrency(std::string_view text, std::string_view ledgerCode) {
    auto rest = trim(text);
    std::optional<std::string> code;
    if (rest.size() > 3 && looksLikeCode(rest.substr(0, 3)) &&
        !std::isalpha(static_cast<unsigned char>(rest[3]))) {
        code = upper(rest.substr(0, 3));
        rest = trim(rest.substr(3));
    } else {
        // "4.50 EUR/pc" or "4.50EUR": a code right after the number.
        std::size_t at = 0;
        while (at < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[at])) != 0 || rest[at] == '.' ||
                                    rest[at] == '-' || rest[at] == '+'))
            ++at;
        const auto after = trim(rest.substr(at));
        if (after.size() >= 3 && looksLikeCode(after.substr(0, 3)) &&
            (after.size() == 3 || !std::isalpha(static_cast<unsigned char>(after[3])))) {
            code = upper(after.substr(0, 3));
            return code == upper(ledgerCode)
                       ? Result<std::string>(std::string(trim(rest.substr(0, at))) + std::string(after.substr(3)))
                       : fail(ErrorKind::Invalid, "'" + std::string(trim(text)) + "' is in " + *code +
                                                      "; this ledger keeps money in " + upper(ledgerCode));
        }
    }
    if (code && *code != upper(ledgerCode))
        return fail(ErrorKind::Invalid, "'" + std::string(trim(text)) + "' is in " + *code +
                                            "; this ledger keeps money in " + upper(ledgerCode));
    return std::string(rest);
}

} // namespace lotstation::storage
