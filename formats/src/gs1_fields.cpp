// From validated (AI, value) pairs to the typed fields the station uses: dates in their century, exact
// weights.
#include "lotstation/formats/gs1.hpp"
#include "lotstation/formats/gs1_ai.hpp"

#include <algorithm>

namespace lotstation::formats {

namespace {

using namespace std::chrono;

std::unexpected<Error> fail(std::string message) {
    return std::unexpected(Error{ErrorKind::Invalid, std::move(message)});
}

int number(std::string_view digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

year currentUtcYear() {
    return year_month_day{floor<days>(system_clock::now())}.year();
}

// YYMMDD, already validated; day 00 means the last day of the month.
year_month_day gs1Date(std::string_view yymmdd, year reference) {
    const year y = gs1Year(number(yymmdd.substr(0, 2)), reference);
    const month m{static_cast<unsigned>(number(yymmdd.substr(2, 2)))};
    const int d = number(yymmdd.substr(4, 2));
    if (d == 0) return year_month_day{year_month_day_last{y, month_day_last{m}}};
    return year_month_day{y, m, day{static_cast<unsigned>(d)}};
}

// "310n" / "320n" patterns as the dictionary writes them: 'n' stands for any digit.
bool matchesPattern(std::string_view pattern, std::string_view ai) {
    if (pattern.size() != ai.size()) return false;
    for (std::size_t i = 0; i < ai.size(); ++i) {
        if (pattern[i] != 'n' && pattern[i] != ai[i]) return false;
    }
    return true;
}

// Whether the dictionary's "ex=" list of `ai` names `other`. An AI never excludes itself.
bool excludes(std::string_view ai, std::string_view other) {
    if (ai == other) return false;
    std::string_view list = findAi(ai)->excludes;
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (matchesPattern(list.substr(0, comma), other)) return true;
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    return false;
}

Result<void> checkCombination(const std::vector<Gs1Element>& elements) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
        for (std::size_t j = i + 1; j < elements.size(); ++j) {
            if (elements[i].ai == elements[j].ai && elements[i].value != elements[j].value) {
                return fail("AI (" + elements[i].ai + ") appears twice with different values");
            }
        }
    }
    for (std::size_t i = 0; i < elements.size(); ++i) {
        for (std::size_t j = i + 1; j < elements.size(); ++j) {
            if (excludes(elements[i].ai, elements[j].ai) || excludes(elements[j].ai, elements[i].ai)) {
                return fail("AIs (" + elements[i].ai + ") and (" + elements[j].ai +
                            ") must not appear together");
            }
        }
    }
    return {};
}

void setOnce(std::optional<year_month_day>& field, const year_month_day& date) {
    if (!field) field = date;
}

} // namespace

year gs1Year(int twoDigitYear, year referenceYear) {
    const int reference = static_cast<int>(referenceYear);
    const int referenceTwoDigits = ((reference % 100) + 100) % 100;
    int century = reference - referenceTwoDigits;
    const int difference = twoDigitYear - referenceTwoDigits;
    if (difference >= 51) century -= 100;
    if (difference <= -50) century += 100;
    return year{century + twoDigitYear};
}

std::optional<std::string_view> Gs1Data::value(std::string_view ai) const {
    for (const auto& element : elements) {
        if (element.ai == ai) return element.value;
    }
    return std::nullopt;
}

std::vector<Gs1Element> Gs1Data::internal() const {
    std::vector<Gs1Element> out;
    std::copy_if(elements.begin(), elements.end(), std::back_inserter(out),
                 [](const Gs1Element& e) { return e.ai.size() == 2 && e.ai[0] == '9'; });
    return out;
}

Result<Gs1Data> gs1FromElements(std::vector<Gs1Element> elements,
                                                       const Gs1Options& options) {
    if (elements.empty()) return fail("no GS1 data");
    for (const auto& element : elements) {
        if (auto valid = validateAiValue(element.ai, element.value); !valid)
            return std::unexpected(valid.error());
    }
    if (auto combined = checkCombination(elements); !combined) return std::unexpected(combined.error());

    const year reference = options.referenceYear.value_or(currentUtcYear());
    Gs1Data data;
    for (const auto& [ai, value] : elements) {
        if (ai == "00")
            data.sscc = data.sscc.value_or(value);
        else if (ai == "01")
            data.gtin = data.gtin.value_or(value);
        else if (ai == "02")
            data.contentGtin = data.contentGtin.value_or(value);
        else if (ai == "10")
            data.lot = data.lot.value_or(value);
        else if (ai == "21")
            data.serial = data.serial.value_or(value);
        else if (ai == "11")
            setOnce(data.productionDate, gs1Date(value, reference));
        else if (ai == "13")
            setOnce(data.packagingDate, gs1Date(value, reference));
        else if (ai == "15")
            setOnce(data.bestBefore, gs1Date(value, reference));
        else if (ai == "16")
            setOnce(data.sellBy, gs1Date(value, reference));
        else if (ai == "17")
            data.expiry = gs1Date(value, reference); // (17) wins over the date of (7003)
        else if (ai == "7003") {
            data.expiryTime =
                Gs1DateTime{gs1Date(value.substr(0, 6), reference),
                            hours{number(value.substr(6, 2))} + minutes{number(value.substr(8, 2))}};
            setOnce(data.expiry, data.expiryTime->date);
        } else if (ai == "37")
            data.count = number(value);
        else if (ai == "30")
            data.count = data.count.value_or(number(value));
        else if (!data.netWeight && ai.size() == 4 && (ai.starts_with("310") || ai.starts_with("320"))) {
            data.netWeight = NetWeight{std::stoll(value), ai[3] - '0',
                                       ai[1] == '1' ? WeightUnit::Kilogram : WeightUnit::Pound};
        }
    }
    data.elements = std::move(elements);
    return data;
}

Result<std::string> toGs1Date(const year_month_day& date, std::string_view what) {
    if (!date.ok()) return fail(std::string{what} + " is not a valid date");
    const int y = static_cast<int>(date.year());
    const auto two = [](unsigned value) { return std::string{char('0' + value / 10), char('0' + value % 10)}; };
    if (y < 2000 || y > 2099) {
        return fail(std::string{what} + " " + std::to_string(y) + "-" + two(unsigned(date.month())) + "-" +
                    two(unsigned(date.day())) + " is outside 2000-2099");
    }
    return two(unsigned(y % 100)) + two(unsigned(date.month())) + two(unsigned(date.day()));
}

std::int64_t toMilligrams(const NetWeight& weight) {
    std::int64_t scale = 1;
    for (int i = 0; i < weight.decimals; ++i)
        scale *= 10;
    if (weight.unit == WeightUnit::Kilogram) return weight.units * 1'000'000 / scale; // exact: decimals <= 5
    // 1 lb = 45359237 / 100000 g = 45359237 / 100 mg; at most 999999 * 45359237, well inside 64 bits.
    const std::int64_t numerator = weight.units * 45'359'237;
    const std::int64_t denominator = scale * 100;
    return (numerator + denominator / 2) / denominator;
}

std::string formatNetWeight(const NetWeight& weight) {
    std::string digits = std::to_string(weight.units);
    const auto decimals = static_cast<std::size_t>(weight.decimals);
    if (decimals > 0) {
        if (digits.size() <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
        const std::size_t whole = digits.size() - decimals;
        digits = digits.substr(0, whole) + '.' + digits.substr(whole);
    }
    return digits + (weight.unit == WeightUnit::Kilogram ? " kg" : " lb");
}

} // namespace lotstation::formats
