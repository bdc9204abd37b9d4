#pragma once
// Logs an operator out after a quiet spell so the next person does not act under their name.
#include "lotstation/station/feedback.hpp"

namespace lotstation::station {

class IdleTimer {
  public:
    explicit IdleTimer(Clock::duration timeout) : m_timeout(timeout) {}

    void touch(TimePoint now) { m_lastActivity = now; }
    [[nodiscard]] bool expired(TimePoint now) const { return now - m_lastActivity >= m_timeout; }
    [[nodiscard]] Clock::duration remaining(TimePoint now) const;
    [[nodiscard]] Clock::duration timeout() const { return m_timeout; }

  private:
    Clock::duration m_timeout;
    TimePoint m_lastActivity{};
};

} // namespace lotstation::station
