#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>
#include <vector>

namespace lotstation::station::ui {
namespace {

void drawHeader(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    const float pad = ui.em(0.8f);
    const float buttonHeight = max.y - min.y - pad;
    // The first run's setup has no way back: there is nothing behind it yet (its start page leads on).
    const bool navigation = state.screen() != Screen::Setup;
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    if (navigation && touchButton(ui, "nav.back", "← Back", ImVec2(ui.em(6.5f), buttonHeight)))
        ui.intents.emit(intent::Back{});
    ImDrawList* list = ImGui::GetWindowDrawList();
    const Screen screen = state.screen();
    const float titleX = navigation ? min.x + pad * 2 + ui.em(6.5f) : min.x + pad * 1.5f;
    const ImVec2 rowMin(titleX, min.y + pad), rowMax(max.x, max.y);
    const std::string_view title = screenTitle(screen);
    drawText(ui, list, ui.fonts.title, ImVec2(titleX, centred(ui.fonts.title, title, rowMin, rowMax).y),
             colour::text, title);
    const float titleWidth =
        ui.fonts.title
            ->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0, title.data(), title.data() + title.size())
            .x;
    const std::string_view purpose = screenPurpose(screen);
    drawText(ui, list, ui.fonts.body,
             ImVec2(titleX + titleWidth + ui.em(0.8f),
                    centred(ui.fonts.body, purpose, rowMin, rowMax).y + ui.em(0.15f)),
             colour::textDim, purpose);
    ImGui::SetCursorScreenPos(ImVec2(max.x - pad - ui.em(5.5f), min.y + pad));
    if (navigation && touchButton(ui, "nav.home", "⌂ Home", ImVec2(ui.em(5.5f), buttonHeight)))
        ui.intents.emit(intent::GoHome{});
}

} // namespace

void drawWorkflowScreen(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    const float headerHeight = ui.em(3.6f);
    drawHeader(state, ui, min, ImVec2(max.x, min.y + headerHeight));
    const float pad = ui.em(0.8f);
    const ImVec2 bodyMin(min.x + pad, min.y + headerHeight + pad);
    const ImVec2 bodyMax(max.x - pad, max.y - pad);
    if (state.screen() == Screen::Login) return drawLoginBody(state, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Sync) return drawSyncBody(state, ui, bodyMin, bodyMax);
    // Every other screen is run by a registered flow: its view is the drawFlowBody of the flow's state.
    if (ui.flows)
        ui.flows->visitScreen(state.screen(),
                              [&](const auto& flow) { drawFlowBody(state, flow.state(), ui, bodyMin, bodyMax); });
}

} // namespace lotstation::station::ui
