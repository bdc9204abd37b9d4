#pragma once
// Periods of the reports as half-open millisecond ranges over movements.at_ms (storage-internal).
#include "lotstation/storage/cost_reports.hpp"

#include <limits>

namespace lotstation::storage {

struct MsRange {
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    std::int64_t to = std::numeric_limits<std::int64_t>::max(); // exclusive
};

// The start of the day after `date`, UTC, in ms since the epoch.
[[nodiscard]] inline std::int64_t endOfDayMs(Date date) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               (std::chrono::sys_days{date} + std::chrono::days{1}).time_since_epoch())
        .count();
}
[[nodiscard]] inline std::int64_t startOfDayMs(Date date) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::sys_days{date}.time_since_epoch())
        .count();
}

[[nodiscard]] inline Result<MsRange> msRange(Period period) {
    if (period.from && period.to && std::chrono::sys_days{*period.to} < std::chrono::sys_days{*period.from})
        return fail(ErrorKind::Invalid, "the period ends (" + formatDate(*period.to) + ") before it starts (" +
                                            formatDate(*period.from) + ")");
    MsRange range;
    if (period.from) range.from = startOfDayMs(*period.from);
    if (period.to) range.to = endOfDayMs(*period.to);
    return range;
}

// The same range as whole days since the epoch (UTC), for the daily summaries; [from, to).
struct DayRange {
    std::int64_t from;
    std::int64_t to;
};
[[nodiscard]] inline DayRange dayRange(const MsRange& range) {
    constexpr std::int64_t kDayMs = 86'400'000;
    const auto floorDiv = [](std::int64_t ms) { return ms / kDayMs - (ms % kDayMs < 0 ? 1 : 0); };
    return {range.from == std::numeric_limits<std::int64_t>::min() ? range.from : floorDiv(range.from),
            range.to == std::numeric_limits<std::int64_t>::max() ? range.to : floorDiv(range.to)};
}

} // namespace lotstation::storage
