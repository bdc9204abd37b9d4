#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <array>
#include <string>

namespace lotstation::station::ui {
namespace {

constexpr ImGuiWindowFlags kDialog = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                     ImGuiWindowFlags_NoScrollWithMouse;

struct KeySpec {
    KeypadKey key;
    const char* text;
};

// 7 8 9 ⌫ / 4 5 6 C / 1 2 3 . — the layout of a calculator, which is what people's thumbs expect.
constexpr std::array<std::array<KeySpec, 4>, 3> kRows{{
    {{{KeypadKey::D7, "7"}, {KeypadKey::D8, "8"}, {KeypadKey::D9, "9"}, {KeypadKey::Backspace, "⌫"}}},
    {{{KeypadKey::D4, "4"}, {KeypadKey::D5, "5"}, {KeypadKey::D6, "6"}, {KeypadKey::Clear, "Clear"}}},
    {{{KeypadKey::D1, "1"}, {KeypadKey::D2, "2"}, {KeypadKey::D3, "3"}, {KeypadKey::Dot, "."}}},
}};

// Says what the unit allows before the operator hits the limit.
std::string unitHint(QuantityUnit unit) {
    const int decimals = maxDecimals(unit);
    if (decimals == 0) return "Whole pieces only";
    return "Up to " + std::to_string(decimals) + " decimals in " + std::string(unitSymbol(unit));
}

std::string keyId(KeypadKey key) {
    return "keypad." + std::string(keypadKeyId(key));
}

// The display's frame says at a glance whether OK will take what it shows: green for a settled weight,
// amber while the scale moves, red for a refusal.
ImU32 displayEdge(const KeypadSession& keypad, const std::optional<ScaleReadout>& scale) {
    if (keypad.problem) return colour::refused;
    if (!keypad.followsScale || !scale) return colour::text;
    if (scale->state == lotstation::scale::ScaleState::Lost) return colour::refused;
    return scale->stable() ? colour::accepted : colour::unknown;
}

// The scale's state in words, coloured like the display's frame.
void drawScaleState(const KeypadSession& keypad, const ScaleReadout& scale, Ui& ui) {
    if (!keypad.followsScale) {
        label(ui, "Typed · the scale shows " + scale.shown(), ui.fonts.body, colour::textDim);
        return;
    }
    switch (scale.state) {
    case lotstation::scale::ScaleState::Lost:
        paragraph(ui, "⚠ Scale lost: " + scale.reason + " · retrying; type the weight meanwhile", ui.fonts.bold,
                  colour::refused);
        return;
    case lotstation::scale::ScaleState::Connecting:
    case lotstation::scale::ScaleState::Stopped:
        label(ui, "Connecting to the scale…", ui.fonts.bold, colour::unknown);
        return;
    case lotstation::scale::ScaleState::Live:
        break;
    }
    if (scale.stable())
        label(ui, "✓ Stable · OK takes it", ui.fonts.bold, colour::accepted);
    else
        label(ui, "Settling… (" + scale.shown() + ")", ui.fonts.bold, colour::unknown);
}

// Tare, Zero, and back to the scale after typing: one row of big buttons.
void drawScaleButtons(const KeypadSession& keypad, Ui& ui, float inner, float gap) {
    const int count = keypad.followsScale ? 2 : 3;
    const float buttonWidth = (inner - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    const ImVec2 size(buttonWidth, ui.em(2.6f));
    if (touchButton(ui, "keypad.scale.tare", "Tare", size)) ui.intents.emit(intent::ScaleTare{});
    ImGui::SameLine();
    if (touchButton(ui, "keypad.scale.zero", "Zero", size)) ui.intents.emit(intent::ScaleZero{});
    if (!keypad.followsScale) {
        ImGui::SameLine();
        if (touchButton(ui, "keypad.scale.follow", "Use scale", size, ButtonKind::Primary))
            ui.intents.emit(intent::KeypadFollowScale{});
    }
}

void drawDisplay(const KeypadSession& keypad, const std::optional<ScaleReadout>& scale, Ui& ui, float width) {
    const ImVec2 size(width, ui.em(3.4f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, colour::rgb(0, 0, 0), ui.em(0.35f));
    list->AddRect(min, max, displayEdge(keypad, scale), ui.em(0.35f), 0, 3.0f);
    const std::string number = keypad.entry.text().empty() ? "0" : keypad.entry.text();
    const std::string unit(unitSymbol(keypad.entry.unit()));
    ImFont* big = ui.fonts.display;
    ImFont* small = ui.fonts.title;
    const float pad = ui.em(0.8f);
    const float unitWidth = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, unit.c_str()).x;
    const float numberWidth = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, number.c_str()).x;
    const float unitX = max.x - pad - unitWidth;
    drawText(ui, list, big, ImVec2(unitX - ui.em(0.4f) - numberWidth, centred(big, number, min, max).y),
             keypad.entry.text().empty() ? colour::textDim : colour::text, number);
    drawText(ui, list, small,
             ImVec2(unitX, centred(big, number, min, max).y + big->FontSize - small->FontSize),
             colour::textDim, unit);
    ImGui::Dummy(size);
}

} // namespace

void drawKeypad(const KeypadSession& keypad, const std::optional<ScaleReadout>& scale, Ui& ui, ImVec2 viewport,
                float top) {
    const float margin = ui.em(0.8f);
    const float width = ui.em(22.0f);
    const ImVec2 size(width, viewport.y - top - 2 * margin);
    ImGui::SetNextWindowPos(ImVec2(viewport.x - width - margin, top + margin));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colour::panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.em(0.5f));
    ImGui::Begin("##keypad", nullptr, kDialog);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float inner = width - 2 * style.WindowPadding.x;
    const float gap = ui.em(0.45f);

