#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace lotstation::station::ui {
namespace {

struct Look {
    ImU32 fill;
    ImU32 ink;
    const char* mark;
};

Look lookOf(FeedbackKind kind) {
    switch (kind) {
    case FeedbackKind::Accepted:
        return {colour::accepted, colour::text, "✓"};
    case FeedbackKind::Refused:
        return {colour::refused, colour::text, "✗"};
    case FeedbackKind::Unknown:
        break;
    }
    return {colour::unknown, colour::textOnLight, "?"};
}

ImU32 withAlpha(ImU32 colour, float alpha) {
    const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
    return (colour & 0x00FFFFFFu) | (a << 24);
}

} // namespace

void drawFeedback(const AppState& state, Ui& ui, ImVec2 viewport, float top) {
    // A question being asked outranks the flash of what happened before it.
    if (!state.feedback || !state.feedback->visibleAt(state.now) || state.confirm) return;
    const Feedback& feedback = *state.feedback;
    // Full strength for most of its life, then a quick fade: noticed without reading, gone without a tap.
    const float alpha = std::min(1.0f, feedback.strengthAt(state.now) * 8.0f);
    const Look look = lookOf(feedback.kind);
    ImDrawList* list = ImGui::GetForegroundDrawList();
    const float border = ui.em(0.5f);
    const ImU32 fill = withAlpha(look.fill, alpha);
    // A thick frame round the whole screen, seen from the corner of an eye...
    list->AddRectFilled(ImVec2(0, top), ImVec2(viewport.x, top + border), fill);
    list->AddRectFilled(ImVec2(0, viewport.y - border), viewport, fill);
    list->AddRectFilled(ImVec2(0, top), ImVec2(border, viewport.y), fill);
    list->AddRectFilled(ImVec2(viewport.x - border, top), viewport, fill);
    // ...and a banner saying what happened, at the bottom where it hides no field being filled in. An open
    // keypad or list needs its bottom row (OK) and says what went wrong itself, so then the frame alone
    // flashes.
    if (state.keypad || state.picker) return;
    const float height = ui.em(4.6f);
    const ImVec2 min(border, viewport.y - border - height), max(viewport.x - border, viewport.y - border);
    list->AddRectFilled(min, max, fill);
    const ImU32 ink = withAlpha(look.ink, alpha);
    const float pad = ui.em(1.0f);
    drawText(ui, list, ui.fonts.display,
             ImVec2(min.x + pad, centred(ui.fonts.display, look.mark, min, max).y), ink, look.mark);
    const float textX = min.x + pad + ui.em(3.2f);
    const float room = max.x - textX - pad;
    const float headlineWidth =
        ui.fonts.title->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0, feedback.headline.c_str()).x;
    if (feedback.detail.empty() && headlineWidth > room) {
        // A long refusal (the ledger's own words) wraps in the bold body font rather than running off screen.
        drawText(ui, list, ui.fonts.bold, ImVec2(textX, min.y + ui.em(0.5f)), ink, feedback.headline, room);
    } else if (feedback.detail.empty()) {
        drawText(ui, list, ui.fonts.title,
                 ImVec2(textX, centred(ui.fonts.title, feedback.headline, min, max).y), ink,
                 feedback.headline);
    } else {
        drawText(ui, list, ui.fonts.title, ImVec2(textX, min.y + ui.em(0.7f)), ink, feedback.headline);
        drawText(ui, list, ui.fonts.body, ImVec2(textX, min.y + ui.em(2.6f)), ink, feedback.detail,
                 max.x - textX - pad);
    }
}

} // namespace lotstation::station::ui
