#pragma once
// A keyboard-wedge scanner types its payload as a burst of keystrokes ending in Enter. This collects the
// burst; a long pause between keys starts a new one, so a stray key pressed earlier does not prefix the next
// scan.
#include "lotstation/station/feedback.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lotstation::station {

class WedgeBuffer {
  public:
    explicit WedgeBuffer(Clock::duration maxGap = std::chrono::milliseconds(300)) : m_maxGap(maxGap) {}

    void type(std::string_view text, TimePoint now);
    // Enter ends the burst: the collected payload, or nothing when the buffer is empty or went stale.
    [[nodiscard]] std::optional<std::string> enter(TimePoint now);
    [[nodiscard]] const std::string& pending() const { return m_text; }

  private:
    Clock::duration m_maxGap;
    std::string m_text;
    TimePoint m_lastKey{};
};

} // namespace lotstation::station