    // Title and a close button.
    const ImVec2 headerStart = ImGui::GetCursorScreenPos();
    // "Counted LAVENDER-EO-261126-D1" must fit beside the close button: a long lot code makes it smaller.
    drawFittedText(ui, ImGui::GetWindowDrawList(), ui.fonts.title, headerStart, colour::text, keypad.label,
                   inner - kMinTarget - ui.em(0.4f), 0.6f);
    ImGui::SetCursorScreenPos(ImVec2(headerStart.x + inner - kMinTarget, headerStart.y - ui.em(0.3f)));
    if (touchButton(ui, "keypad.cancel", "✕", ImVec2(kMinTarget, kMinTarget)))
        ui.intents.emit(intent::KeypadCancel{});
    ImGui::SetCursorScreenPos(ImVec2(headerStart.x, headerStart.y + kMinTarget));

    drawDisplay(keypad, scale, ui, inner);
    const bool weighing = scale && baseUnitOf(keypad.entry.unit()) == storage::Uom::Gram;
    ImGui::PushTextWrapPos(0.0f); // the keypad's own right edge
    if (keypad.problem)
        paragraph(ui, "⚠ " + *keypad.problem, ui.fonts.bold, colour::unknown);
    else if (weighing)
        drawScaleState(keypad, *scale, ui);
    else
        label(ui, unitHint(keypad.entry.unit()), ui.fonts.body, colour::textDim);
    ImGui::PopTextWrapPos();

    // Unit buttons: the selected one is white, so it reads at a glance.
    const std::vector<QuantityUnit> units =
        keypad.units.empty() ? std::vector<QuantityUnit>{keypad.entry.unit()} : keypad.units;
    const float unitWidth =
        (inner - gap * static_cast<float>(units.size() - 1)) / static_cast<float>(units.size());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    if (weighing) drawScaleButtons(keypad, ui, inner, gap);
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const std::string symbol(unitSymbol(units[i]));
        const auto kind = units[i] == keypad.entry.unit() ? ButtonKind::Selected : ButtonKind::Secondary;
        if (touchButton(ui, "keypad.unit." + symbol, symbol, ImVec2(unitWidth, ui.em(2.6f)), kind))
            ui.intents.emit(intent::KeypadUnit{units[i]});
    }
    ImGui::Dummy(ImVec2(0, ui.em(0.2f)));

    // The digit grid fills what is left: four rows.
    const float gridTop = ImGui::GetCursorScreenPos().y;
    const float bottom = ImGui::GetWindowPos().y + size.y - style.WindowPadding.y;
    const float keyHeight = (bottom - gridTop - 3 * gap) / 4;
    const float keyWidth = (inner - 3 * gap) / 4;
    for (const auto& row : kRows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            const bool isDigit =
                row[i].key <= KeypadKey::D9 || row[i].key == KeypadKey::Dot; // a dot must be big to be seen
            if (touchButton(ui, keyId(row[i].key), row[i].text, ImVec2(keyWidth, keyHeight),
                            ButtonKind::Secondary, isDigit ? ui.fonts.title : ui.fonts.bold))
                ui.intents.emit(intent::KeypadPress{row[i].key});
        }
    }
    if (touchButton(ui, keyId(KeypadKey::D0), "0", ImVec2(keyWidth * 2 + gap, keyHeight),
                    ButtonKind::Secondary, ui.fonts.title))
        ui.intents.emit(intent::KeypadPress{KeypadKey::D0});
    ImGui::SameLine();
    if (touchButton(ui, "keypad.ok", "OK ✓", ImVec2(keyWidth * 2 + gap, keyHeight), ButtonKind::Primary,
                    ui.fonts.title))
        ui.intents.emit(intent::KeypadOk{});
    ImGui::PopStyleVar();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

} // namespace lotstation::station::ui
