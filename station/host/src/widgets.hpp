#pragma once
// Touch widgets: every tappable thing has a stable id (recorded with where it was drawn, so scripts can tap
// it), is at least 64 px in both directions, looks the same hovered or not, and shows when it is being
// pressed.
#include "ui_context.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotstation::station::ui {

enum class ButtonKind { Primary, Secondary, Danger, Selected };

// Minimum touch target in pixels (DESIGN §8).
inline constexpr float kMinTarget = 64.0f;

// A big button at the cursor. True on the frame it is tapped; never when the finger was dragging a list.
bool touchButton(Ui& ui, std::string_view id, std::string_view label, ImVec2 size,
                 ButtonKind kind = ButtonKind::Secondary, ImFont* font = nullptr, bool enabled = true);

// Text at the cursor, recorded for scripts' `expect text`.
void label(Ui& ui, std::string_view text, ImFont* font = nullptr, ImU32 colour = 0xFFFFFFFF);
// Text wrapped at the current wrap position (PushTextWrapPos), or the window's edge.
void paragraph(Ui& ui, std::string_view text, ImFont* font = nullptr, ImU32 colour = 0xFFFFFFFF);
// Text drawn at a point of a draw list (inside custom widgets), recorded as well.
void drawText(Ui& ui, ImDrawList* list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text,
              float wrapWidth = 0.0f);
// The same, made smaller (down to `minScale` of the font's size) when it is wider than `width`: a long lot code
// stays whole in a row or a title instead of running under what stands beside it. Returns the width drawn.
float drawFittedText(Ui& ui, ImDrawList* list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text,
                     float width, float minScale = 0.7f);
// Where text of this font would start so it is centred in the box.
ImVec2 centred(ImFont* font, std::string_view text, ImVec2 boxMin, ImVec2 boxMax);

// A tappable form field: caption above, value (or a hint in dim text) in a large box. Tapping it opens the
// keypad or a picker; the caller decides which.
bool fieldButton(Ui& ui, std::string_view id, std::string_view caption,
                 const std::optional<std::string>& value, std::string_view hint, float width);

// A compact form field: caption small inside the top of the box, the value (or a dim hint) under it. Tappable
// unless `tappable` is false (values that only a scan fills in). True when tapped.
bool compactField(Ui& ui, std::string_view id, std::string_view caption,
                  const std::optional<std::string>& value, std::string_view hint, float width,
                  bool tappable = true);

// Read-only facts in a card, one row each: caption left, value right.
void infoCard(Ui& ui, const std::vector<std::pair<std::string, std::string>>& rows, float width);

// A panel with a filled background, from the cursor, of the given size; returns its top-left.
ImVec2 panel(ImVec2 size, ImU32 fill);

} // namespace lotstation::station::ui
