#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

constexpr ImGuiWindowFlags kDialog = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                     ImGuiWindowFlags_NoScrollWithMouse;

void beginDialog(const char* name, ImVec2 pos, ImVec2 size, const Ui& ui, bool autoHeight = false) {
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, autoHeight ? ImVec2(0.5f, 0.5f) : ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colour::panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.em(0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.em(1.0f), ui.em(1.0f)));
    ImGui::Begin(name, nullptr, kDialog | (autoHeight ? ImGuiWindowFlags_AlwaysAutoResize : 0));
}

void endDialog() {
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

// One row of the picker: the name big, the code and kind under it.
bool optionRow(Ui& ui, const PickerOption& option, float width, float height) {
    const std::string id = "picker." + option.id;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    const bool pressed = touchButton(ui, id, "", ImVec2(width, height), ButtonKind::Secondary);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float pad = ui.em(0.8f);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + ui.em(0.5f)), colour::text, option.label);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(1.75f)), colour::textDim,
             option.detail);
    drawText(ui, list, ui.fonts.title,
             ImVec2(max.x - pad - ui.em(1.0f), centred(ui.fonts.title, "→", min, max).y), colour::textDim,
             "→");
    return pressed;
}

} // namespace

void drawPicker(const PickerSession& picker, Ui& ui, ImVec2 viewport, float top) {
    const float margin = ui.em(0.8f);
    const float width = std::min(viewport.x - 2 * margin, ui.em(36.0f));
    const ImVec2 size(width, viewport.y - top - 2 * margin);
    beginDialog("##picker", ImVec2((viewport.x - width) / 2, top + margin), size, ui);
    const float inner = width - 2 * ImGui::GetStyle().WindowPadding.x;

    const ImVec2 headerStart = ImGui::GetCursorScreenPos();
    label(ui, picker.title, ui.fonts.title);
    label(ui, "Drag the list to scroll, tap to choose", ui.fonts.body, colour::textDim);
    const float closeWidth = ui.em(6.0f);
    ImGui::SetCursorScreenPos(ImVec2(headerStart.x + inner - closeWidth, headerStart.y));
    if (touchButton(ui, "picker.close", "✕ Close", ImVec2(closeWidth, ui.em(2.6f))))
        ui.intents.emit(intent::ClosePicker{});
    ImGui::SetCursorScreenPos(ImVec2(headerStart.x, headerStart.y + ui.em(3.3f)));

    if (picker.typeOwn) { // an answer of one's own, on the keyboard
        if (touchButton(ui, "picker.type", "⌨  " + *picker.typeOwn + "…", ImVec2(inner, ui.em(2.8f)),
                        ButtonKind::Primary))
            ui.intents.emit(intent::PickerTypeOwn{});
        ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    }
    const float listHeight = ImGui::GetWindowPos().y + size.y - ImGui::GetCursorScreenPos().y - ui.em(1.0f);
    const ImVec2 listMin = ImGui::GetCursorScreenPos();
    ui.drawn.widget("picker.list", Rect{listMin.x, listMin.y, inner, listHeight}); // for scripts' drag
    ImGui::BeginChild("##options", ImVec2(inner, listHeight), false);
    // Touch scrolling: dragging anywhere on the list moves it, as on a phone.
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, ui.em(0.3f)))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    const float rowWidth = inner - ImGui::GetStyle().ScrollbarSize - ui.em(0.5f);
    for (const PickerOption& option : picker.options) {
        if (optionRow(ui, option, rowWidth, ui.em(3.2f))) ui.intents.emit(intent::Pick{option.id});
    }
    if (picker.options.empty()) label(ui, "Nothing to choose from yet", ui.fonts.bold, colour::textDim);
    ImGui::EndChild();
    endDialog();
}

void drawConfirm(const ConfirmRequest& confirm, Ui& ui, ImVec2 viewport) {
    const float width = ui.em(28.0f);
    beginDialog("##confirm", ImVec2(viewport.x / 2, viewport.y / 2), ImVec2(width, 0), ui, true);
    const float inner = width - 2 * ImGui::GetStyle().WindowPadding.x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    paragraph(ui, confirm.question, ui.fonts.title);
    if (!confirm.detail.empty()) paragraph(ui, confirm.detail, ui.fonts.body, colour::textDim);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(inner, ui.em(0.6f)));
    const float gap = ui.em(0.8f);
    const ImVec2 buttonSize((inner - gap) / 2, ui.em(3.2f));
    const bool leaving = !confirm.onYes; // the shell's own "Leave …?"
    if (touchButton(ui, "confirm.no", confirm.cancelLabel, buttonSize, ButtonKind::Secondary, ui.fonts.title))
        ui.intents.emit(intent::Answer{false});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "confirm.yes", confirm.confirmLabel, buttonSize,
                    leaving ? ButtonKind::Danger : ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(intent::Answer{true});
    endDialog();
}

} // namespace lotstation::station::ui
