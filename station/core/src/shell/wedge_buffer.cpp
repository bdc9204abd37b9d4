#include "lotstation/station/wedge_buffer.hpp"

#include <utility>

namespace lotstation::station {

void WedgeBuffer::type(std::string_view text, TimePoint now) {
    if (!m_text.empty() && now - m_lastKey > m_maxGap) m_text.clear();
    m_text += text;
    m_lastKey = now;
}

std::optional<std::string> WedgeBuffer::enter(TimePoint now) {
    const bool stale = now - m_lastKey > m_maxGap;
    std::string text = std::exchange(m_text, {});
    if (text.empty() || stale) return std::nullopt;
    return text;
}

} // namespace lotstation::station
