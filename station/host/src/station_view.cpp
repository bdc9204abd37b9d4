#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "lotstation/station/sync_link.hpp"

#include <algorithm>
#include <string>

namespace lotstation::station::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                    ImGuiWindowFlags_NoScrollWithMouse;

struct Chip {
    std::string text;
    ImU32 fill;
    ImU32 ink;
    float done = -1.0f; // 0..1: the chip is also a progress bar, filled from the left
};

Chip userChip(const AppState& state) {
    if (state.userName) return {"● " + *state.userName, colour::secondary, colour::text};
    return {"Not logged in", colour::unknown, colour::textOnLight};
}

Chip syncChip(const SyncStatus& sync) {
    if (sync.catchingUp)
        return {catchUpText(*sync.catchingUp), colour::secondary, colour::text, catchUpFraction(*sync.catchingUp)};
    const std::string pending =
        sync.pendingEvents > 0 ? " · " + std::to_string(sync.pendingEvents) + " to send" : "";
    switch (sync.link) {
    case SyncLink::Online:
        return {"Synced" + (sync.lastContact ? " " + *sync.lastContact : std::string()) + pending,
                colour::accepted, colour::text};
    case SyncLink::Offline:
        return {"Offline" + pending, colour::unknown, colour::textOnLight};
    case SyncLink::Failing:
        return {"Sync failing" + pending, colour::refused, colour::text};
    case SyncLink::NotConfigured:
        break;
    }
    return {"Sync: no server" + pending, colour::secondary, colour::text};
}

// Draws a rounded chip ending at `right`, returns its left edge.
float drawChip(Ui& ui, ImDrawList* list, const Chip& chip, float right, float top, float height) {
    ImFont* font = ui.fonts.bold;
    const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, chip.text.c_str()).x + ui.em(1.2f);
    const ImVec2 min(right - width, top), max(right, top + height);
    list->AddRectFilled(min, max, chip.fill, height / 2);
    if (chip.done > 0.0f)
        list->AddRectFilled(min, ImVec2(min.x + width * std::min(chip.done, 1.0f), max.y), colour::accepted,
                            height / 2);
    drawText(ui, list, font, centred(font, chip.text, min, max), chip.ink, chip.text);
    return min.x;
}

} // namespace

void drawStatusBar(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, colour::statusBar);
    list->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), colour::panelEdge, 2.0f);
    const float pad = ui.em(0.8f);
    const float chipHeight = ui.em(1.7f);
    const float chipTop = min.y + (max.y - min.y - chipHeight) / 2;

    drawText(ui, list, ui.fonts.title, ImVec2(min.x + pad, centred(ui.fonts.title, "Ag", min, max).y),
             colour::text, state.stationName);
    if (!state.pendingWedge.empty()) {
        const float nameWidth =
            ui.fonts.title->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0, state.stationName.c_str()).x;
        drawText(ui, list, ui.fonts.body,
                 ImVec2(min.x + pad * 2 + nameWidth, centred(ui.fonts.body, "Ag", min, max).y),
                 colour::textDim, "Scanner: " + state.pendingWedge + "…");
    }
    float right = max.x - pad;
    const float clockWidth = ui.fonts.title->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0, "00:00").x;
    drawText(ui, list, ui.fonts.title, ImVec2(right - clockWidth, centred(ui.fonts.title, "Ag", min, max).y),
             colour::text, ui.clock);
    right -= clockWidth + pad;
    right = drawChip(ui, list, syncChip(state.sync), right, chipTop, chipHeight) - ui.em(0.5f);
    // The operator chip is the way to log in or out: its touch area is the full height of the bar.
    const float left = drawChip(ui, list, userChip(state), right, chipTop, chipHeight);
    ImGui::SetCursorScreenPos(ImVec2(left, min.y));
    const ImVec2 hit(right - left, max.y - min.y);
    if (ImGui::InvisibleButton("##user", hit) && state.screen() != Screen::Login && !state.modalOpen())
        ui.intents.emit(intent::Navigate{Screen::Login});
    ui.drawn.widget("status.user", Rect{left, min.y, hit.x, hit.y});
}

void drawStation(const AppState& state, Ui& ui, ImVec2 viewport) {
    const float barHeight = ui.em(2.6f);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(viewport);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##station", nullptr, kFixed | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    drawStatusBar(state, ui, ImVec2(0, 0), ImVec2(viewport.x, barHeight));
    const ImVec2 bodyMin(0, barHeight);
    if (state.screen() == Screen::Home)
        drawHome(state, ui, bodyMin, viewport);
    else
        drawWorkflowScreen(state, ui, bodyMin, viewport);
    ImGui::End();

    if (state.modalOpen()) {
        // The scrim takes every touch outside the dialog, so nothing underneath reacts; the status bar stays
        // clear.
        ImGui::SetNextWindowPos(ImVec2(0, barHeight));
        ImGui::SetNextWindowSize(ImVec2(viewport.x, viewport.y - barHeight));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, colour::scrim);
        ImGui::Begin("##scrim", nullptr, kFixed | ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::End();
        ImGui::PopStyleColor();
        if (state.confirm)
            drawConfirm(*state.confirm, ui, viewport);
        else if (state.keyboard)
            drawKeyboard(*state.keyboard, ui, viewport, barHeight);
        else if (state.keypad)
            drawKeypad(*state.keypad, state.scale, ui, viewport, barHeight);
        else if (state.picker)
            drawPicker(*state.picker, ui, viewport, barHeight);
    }
    drawFeedback(state, ui, viewport, barHeight);
}

} // namespace lotstation::station::ui
