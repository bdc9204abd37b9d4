#include "widgets.hpp"

#include "theme.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace lotstation::station::ui {
namespace {

struct Colours {
    ImU32 fill, fillDown, text;
};

Colours coloursOf(ButtonKind kind) {
    switch (kind) {
    case ButtonKind::Primary:
        return {colour::primary, colour::primaryDown, colour::text};
    case ButtonKind::Danger:
        return {colour::danger, colour::dangerDown, colour::text};
    case ButtonKind::Selected:
        return {colour::text, colour::textDim, colour::textOnLight};
    case ButtonKind::Secondary:
        break;
    }
    return {colour::secondary, colour::secondaryDown, colour::text};
}

// Records the part of the item a finger can actually reach: inside the current clip rectangle (a scrolled
// list hides rows above and below).
void recordVisible(Ui& ui, std::string_view id, ImVec2 min, ImVec2 max) {
    const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const ImVec2 a(std::max(min.x, clipMin.x), std::max(min.y, clipMin.y));
    const ImVec2 b(std::min(max.x, clipMax.x), std::min(max.y, clipMax.y));
    if (b.x - a.x < 8.0f || b.y - a.y < 8.0f) return;
    ui.drawn.widget(std::string(id), Rect{a.x, a.y, b.x - a.x, b.y - a.y});
}

// A tap that started a drag (scrolling a list) is not a tap.
bool wasDrag(const Ui& ui) {
    const float limit = ui.em(0.6f);
    return ImGui::GetIO().MouseDragMaxDistanceSqr[0] > limit * limit;
}

} // namespace

ImVec2 centred(ImFont* font, std::string_view text, ImVec2 boxMin, ImVec2 boxMax) {
    const ImVec2 size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    return ImVec2(std::floor(boxMin.x + (boxMax.x - boxMin.x - size.x) / 2),
                  std::floor(boxMin.y + (boxMax.y - boxMin.y - size.y) / 2));
}

void drawText(Ui& ui, ImDrawList* list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text,
              float wrapWidth) {
    if (text.empty()) return;
    list->AddText(font, font->FontSize, at, colour, text.data(), text.data() + text.size(), wrapWidth);
    ui.drawn.text(std::string(text));
}

float drawFittedText(Ui& ui, ImDrawList* list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text,
                     float width, float minScale) {
    if (text.empty()) return 0.0f;
    const float natural = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    const float scale = natural > width && natural > 0 ? std::max(minScale, width / natural) : 1.0f;
    const float size = font->FontSize * scale;
    // Smaller text sits on the same middle line as the full-size text would.
    const ImVec2 shifted(at.x, at.y + (font->FontSize - size) / 2);
    list->AddText(font, size, shifted, colour, text.data(), text.data() + text.size());
    ui.drawn.text(std::string(text));
    return natural * scale;
}

bool touchButton(Ui& ui, std::string_view id, std::string_view text, ImVec2 size, ButtonKind kind,
                 ImFont* font, bool enabled) {
    size.x = std::max(size.x, kMinTarget);
    size.y = std::max(size.y, kMinTarget);
    font = font ? font : ui.fonts.bold;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImGui::PushID(id.data(), id.data() + id.size());
    bool pressed = ImGui::InvisibleButton("##touch", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    if (enabled) recordVisible(ui, id, min, max);
    pressed = pressed && enabled && !wasDrag(ui);

    const Colours colours = coloursOf(kind);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 fill = !enabled ? colour::panel : (held ? colours.fillDown : colours.fill);
    list->AddRectFilled(min, max, fill, ui.em(0.35f));
    if (!enabled) list->AddRect(min, max, colour::panelEdge, ui.em(0.35f), 0, 2.0f);
    drawText(ui, list, font, centred(font, text, min, max), enabled ? colours.text : colour::textDim, text);
    return pressed;
}

void label(Ui& ui, std::string_view text, ImFont* font, ImU32 colour) {
    ImGui::PushFont(font ? font : ui.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.drawn.text(std::string(text));
}

void paragraph(Ui& ui, std::string_view text, ImFont* font, ImU32 colour) {
    ImGui::PushFont(font ? font : ui.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.drawn.text(std::string(text));
}

ImVec2 panel(ImVec2 size, ImU32 fill) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), fill,
                                              ImGui::GetStyle().ChildRounding);
    return min;
}

