#include "lotstation/station/idle_timer.hpp"

namespace lotstation::station {

Clock::duration IdleTimer::remaining(TimePoint now) const {
    const auto left = m_timeout - (now - m_lastActivity);
    return left > Clock::duration::zero() ? left : Clock::duration::zero();
}

} // namespace lotstation::station
