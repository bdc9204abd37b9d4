#include "lotstation/station/frame_record.hpp"

#include <algorithm>

namespace lotstation::station {

void FrameRecord::clear() {
    m_widgets.clear();
    m_texts.clear();
    m_duplicates.clear();
}

void FrameRecord::widget(std::string id, Rect where) {
    const auto [position, inserted] = m_widgets.insert_or_assign(std::move(id), where);
    if (!inserted) m_duplicates.push_back(position->first);
}

void FrameRecord::text(std::string shown) {
    m_texts.push_back(std::move(shown));
}

std::optional<Rect> FrameRecord::find(std::string_view id) const {
    const auto found = m_widgets.find(id);
    if (found == m_widgets.end()) return std::nullopt;
    return found->second;
}

bool FrameRecord::shows(std::string_view wanted) const {
    return std::any_of(m_texts.begin(), m_texts.end(),
                       [&](const std::string& shown) { return shown.find(wanted) != std::string::npos; });
}

} // namespace lotstation::station
