#pragma once
// Time in the ledger: UTC instants with millisecond precision, calendar dates for expiry / best-before.
// The ledger never reads the system clock itself except through the Clock it was opened with.
#include "lotstation/storage/error.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace lotstation::storage {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::year_month_day;
using Clock = std::function<Timestamp()>;

// The real clock, for the app and the command line.
[[nodiscard]] Clock systemClock();

// "2026-11-24T07:43:08.123Z"
[[nodiscard]] std::string formatTimestamp(Timestamp at);
[[nodiscard]] Result<Timestamp> parseTimestamp(std::string_view text);

// "2026-11-24"
[[nodiscard]] std::string formatDate(Date date);
// "2026-11-24" (ISO) only; refuses impossible dates ("2026-02-30 is not a date").
[[nodiscard]] Result<Date> parseDate(std::string_view text);

[[nodiscard]] Date dateOf(Timestamp at);

} // namespace lotstation::storage
