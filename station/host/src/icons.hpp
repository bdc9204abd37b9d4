#pragma once
// Line icons for the home tiles, drawn from primitives so they scale with the font and need no image files.
#include "lotstation/station/screen.hpp"

#include <imgui.h>

namespace lotstation::station::ui {

// Draws the screen's icon centred on `centre`, fitting a square of side `size`.
void drawScreenIcon(ImDrawList* list, Screen screen, ImVec2 centre, float size, ImU32 colour);

} // namespace lotstation::station::ui
