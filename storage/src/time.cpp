#include "lotstation/storage/time.hpp"

#include <charconv>
#include <cstdio>

namespace lotstation::storage {
namespace {

bool readInt(std::string_view text, std::size_t at, std::size_t width, int& out) {
    if (at + width > text.size()) return false;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    const auto* begin = text.data() + at;
    return std::from_chars(begin, begin + width, out).ec == std::errc{};
}

} // namespace

Clock systemClock() {
    return [] { return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()); };
}

Date dateOf(Timestamp at) {
    return Date{std::chrono::floor<std::chrono::days>(at)};
}

std::string formatDate(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Result<Date> parseDate(std::string_view text) {
    int year = 0;
    int month = 0;
    int day = 0;
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && readInt(text, 0, 4, year) &&
                        readInt(text, 5, 2, month) && readInt(text, 8, 2, day);
    if (!shaped)
        return fail(ErrorKind::Invalid, "'" + std::string(text) + "' is not a date (expected YYYY-MM-DD)");
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) return fail(ErrorKind::Invalid, std::string(text) + " is not a date");
    return date;
}

std::string formatTimestamp(Timestamp at) {
    const auto day = std::chrono::floor<std::chrono::days>(at);
    const std::chrono::hh_mm_ss time{at - day};
    const std::chrono::year_month_day date{day};
    if (const int year = static_cast<int>(date.year()); year >= 0 && year <= 9999) {
        // Digits written directly: every movement's hash and row carry this text (a pulled page formats
        // thousands), and two snprintf calls were a visible part of applying one. The same text as below.
        std::string out = "0000-00-00T00:00:00.000Z";
        const auto put = [&out](std::size_t offset, int width, int value) {
            for (int i = width - 1; i >= 0; --i, value /= 10)
                out[offset + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
        };
        put(0, 4, year);
        put(5, 2, static_cast<int>(static_cast<unsigned>(date.month())));
        put(8, 2, static_cast<int>(static_cast<unsigned>(date.day())));
        put(11, 2, static_cast<int>(time.hours().count()));
        put(14, 2, static_cast<int>(time.minutes().count()));
        put(17, 2, static_cast<int>(time.seconds().count()));
        put(20, 3, static_cast<int>(time.subseconds().count()));
        return out;
    }
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03dZ", formatDate(Date{day}).c_str(),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return buffer;
}

Result<Timestamp> parseTimestamp(std::string_view text) {
    int hour = 0;
    int minute = 0;
    int second = 0;
    int milli = 0;
    auto date = parseDate(text.substr(0, 10));
    const bool shaped = date && text.size() == 24 && text[10] == 'T' && text[13] == ':' && text[16] == ':' &&
                        text[19] == '.' && text[23] == 'Z' && readInt(text, 11, 2, hour) &&
                        readInt(text, 14, 2, minute) && readInt(text, 17, 2, second) &&
                        readInt(text, 20, 3, milli);
    if (!shaped || hour > 23 || minute > 59 || second > 59) {
        return fail(ErrorKind::Invalid,
                    "'" + std::string(text) + "' is not a UTC time (expected YYYY-MM-DDTHH:MM:SS.mmmZ)");
    }
    return Timestamp{std::chrono::sys_days{*date}} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second} + std::chrono::milliseconds{milli};
}

} // namespace lotstation::storage
