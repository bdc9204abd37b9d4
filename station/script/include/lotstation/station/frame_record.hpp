#pragma once
// What one frame put on screen, as plain data: every tappable widget by its stable id and where it was drawn,
// and every piece of text. Scripts tap widgets and check text against it; nothing here knows ImGui.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::station {

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
    [[nodiscard]] float centerX() const { return x + width / 2; }
    [[nodiscard]] float centerY() const { return y + height / 2; }
};

class FrameRecord {
  public:
    void clear();
    // A widget drawn twice in one frame under the same id is a bug in the view: tapping it would be
    // ambiguous.
    void widget(std::string id, Rect where);
    void text(std::string shown);

    [[nodiscard]] std::optional<Rect> find(std::string_view id) const;
    [[nodiscard]] bool shows(std::string_view text) const; // any drawn text contains it
    [[nodiscard]] const std::vector<std::string>& texts() const { return m_texts; }
    [[nodiscard]] const std::map<std::string, Rect, std::less<>>& widgets() const { return m_widgets; }
    [[nodiscard]] const std::vector<std::string>& duplicateIds() const { return m_duplicates; }

  private:
    std::map<std::string, Rect, std::less<>> m_widgets;
    std::vector<std::string> m_texts;
    std::vector<std::string> m_duplicates;
};

} // namespace lotstation::station
