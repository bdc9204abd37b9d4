#include "floor_widgets.hpp"

#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <array>

namespace lotstation::station::ui {

std::vector<QuantityUnit> unitsFor(storage::Uom uom) {
    switch (uom) {
    case storage::Uom::Gram:
        return {QuantityUnit::Kilogram, QuantityUnit::Gram};
    case storage::Uom::Millilitre:
        return {QuantityUnit::Litre, QuantityUnit::Millilitre};
    case storage::Uom::Piece:
        break;
    }
    return {QuantityUnit::Piece};
}

QuantityUnit unitFor(storage::Uom uom, std::int64_t typical) {
    const bool large = typical >= 1'000'000; // 1 kg or 1 l in base units
    switch (uom) {
    case storage::Uom::Gram:
        return large ? QuantityUnit::Kilogram : QuantityUnit::Gram;
    case storage::Uom::Millilitre:
        return large ? QuantityUnit::Litre : QuantityUnit::Millilitre;
    case storage::Uom::Piece:
        break;
    }
    return QuantityUnit::Piece;
}

Column splitScreen(Ui& ui, ImVec2 min, ImVec2 max, float leftShare) {
    const float pad = ui.em(0.8f);
    const float left = (max.x - min.x) * leftShare;
    Column column;
    column.x = min.x + left + pad * 1.5f;
    column.top = min.y;
    column.width = max.x - column.x;
    column.bottom = max.y;
    return column;
}

Column besideCamera(Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = splitScreen(ui, min, max, 0.5f);
    drawCameraPreview(ui, min, ImVec2(min.x + (max.x - min.x) * 0.5f, max.y));
    return column;
}

void beginColumn(const Column& column) {
    ImGui::SetCursorScreenPos(ImVec2(column.x, column.top));
    ImGui::BeginGroup();
}

void endColumn() {
    ImGui::EndGroup();
}

void promptLine(Ui& ui, const std::optional<std::string>& problem, std::string_view prompt, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorScreenPos().x + width);
    if (problem)
        paragraph(ui, "⚠ " + *problem, ui.fonts.bold, colour::unknown);
    else
        paragraph(ui, prompt, ui.fonts.bold);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ui.em(0.1f)));
}

void caption(Ui& ui, std::string_view text) {
    label(ui, text, ui.fonts.body, colour::textDim);
}

bool listRow(Ui& ui, std::string_view id, const RowText& row, float width, float height, bool selected,
             ImU32 accent) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    bool pressed = false;
    if (!id.empty())
        pressed = touchButton(ui, id, "", ImVec2(width, height));
    else
        ImGui::Dummy(ImVec2(width, height));
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (id.empty()) list->AddRectFilled(min, max, colour::panel, ui.em(0.35f));
    // The selected row keeps its colours (white text stays readable) and gets a thick white frame.
    if (selected) list->AddRect(min, max, colour::text, ui.em(0.35f), 0, 4.0f);
    const float pad = ui.em(0.7f);
    if (accent != 0)
        list->AddRectFilled(min, ImVec2(min.x + ui.em(0.35f), max.y), accent, ui.em(0.35f),
                            ImDrawFlags_RoundCornersLeft);
    const float left = min.x + pad + (accent != 0 ? ui.em(0.3f) : 0);
    const bool twoLines = !row.detail.empty() || !row.note.empty();
    auto widthOf = [](ImFont* font, const std::string& text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    };
    // Each line is clipped only by what sits beside it on that line.
    const float valueWidth = widthOf(ui.fonts.bold, row.value);
    const float noteWidth = widthOf(ui.fonts.body, row.note);
    const float firstY = twoLines ? min.y + ui.em(0.35f) : centred(ui.fonts.bold, row.title, min, max).y;
    const float secondY = firstY + ui.em(1.25f);
    ImGui::PushClipRect(min, ImVec2(max.x - pad - valueWidth - (valueWidth > 0 ? pad : 0), max.y), true);
    drawText(ui, list, ui.fonts.bold, ImVec2(left, firstY), colour::text, row.title);
    ImGui::PopClipRect();
    drawText(ui, list, ui.fonts.bold, ImVec2(max.x - pad - valueWidth, firstY), colour::text, row.value);
    if (twoLines) {
        // The detail is made smaller before it is cut by the note beside it.
        const float detailEnd = max.x - pad - noteWidth - (noteWidth > 0 ? pad : 0);
        ImGui::PushClipRect(min, ImVec2(detailEnd, max.y), true);
        drawFittedText(ui, list, ui.fonts.body, ImVec2(left, secondY), colour::textDim, row.detail, detailEnd - left);
        ImGui::PopClipRect();
        drawText(ui, list, ui.fonts.body, ImVec2(max.x - pad - noteWidth, secondY), colour::textDim,
                 row.note);
    }
    return pressed;
}

