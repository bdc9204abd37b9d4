#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

// Tiles are grouped by colour: floor work, finding things out, the machine itself.
ImU32 accentOf(Screen screen) {
    switch (screen) {
    case Screen::Receive:
    case Screen::Produce:
    case Screen::Ship:
    case Screen::Move:
    case Screen::Count:
        return colour::primary;
    case Screen::Recall:
        return colour::danger;
    case Screen::Lookup:
    case Screen::Stock:
        return colour::rgb(0x00, 0x8C, 0x8C);
    case Screen::Costs:
        return colour::rgb(0x2E, 0x8B, 0x57);
    case Screen::Quality:
        return colour::rgb(0x6A, 0x4C, 0x93);
    default:
        return colour::secondary;
    }
}

bool tile(Ui& ui, Screen screen, ImVec2 min, ImVec2 size) {
    const std::string id = "home." + std::string(screenId(screen));
    ImGui::SetCursorScreenPos(min);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImGui::PushID(id.c_str());
    const bool pressed = ImGui::InvisibleButton("##tile", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ui.drawn.widget(id, Rect{min.x, min.y, size.x, size.y});
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = ui.em(0.5f);
    const ImU32 accent = accentOf(screen);
    list->AddRectFilled(min, max, held ? colour::secondaryDown : colour::panel, rounding);
    list->AddRectFilled(min, ImVec2(max.x, min.y + ui.em(0.5f)), accent, rounding,
                        ImDrawFlags_RoundCornersTop);
    list->AddRect(min, max, colour::panelEdge, rounding, 0, 2.0f);
    const float pad = ui.em(0.9f);
    // Five tiles across: a long title ("Stock & expiry") steps down to the bold body font rather than spill.
    const std::string title(screenTitle(screen));
    ImFont* titleFont = ui.fonts.title;
    if (titleFont->CalcTextSizeA(titleFont->FontSize, FLT_MAX, 0, title.c_str()).x > size.x - 2 * pad)
        titleFont = ui.fonts.bold;
    drawText(ui, list, titleFont, ImVec2(min.x + pad, min.y + ui.em(1.6f)), colour::text, title);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(3.4f)), colour::textDim,
             screenPurpose(screen), size.x - 2 * pad);
    const float iconSize = std::min(size.y - ui.em(5.6f), ui.em(3.0f));
    if (iconSize > ui.em(1.2f))
        drawScreenIcon(list, screen, ImVec2(max.x - pad - iconSize / 2, max.y - pad - iconSize / 2), iconSize,
                       accent == colour::secondary ? colour::textDim
                       : accent == colour::danger  ? colour::refused
                                                   : accent);
    return pressed;
}

// The strip under the tiles: what the scanner does here, and the last thing it read.
void scannerCard(const AppState& state, Ui& ui, ImVec2 min, ImVec2 size) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    list->AddRect(min, max, colour::panelEdge, ui.em(0.5f), 0, 2.0f);
    const float pad = ui.em(0.9f);
    const float y = centred(ui.fonts.bold, "Ag", min, max).y;
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, y), colour::text, "Scanner ready");
    const float x = min.x + pad + ui.em(8.5f);
    if (!state.lastScan) {
        drawText(ui, list, ui.fonts.body, ImVec2(x, y), colour::textDim, "Scan any label to look it up");
        return;
    }
    drawText(ui, list, ui.fonts.body, ImVec2(x, y), colour::textDim, "Last read");
    drawText(ui, list, ui.fonts.bold, ImVec2(x + ui.em(5.0f), y), colour::text, state.lastScan->text,
             max.x - pad - x - ui.em(5.0f));
}

} // namespace

void drawHome(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    // Five across (14 tiles in three rows at 1280 wide), then the scanner's strip across the bottom.
    constexpr int columns = 5;
    const int rows = static_cast<int>((homeTiles().size() + columns - 1) / columns);
    const float margin = ui.em(0.8f), gap = ui.em(0.6f);
    const float strip = ui.em(3.6f);
    const float width = (max.x - min.x - 2 * margin - static_cast<float>(columns - 1) * gap) / columns;
    const float height = (max.y - min.y - 2 * margin - strip - static_cast<float>(rows) * gap) / static_cast<float>(rows);
    int index = 0;
    for (const Screen screen : homeTiles()) {
        const ImVec2 at(min.x + margin + static_cast<float>(index % columns) * (width + gap),
                        min.y + margin + static_cast<float>(index / columns) * (height + gap));
        if (tile(ui, screen, at, ImVec2(width, height))) ui.intents.emit(intent::Navigate{screen});
        ++index;
    }
    const ImVec2 last(min.x + margin, min.y + margin + static_cast<float>(rows) * (height + gap));
    scannerCard(state, ui, last, ImVec2(max.x - min.x - 2 * margin, strip));
}

} // namespace lotstation::station::ui
