#include "lotstation/station/feedback.hpp"

namespace lotstation::station {

float Feedback::strengthAt(TimePoint now) const {
    if (!visibleAt(now)) return 0.0f;
    const auto total = std::chrono::duration<float>(until - shownAt).count();
    const auto left = std::chrono::duration<float>(until - now).count();
    return total > 0.0f ? left / total : 0.0f;
}

} // namespace lotstation::station