float bottomButtonHeight(const Ui& ui) {
    return ui.em(2.9f);
}

bool bottomButton(Ui& ui, const Column& column, std::string_view id, std::string_view text, bool enabled,
                  float width, float x) {
    const float height = bottomButtonHeight(ui);
    ImGui::SetCursorScreenPos(ImVec2(x > 0 ? x : column.x, column.bottom - height));
    return touchButton(ui, id, text, ImVec2(width > 0 ? width : column.width, height), ButtonKind::Primary,
                       ui.fonts.title, enabled);
}

void doneCard(Ui& ui, std::string_view headline, std::string_view code, const std::vector<std::string>& lines,
              float width) {
    const float pad = ui.em(1.0f);
    const ImVec2 size(width, ui.em(5.2f) + ui.em(1.5f) * static_cast<float>(lines.size()));
    const ImVec2 min = panel(size, colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), colour::accepted, ui.em(0.35f), 0, 4.0f);
    drawText(ui, list, ui.fonts.title, ImVec2(min.x + pad, min.y + pad * 0.8f), colour::accepted, headline);
    // The code as big as fits: it is what goes on the container or the paperwork.
    ImFont* big = ui.fonts.display;
    if (big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, code.data(), code.data() + code.size()).x >
        width - 2 * pad)
        big = ui.fonts.title;
    drawText(ui, list, big, ImVec2(min.x + pad, min.y + pad + ui.em(1.6f)), colour::text, code);
    float y = min.y + pad + ui.em(4.3f);
    for (const auto& line : lines) {
        drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, y), colour::textDim, line, width - 2 * pad);
        y += ui.em(1.5f);
    }
    ImGui::Dummy(size);
    ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
}

void lotChooser(Ui& ui, const LotChoices& choices, std::string_view title, std::string_view prefix,
                ImVec2 min, ImVec2 max, const ChooserEvents& events) {
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, colour::panel, ui.em(0.5f));
    const float pad = ui.em(0.8f);
    const float width = max.x - min.x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImGui::BeginGroup();
    label(ui, title, ui.fonts.title);
    const float rowHeight = ui.em(2.75f);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float buttons = ui.em(2.9f);
    const float room = max.y - pad - buttons - gap - ImGui::GetCursorScreenPos().y;
    const auto rows = static_cast<std::size_t>(std::max(1.0f, room / (rowHeight + gap)));
    const std::size_t end = std::min(choices.lines.size(), choices.first + rows);
    const std::string id(prefix);
    for (std::size_t i = choices.first; i < end; ++i) {
        const auto& line = choices.lines[i];
        const RowText row{line.lot, line.itemName, storage::formatQuantity(line.quantity, line.uom),
                          line.location};
        if (listRow(ui, id + ".choice." + std::to_string(i), row, width, rowHeight)) events.pick(line);
    }
    if (choices.lines.empty()) paragraph(ui, "Nothing to choose from here.", ui.fonts.body, colour::textDim);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, max.y - pad - buttons));
    const float third = (width - 2 * ui.em(0.5f)) / 3;
    const int page = static_cast<int>(rows);
    if (touchButton(ui, id + ".choices-up", "↑", ImVec2(third, buttons), ButtonKind::Secondary,
                    ui.fonts.title, choices.first > 0))
        events.scroll(-page);
    ImGui::SameLine(0, ui.em(0.5f));
    if (touchButton(ui, id + ".choices-down", "↓", ImVec2(third, buttons), ButtonKind::Secondary,
                    ui.fonts.title, end < choices.lines.size()))
        events.scroll(page);
    ImGui::SameLine(0, ui.em(0.5f));
    if (touchButton(ui, id + ".choices-close", "Close", ImVec2(third, buttons))) events.close();
    ImGui::EndGroup();
}

