// Records: the kinds down the left, then either the list of records of the kind (tap one to change it, New
// to add one) or the open record's fields in two columns with Save and Cancel at the bottom.
#include "records_forms.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

void kindTabs(const RecordsState& records, Ui& ui, float width) {
    for (const RecordKind kind : allRecordKinds()) {
        const auto buttonKind = kind == records.kind ? ButtonKind::Selected : ButtonKind::Secondary;
        if (touchButton(ui, "records.kind." + std::string(recordKindId(kind)), recordKindTitle(kind),
                        ImVec2(width, ui.em(2.6f)), buttonKind))
            ui.intents.emit(records::ShowKind{kind});
    }
}

// One record in the list: its name big, its code and facts under it.
bool row(Ui& ui, const RecordRow& record, float width) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, ui.em(3.0f));
    const bool pressed = touchButton(ui, "records.row." + record.code, "", size);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float pad = ui.em(0.8f);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + ui.em(0.35f)), colour::text, record.name);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(1.6f)), colour::textDim, record.detail,
             width - 2 * pad - ui.em(2.0f));
    drawText(ui, list, ui.fonts.title, ImVec2(min.x + size.x - pad - ui.em(0.9f), centred(ui.fonts.title, "→", min, ImVec2(min.x + size.x, min.y + size.y)).y),
             colour::textDim, "→");
    return pressed;
}

void recordList(const AppState& state, const RecordsState& records, Ui& ui, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x;
    ImGui::SetCursorScreenPos(min);
    const std::string kind(recordKindTitle(records.kind));
    const bool users = records.kind == RecordKind::User;
    const float newWidth = ui.em(11.0f);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(max.x - newWidth - ui.em(0.8f));
    if (records.problem)
        paragraph(ui, "⚠ " + *records.problem, ui.fonts.bold, colour::unknown);
    else if (records.saved)
        paragraph(ui, "✓ " + *records.saved, ui.fonts.bold, colour::accepted);
    else if (!state.userName)
        paragraph(ui, users ? "An admin changes users: log in as one" : "A supervisor or admin changes records: log in as one",
                  ui.fonts.bold, colour::unknown);
    else if (records.kind == RecordKind::Business)
        paragraph(ui, "The business's settings. Tap one to change it.", ui.fonts.bold);
    else
        paragraph(ui, std::to_string(records.rows.size()) + " " + kind + ". Tap one to change it.", ui.fonts.bold);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(max.x - newWidth, min.y));
    if (records.kind != RecordKind::Business &&
        touchButton(ui, "records.new", "+ New", ImVec2(newWidth, ui.em(2.6f)), ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(records::New{});
    const float listTop = min.y + ui.em(3.2f);
    ImGui::SetCursorScreenPos(ImVec2(min.x, listTop));
    ui.drawn.widget("records.list", Rect{min.x, listTop, width, max.y - listTop});
    ImGui::BeginChild("##records", ImVec2(width, max.y - listTop), false);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, ui.em(0.3f)))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    const float rowWidth = width - ImGui::GetStyle().ScrollbarSize - ui.em(0.3f);
    for (const RecordRow& record : records.rows)
        if (row(ui, record, rowWidth)) ui.intents.emit(records::Edit{record.code});
    if (records.rows.empty())
        label(ui, "None yet: tap + New" + std::string(records.kind == RecordKind::Item ? ", or scan a product's barcode at Receive" : ""),
              ui.fonts.bold, colour::textDim);
    ImGui::EndChild();
}

} // namespace

void drawFlowBody(const AppState& state, const RecordsState& records, Ui& ui, ImVec2 min, ImVec2 max) {
    const float tabWidth = ui.em(7.5f);
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.45f)));
    kindTabs(records, ui, tabWidth);
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    const ImVec2 contentMin(min.x + tabWidth + ui.em(1.0f), min.y);
    if (records.draft)
        drawRecordForm(state, records, *records.draft, ui, contentMin, max);
    else
        recordList(state, records, ui, contentMin, max);
}

} // namespace lotstation::station::ui
