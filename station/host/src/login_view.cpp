#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <array>
#include <string>

namespace lotstation::station::ui {
namespace {

void pinPad(const LoginState& login, Ui& ui, float width, float bottom) {
    const bool choosing = login.step == LoginStep::ChoosePin || login.step == LoginStep::RepeatPin;
    const std::string who = login.who.value_or("?");
    label(ui,
          login.step == LoginStep::ChoosePin   ? who + ", choose your PIN"
          : login.step == LoginStep::RepeatPin ? "Type your new PIN again"
                                               : "PIN for " + who,
          ui.fonts.title);
    // The PIN itself is never drawn: one dot per digit.
    const ImVec2 size(width, ui.em(2.8f));
    const ImVec2 min = panel(size, colour::rgb(0, 0, 0));
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), login.problem ? colour::refused : colour::text,
                  ui.em(0.35f), 0, 3.0f);
    for (std::size_t i = 0; i < login.pin.size(); ++i)
        list->AddCircleFilled(
            ImVec2(min.x + ui.em(1.5f) + static_cast<float>(i) * ui.em(1.3f), min.y + size.y / 2),
            ui.em(0.4f), colour::text);
    ImGui::Dummy(size);
    if (login.problem)
        label(ui, "⚠ " + *login.problem, ui.fonts.bold, colour::unknown);
    else
        label(ui, choosing ? "4 to 12 digits, only you know it" : "Type your PIN, then Log in", ui.fonts.body,
              colour::textDim);

    const float gap = ui.em(0.45f);
    const float keyWidth = (width - 2 * gap) / 3;
    const float keyHeight = (bottom - ImGui::GetCursorScreenPos().y - 4 * gap) / 5;
    constexpr std::array<std::array<KeypadKey, 3>, 3> rows{{{KeypadKey::D1, KeypadKey::D2, KeypadKey::D3},
                                                            {KeypadKey::D4, KeypadKey::D5, KeypadKey::D6},
                                                            {KeypadKey::D7, KeypadKey::D8, KeypadKey::D9}}};
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    auto key = [&](KeypadKey k, const char* text, ImFont* font) {
        // The same ids as the quantity keypad: a script types a PIN with `type 1234`.
        if (touchButton(ui, "keypad." + std::string(keypadKeyId(k)), text, ImVec2(keyWidth, keyHeight),
                        ButtonKind::Secondary, font))
            ui.intents.emit(login::PinKey{k});
    };
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            key(row[i], std::string(keypadKeyId(row[i])).c_str(), ui.fonts.title);
        }
    }
    key(KeypadKey::Clear, "Clear", ui.fonts.bold);
    ImGui::SameLine();
    key(KeypadKey::D0, "0", ui.fonts.title);
    ImGui::SameLine();
    key(KeypadKey::Backspace, "⌫", ui.fonts.bold);
    if (touchButton(ui, "pin.cancel", "Cancel", ImVec2(keyWidth, keyHeight)))
        ui.intents.emit(login::Cancel{});
    ImGui::SameLine();
    if (touchButton(ui, "pin.ok", login.step == LoginStep::ChoosePin ? "Next →" : "Log in ✓", ImVec2(keyWidth * 2 + gap, keyHeight), ButtonKind::Primary,
                    ui.fonts.title))
        ui.intents.emit(login::SubmitPin{});
    ImGui::PopStyleVar();
}

void userList(const AppState& state, Ui& ui, float width) {
    label(ui, "Or tap your name", ui.fonts.title);
    ImGui::Dummy(ImVec2(0, ui.em(0.2f)));
    for (const PickerOption& user : state.catalog.users) {
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const ImVec2 size(width, ui.em(3.0f));
        if (touchButton(ui, "login.user." + user.id, "", size))
            ui.intents.emit(login::ChooseUser{user.id});
        ImDrawList* list = ImGui::GetWindowDrawList();
        drawText(ui, list, ui.fonts.title,
                 ImVec2(min.x + ui.em(0.9f),
                        centred(ui.fonts.title, user.label, min, ImVec2(min.x + size.x, min.y + size.y)).y),
                 colour::text, user.label);
        const float detailWidth =
            ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0, user.detail.c_str()).x;
        drawText(ui, list, ui.fonts.body,
                 ImVec2(min.x + size.x - ui.em(0.9f) - detailWidth,
                        centred(ui.fonts.body, user.detail, min, ImVec2(min.x + size.x, min.y + size.y)).y),
                 colour::textDim, user.detail);
    }
    if (state.catalog.users.empty())
        paragraph(ui, "No users yet: an administrator adds them.", ui.fonts.body, colour::textDim);
}

} // namespace

void drawLoginBody(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    const float gap = ui.em(1.5f);
    const float leftWidth = (max.x - min.x) * 0.42f;
    const ImVec2 leftMax(min.x + leftWidth, max.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, leftMax, colour::panel, ui.em(0.5f));
    const float iconSize = ui.em(6.0f);
    drawScreenIcon(list, Screen::Login, ImVec2((min.x + leftMax.x) / 2, min.y + ui.em(1.5f) + iconSize / 2),
                   iconSize, colour::text);
    ImGui::SetCursorScreenPos(ImVec2(min.x + ui.em(1.2f), min.y + ui.em(3.0f) + iconSize));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(leftMax.x - ui.em(1.2f));
    if (state.userName) {
        label(ui, "Logged in: " + *state.userName, ui.fonts.title);
        paragraph(ui, "Scan another badge to hand over, or log out when you leave.", ui.fonts.body,
                  colour::textDim);
        ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
        if (touchButton(ui, "login.logout", "Log out", ImVec2(leftWidth - ui.em(2.4f), ui.em(2.8f)),
                        ButtonKind::Danger))
            ui.intents.emit(intent::LogOut{});
    } else {
        label(ui, "Scan your badge", ui.fonts.title);
        paragraph(ui, "Hold it to the camera or the scanner.", ui.fonts.body, colour::textDim);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    const float rightX = leftMax.x + gap;
    const float rightWidth = max.x - rightX;
    ImGui::SetCursorScreenPos(ImVec2(rightX, min.y));
    ImGui::BeginGroup();
    const LoginState* login = ui.stateOf<LoginFlow>();
    if (login && login->step != LoginStep::ScanOrPick)
        pinPad(*login, ui, rightWidth, max.y);
    else if (login) {
        userList(state, ui, rightWidth);
        if (login->problem) label(ui, "⚠ " + *login->problem, ui.fonts.bold, colour::unknown);
    } else
        paragraph(ui, "No user list without a database.", ui.fonts.body, colour::textDim);
    ImGui::EndGroup();
}

} // namespace lotstation::station::ui