namespace {

constexpr float kPinBoxEm = 2.6f;

float pinPadGap(Ui& ui) {
    return ui.em(0.4f);
}

// The PIN box and four rows of keys at their smallest (kMinTarget), with the gaps pinPad leaves.
float pinPadMinHeight(Ui& ui) {
    return ui.em(kPinBoxEm) + 4 * kMinTarget + 5 * pinPadGap(ui) + ImGui::GetStyle().ItemSpacing.y;
}

} // namespace

float wrappedHeight(ImFont* font, std::string_view text, float width) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size()).y;
}

ImFont* fittingFont(Ui& ui, std::string_view text, const SigningSpace& space) {
    const float room = space.bottom - ImGui::GetCursorScreenPos().y;
    for (ImFont* font : {ui.fonts.title, ui.fonts.bold})
        if (wrappedHeight(font, text, space.width) <= room) return font;
    return ui.fonts.body;
}

void pinPad(Ui& ui, const std::string& pin, ImVec2 min, ImVec2 max,
            const std::function<void(KeypadKey)>& onKey) {
    const float width = max.x - min.x;
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    // The PIN itself is never drawn: one dot per digit.
    const ImVec2 size(width, ui.em(kPinBoxEm));
    const ImVec2 box = panel(size, colour::rgb(0, 0, 0));
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRect(box, ImVec2(box.x + size.x, box.y + size.y), colour::text, ui.em(0.35f), 0, 3.0f);
    if (pin.empty()) {
        const char* hint = "PIN";
        drawText(ui, list, ui.fonts.body,
                 ImVec2(box.x + ui.em(1.0f),
                        centred(ui.fonts.body, hint, box, ImVec2(box.x + size.x, box.y + size.y)).y),
                 colour::textDim, hint);
    }
    for (std::size_t i = 0; i < pin.size(); ++i)
        list->AddCircleFilled(
            ImVec2(box.x + ui.em(1.5f) + static_cast<float>(i) * ui.em(1.3f), box.y + size.y / 2),
            ui.em(0.4f), colour::text);
    ImGui::Dummy(size);
    const float gap = pinPadGap(ui);
    const float keyWidth = (width - 2 * gap) / 3;
    const float keyHeight = std::max(kMinTarget, (max.y - ImGui::GetCursorScreenPos().y - 3 * gap - gap) / 4);
    constexpr std::array<std::array<KeypadKey, 3>, 4> rows{
        {{KeypadKey::D1, KeypadKey::D2, KeypadKey::D3},
         {KeypadKey::D4, KeypadKey::D5, KeypadKey::D6},
         {KeypadKey::D7, KeypadKey::D8, KeypadKey::D9},
         {KeypadKey::Clear, KeypadKey::D0, KeypadKey::Backspace}}};
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            const KeypadKey key = row[i];
            const std::string text = key == KeypadKey::Clear       ? "Clear"
                                     : key == KeypadKey::Backspace ? "⌫"
                                                                   : std::string(keypadKeyId(key));
            if (touchButton(ui, "keypad." + std::string(keypadKeyId(key)), text, ImVec2(keyWidth, keyHeight),
                            ButtonKind::Secondary, key == KeypadKey::Clear ? ui.fonts.bold : ui.fonts.title))
                onKey(key);
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

void signingPanel(Ui& ui, ImVec2 min, ImVec2 max, const Column& column,
                  const std::function<void(const SigningSpace&)>& words, const std::string& pin,
                  const std::function<void(KeypadKey)>& onKey, bool withPad) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 leftMax(column.x - ui.em(1.2f), max.y);
    list->AddRectFilled(min, leftMax, colour::panel, ui.em(0.5f));
    const float pad = ui.em(0.9f);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(leftMax.x - pad);
    const float bottom = max.y - pad - ui.em(0.4f) - (withPad ? pinPadMinHeight(ui) : 0.0f);
    words(SigningSpace{leftMax.x - pad - (min.x + pad), bottom});
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (withPad)
        pinPad(ui, pin, ImVec2(min.x + pad, ImGui::GetCursorScreenPos().y + ui.em(0.4f)),
               ImVec2(leftMax.x - pad, max.y - pad), onKey);
}

} // namespace lotstation::station::ui
