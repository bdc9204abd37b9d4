#pragma once
// The big flash (and tone) an operator notices without reading: accepted, refused or not understood.
#include <chrono>
#include <string>

namespace lotstation::station {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

enum class FeedbackKind { Accepted, Refused, Unknown };

struct Feedback {
    FeedbackKind kind = FeedbackKind::Unknown;
    std::string headline; // "Accepted", "Refused: lot is on hold", ...
    std::string detail;   // what was read, why
    TimePoint shownAt{};
    TimePoint until{};

    [[nodiscard]] bool visibleAt(TimePoint now) const { return now >= shownAt && now < until; }
    // 1 when it appears, falling to 0 when it expires: lets the view fade the flash without its own clock.
    [[nodiscard]] float strengthAt(TimePoint now) const;
};

} // namespace lotstation::station
