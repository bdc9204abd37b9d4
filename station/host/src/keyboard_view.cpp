// The on-screen text keyboard: the field's name and what is typed so far at the top, a big Done beside it,
// then the keys of the current layer (text_entry.hpp) over the whole width, each as large as the keypad's.
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

constexpr ImGuiWindowFlags kDialog = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                     ImGuiWindowFlags_NoScrollWithMouse;

std::string shownText(const KeyboardSession& keyboard) {
    if (!keyboard.secret) return keyboard.entry.text();
    std::string dots;
    for (std::size_t i = 0; i < keyboard.entry.characters(); ++i)
        dots += "●";
    return dots;
}

void drawField(const KeyboardSession& keyboard, Ui& ui, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, colour::rgb(0, 0, 0), ui.em(0.35f));
    list->AddRect(min, max, keyboard.problem ? colour::refused : colour::text, ui.em(0.35f), 0, 3.0f);
    const std::string text = shownText(keyboard);
    ImFont* font = ui.fonts.title;
    const float pad = ui.em(0.6f);
    // The end of a long text stays in view: that is where the typing happens.
    const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    const float room = size.x - 2 * pad - ui.em(0.5f);
    const float x = min.x + pad - std::max(0.0f, width - room);
    list->PushClipRect(ImVec2(min.x + pad, min.y), ImVec2(max.x - pad, max.y), true);
    const float y = centred(font, "Ag", min, max).y;
    if (text.empty())
        drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, centred(ui.fonts.body, "Ag", min, max).y),
                 colour::textDim, "Type here, or use a keyboard or scanner");
    else
        drawText(ui, list, font, ImVec2(x, y), colour::text, text);
    // The caret: a solid bar after the text.
    const float caretX = (text.empty() ? min.x + pad : x + width) + ui.em(0.1f);
    list->AddRectFilled(ImVec2(caretX, y + ui.em(0.1f)), ImVec2(caretX + ui.em(0.15f), y + font->FontSize),
                        colour::primary);
    list->PopClipRect();
    ImGui::Dummy(size);
}

ButtonKind kindOf(const TextKey& key, const KeyboardSession& keyboard) {
    if (key.kind == TextKeyKind::Shift && keyboard.entry.shifted()) return ButtonKind::Selected;
    if (key.kind == TextKeyKind::Layer || key.kind == TextKeyKind::Shift || key.kind == TextKeyKind::Clear ||
        key.kind == TextKeyKind::Backspace)
        return ButtonKind::Primary;
    return ButtonKind::Secondary;
}

} // namespace

void drawKeyboard(const KeyboardSession& keyboard, Ui& ui, ImVec2 viewport, float top) {
    const float margin = ui.em(0.5f);
    const ImVec2 size(viewport.x - 2 * margin, viewport.y - top - 2 * margin);
    ImGui::SetNextWindowPos(ImVec2(margin, top + margin));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colour::panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.em(0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.em(0.6f), ui.em(0.5f)));
    ImGui::Begin("##keyboard", nullptr, kDialog);
    const float inner = size.x - 2 * ImGui::GetStyle().WindowPadding.x;
    const float gap = ui.em(0.35f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));

    // The field's name and the way out, then what is typed with Done beside it.
    const ImVec2 headerStart = ImGui::GetCursorScreenPos();
    label(ui, keyboard.label, ui.fonts.title);
    const float cancelWidth = ui.em(6.5f);
    ImGui::SetCursorScreenPos(ImVec2(headerStart.x + inner - cancelWidth, headerStart.y));
    if (touchButton(ui, "keyboard.cancel", "✕ Cancel", ImVec2(cancelWidth, kMinTarget)))
        ui.intents.emit(intent::KeyboardCancel{});
    ImGui::SetCursorScreenPos(ImVec2(headerStart.x, headerStart.y + kMinTarget + gap));
    const float doneWidth = ui.em(9.0f);
    const float fieldHeight = ui.em(2.8f);
    drawField(keyboard, ui, ImVec2(inner - doneWidth - gap, fieldHeight));
    ImGui::SameLine();
    if (touchButton(ui, "keyboard.done", "Done ✓", ImVec2(doneWidth, fieldHeight), ButtonKind::Primary,
                    ui.fonts.title))
        ui.intents.emit(intent::KeyboardDone{});
    if (keyboard.problem)
        label(ui, "⚠ " + *keyboard.problem, ui.fonts.bold, colour::unknown);
    else
        label(ui, keyboard.hint.empty() ? "Letters, digits and symbols; àéü for accents" : keyboard.hint,
              ui.fonts.body, colour::textDim);

    // The keys fill the rest: every row is 11 key widths.
    const auto rows = keyboardRows(keyboard.entry.layer(), keyboard.entry.shifted());
    const float gridTop = ImGui::GetCursorScreenPos().y;
    const float bottom = ImGui::GetWindowPos().y + size.y - ImGui::GetStyle().WindowPadding.y;
    const float rowCount = static_cast<float>(rows.size());
    const float keyHeight = (bottom - gridTop - (rowCount - 1) * gap) / rowCount;
    const float unit = (inner - 10 * gap) / 11;
    for (const auto& row : rows) {
        bool first = true;
        for (const auto& key : row) {
            if (!first) ImGui::SameLine();
            first = false;
            const float width = unit * key.width + gap * (key.width - 1);
            // Letters and the symbol keys (⇧ ⌫) big; the words (Space, Clear, layers) in bold.
            const bool word = key.kind == TextKeyKind::Space || key.kind == TextKeyKind::Clear ||
                              key.kind == TextKeyKind::Layer;
            ImFont* font = word ? ui.fonts.bold : ui.fonts.title;
            if (touchButton(ui, "keyboard." + key.id, key.glyph, ImVec2(width, keyHeight), kindOf(key, keyboard),
                            font))
                ui.intents.emit(intent::KeyboardPress{key.id});
        }
    }
    ImGui::PopStyleVar();
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

} // namespace lotstation::station::ui
