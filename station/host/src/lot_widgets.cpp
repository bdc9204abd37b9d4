#include "lot_widgets.hpp"

#include "theme.hpp"
#include "widgets.hpp"

#include <cfloat>

namespace lotstation::station::ui {

ImU32 standingColour(LotStanding standing) {
    switch (standing) {
    case LotStanding::Released:
        return colour::accepted;
    case LotStanding::OnHold:
    case LotStanding::Quarantine:
        return colour::unknown;
    case LotStanding::Rejected:
    case LotStanding::Recalled:
    case LotStanding::Expired:
        return colour::refused;
    case LotStanding::Depleted:
        break;
    }
    return colour::secondary;
}

ImU32 standingInk(LotStanding standing) {
    return standingColour(standing) == colour::unknown ? colour::textOnLight : colour::text;
}

float standingBadge(Ui& ui, LotStanding standing, bool big, ImVec2 at) {
    ImFont* font = big ? ui.fonts.title : ui.fonts.bold;
    // A shape as well as a colour: ✓ fine, ! held, ✕ do not use.
    const char* mark = standing == LotStanding::Released                                        ? "✓ "
                       : standing == LotStanding::OnHold || standing == LotStanding::Quarantine ? "! "
                       : standing == LotStanding::Depleted                                      ? ""
                                                                                                : "✕ ";
    const std::string text = std::string(mark) + toString(standing);
    const float pad = big ? ui.em(0.8f) : ui.em(0.45f);
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
    const ImVec2 size(textSize.x + 2 * pad, textSize.y + (big ? ui.em(0.6f) : ui.em(0.2f)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), standingColour(standing), ui.em(0.3f));
    drawText(ui, list, font, centred(font, text, at, ImVec2(at.x + size.x, at.y + size.y)),
             standingInk(standing), text);
    return size.x;
}

bool listRow(Ui& ui, std::string_view id, const LotRowText& row, float width) {
    const float height = ui.em(2.9f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    bool pressed = false;
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (!id.empty()) {
        pressed = touchButton(ui, id, "", ImVec2(width, height), ButtonKind::Secondary);
    } else {
        ImGui::Dummy(ImVec2(width, height));
        list->AddRectFilled(min, max, colour::panel, ui.em(0.35f));
    }
    const float pad = ui.em(0.7f);
    float right = max.x - pad;
    if (!id.empty()) { // a chevron: tapping opens it
        drawText(ui, list, ui.fonts.title,
                 ImVec2(right - ui.em(0.9f), centred(ui.fonts.title, "→", min, max).y), colour::textDim, "→");
        right -= ui.em(1.6f);
    }
    if (row.standing) {
        ImFont* font = ui.fonts.bold;
        const std::string probe = std::string("✓ ") + toString(*row.standing);
        const float badge = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, probe.c_str()).x + ui.em(0.9f);
        right -= badge;
        standingBadge(ui, *row.standing, false, ImVec2(right, min.y + ui.em(0.8f)));
        right -= ui.em(0.6f);
    }
    if (!row.right.empty()) {
        ImFont* font = ui.fonts.bold;
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, row.right.c_str()).x;
        right -= w;
        drawText(ui, list, font, ImVec2(right, centred(font, row.right, min, max).y), colour::text,
                 row.right);
        right -= ui.em(0.6f);
    }
    // Long names shrink a little, then are clipped before the right-hand column rather than running under it.
    list->PushClipRect(min, ImVec2(right, max.y), true);
    drawFittedText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + ui.em(0.3f)), colour::text, row.title,
                   right - min.x - pad);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(1.55f)), colour::textDim, row.detail);
    list->PopClipRect();
    ImGui::Dummy(ImVec2(0, ui.em(0.1f)));
    return pressed;
}

void scrollList(Ui& ui, std::string_view id, ImVec2 size, const std::function<void(float width)>& rows) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ui.drawn.widget(std::string(id), Rect{min.x, min.y, size.x, size.y});
    const std::string childId = "##" + std::string(id);
    ImGui::BeginChild(childId.c_str(), size, false);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, ui.em(0.3f)))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    rows(size.x - ImGui::GetStyle().ScrollbarSize - ui.em(0.3f));
    ImGui::EndChild();
}

void sectionHeading(Ui& ui, std::string_view text) {
    ImGui::Dummy(ImVec2(0, ui.em(0.2f)));
    label(ui, text, ui.fonts.bold, colour::textDim);
}

std::vector<PickerOption> reasonOptions(const std::vector<std::string>& reasons) {
    std::vector<PickerOption> options;
    for (const auto& reason : reasons) {
        std::string slug;
        for (char c : reason) {
            if (std::isalnum(static_cast<unsigned char>(c)))
                slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            else if (!slug.empty() && slug.back() != '-')
                slug += '-';
        }
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
        options.push_back({slug, reason, ""});
    }
    return options;
}

std::optional<storage::UserRole> roleOf(const AppState& state) {
    if (!state.userName) return std::nullopt;
    for (const auto& user : state.catalog.users) {
        if (user.id != *state.userName) continue;
        for (auto role :
             {storage::UserRole::Admin, storage::UserRole::Supervisor, storage::UserRole::Operator})
            if (user.detail.rfind(storage::toString(role), 0) == 0) return role;
    }
    return std::nullopt;
}

std::string dateOrDash(const std::optional<storage::Date>& date) {
    return date ? storage::formatDate(*date) : std::string("-");
}

} // namespace lotstation::station::ui