bool fieldButton(Ui& ui, std::string_view id, std::string_view caption,
                 const std::optional<std::string>& value, std::string_view hint, float width) {
    label(ui, caption, ui.fonts.body, colour::textDim);
    const ImVec2 size(width, ui.em(2.7f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImGui::PushID(id.data(), id.data() + id.size());
    bool pressed = ImGui::InvisibleButton("##field", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    recordVisible(ui, id, min, max);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, held ? colour::secondaryDown : colour::background, ui.em(0.35f));
    list->AddRect(min, max, value ? colour::text : colour::panelEdge, ui.em(0.35f), 0, 3.0f);
    const float pad = ui.em(0.6f);
    ImFont* font = value ? ui.fonts.title : ui.fonts.body;
    const std::string shown = value ? *value : std::string(hint);
    const ImVec2 at(min.x + pad, centred(font, shown, min, max).y);
    drawText(ui, list, font, at, value ? colour::text : colour::textDim, shown);
    // A chevron says "tap to change" without relying on hover.
    drawText(ui, list, ui.fonts.title,
             ImVec2(max.x - pad - ui.em(0.9f), centred(ui.fonts.title, "→", min, max).y), colour::textDim,
             "→");
    return pressed && !wasDrag(ui);
}

bool compactField(Ui& ui, std::string_view id, std::string_view caption,
                  const std::optional<std::string>& value, std::string_view hint, float width,
                  bool tappable) {
    const ImVec2 size(width, ui.em(2.9f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    bool pressed = false, held = false;
    if (tappable) {
        ImGui::PushID(id.data(), id.data() + id.size());
        pressed = ImGui::InvisibleButton("##field", size);
        held = ImGui::IsItemActive();
        ImGui::PopID();
        recordVisible(ui, id, min, max);
    } else {
        ImGui::Dummy(size);
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max,
                        held ? colour::secondaryDown : (tappable ? colour::background : colour::panel),
                        ui.em(0.35f));
    if (tappable) list->AddRect(min, max, value ? colour::text : colour::panelEdge, ui.em(0.35f), 0, 3.0f);
    const float pad = ui.em(0.6f);
    // A long caption or value ("Quantity of SOAP-LAV-261204-A101") is made smaller, then cut at the field's
    // edge: it never runs into the field beside it.
    const float room = size.x - 2 * pad - (tappable ? ui.em(1.3f) : 0.0f);
    ImGui::PushClipRect(min, ImVec2(min.x + pad + room, max.y), true);
    drawFittedText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(0.25f)), colour::textDim, caption,
                   room);
    const std::string shown = value ? *value : std::string(hint);
    drawFittedText(ui, list, value ? ui.fonts.bold : ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(1.5f)),
                   value ? colour::text : colour::unknown, shown, room);
    ImGui::PopClipRect();
    if (tappable)
        drawText(ui, list, ui.fonts.title,
                 ImVec2(max.x - pad - ui.em(0.9f), centred(ui.fonts.title, "→", min, max).y), colour::textDim,
                 "→");
    return pressed && !wasDrag(ui);
}

void infoCard(Ui& ui, const std::vector<std::pair<std::string, std::string>>& rows, float width) {
    const float rowHeight = ui.em(2.5f), pad = ui.em(0.9f);
    const ImVec2 min = panel(ImVec2(width, rowHeight * static_cast<float>(rows.size())), colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float top = min.y + rowHeight * static_cast<float>(i);
        const ImVec2 rowMin(min.x + pad, top), rowMax(min.x + width - pad, top + rowHeight);
        if (i > 0) list->AddLine(ImVec2(min.x, top), ImVec2(min.x + width, top), colour::background, 2.0f);
        const auto& [caption, value] = rows[i];
        drawText(ui, list, ui.fonts.body, ImVec2(rowMin.x, centred(ui.fonts.body, caption, rowMin, rowMax).y),
                 colour::textDim, caption);
        ImFont* font = ui.fonts.bold;
        const float valueWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, value.c_str()).x;
        drawText(ui, list, font, ImVec2(rowMax.x - valueWidth, centred(font, value, rowMin, rowMax).y),
                 colour::text, value);
    }
    ImGui::Dummy(ImVec2(width, rowHeight * static_cast<float>(rows.size())));
}

} // namespace lotstation::station::ui
