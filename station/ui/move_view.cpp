// The Move screen: camera on the left (or the list of lots to choose from), the lot, where it goes, how much
// and the big Move button on the right.
#include "floor_widgets.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace lotstation::station::ui {
namespace {

std::string prompt(const MoveState& move) {
    if (!move.lot) return "Scan the lot to move, or pick it from the list";
    if (!move.to) return "Scan the label of the place it goes to";
    return "Check, then move";
}

// The lots with stock, one row per place, a page at a time with big up / down buttons (no tiny scrollbar).
void drawChoices(const MoveState& move, Ui& ui, ImVec2 min, ImVec2 max) {
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, colour::panel, ui.em(0.5f));
    const float pad = ui.em(0.8f);
    const float width = max.x - min.x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImGui::BeginGroup();
    label(ui, "Pick the lot", ui.fonts.title);
    const float rowHeight = ui.em(2.75f);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float buttons = ui.em(2.9f);
    const float room = max.y - pad - buttons - gap - ImGui::GetCursorScreenPos().y;
    const auto rows = static_cast<std::size_t>(std::max(1.0f, room / (rowHeight + gap)));
    const std::size_t end = std::min(move.choices.size(), move.firstChoice + rows);
    for (std::size_t i = move.firstChoice; i < end; ++i) {
        const auto& line = move.choices[i];
        const RowText row{line.lot, line.itemName, storage::formatQuantity(line.quantity, line.uom),
                          line.location};
        if (listRow(ui, "move.choice." + line.lot + "@" + line.location, row, width, rowHeight))
            ui.intents.emit(intent::Move{move::PickLot{line.lot, line.location}});
    }
    if (move.choices.empty()) paragraph(ui, "No stock anywhere yet.", ui.fonts.body, colour::textDim);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, max.y - pad - buttons));
    const float third = (width - 2 * ui.em(0.5f)) / 3;
    const int page = static_cast<int>(rows);
    if (touchButton(ui, "move.choices-up", "▲", ImVec2(third, buttons), ButtonKind::Secondary, ui.fonts.title,
                    move.firstChoice > 0))
        ui.intents.emit(intent::Move{move::ScrollChoices{-page}});
    ImGui::SameLine(0, ui.em(0.5f));
    if (touchButton(ui, "move.choices-down", "▼", ImVec2(third, buttons), ButtonKind::Secondary,
                    ui.fonts.title, end < move.choices.size()))
        ui.intents.emit(intent::Move{move::ScrollChoices{page}});
    ImGui::SameLine(0, ui.em(0.5f));
    if (touchButton(ui, "move.choices-close", "Close", ImVec2(third, buttons)))
        ui.intents.emit(intent::Move{move::CloseBrowse{}});
    ImGui::EndGroup();
}

} // namespace

void drawMoveBody(const AppState& state, const MoveState& move, Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = splitScreen(ui, min, max);
    const ImVec2 leftMax(column.x - ui.em(1.2f), max.y);
    if (move.browsing)
        drawChoices(move, ui, min, leftMax);
    else
        drawCameraPreview(ui, min, leftMax);
    beginColumn(column);
    if (move.step == MoveStep::Done) {
        const auto& moved = *move.moved;
        doneCard(ui, "✓ Moved", moved.lot,
                 {move.lot->item.name + " · " + storage::formatQuantity(moved.quantity, move.lot->item.uom),
                  "From " + moved.from.value_or("?") + " to " + move.to->name},
                 column.width);
        if (touchButton(ui, "move.next", "Next move →", ImVec2(column.width, ui.em(3.0f)),
                        ButtonKind::Primary, ui.fonts.title))
            ui.intents.emit(intent::Move{move::Next{}});
        endColumn();
        return;
    }
    promptLine(ui, move.problem, prompt(move), column.width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    std::optional<std::string> lot;
    if (move.lot) lot = move.lot->lot.code + " · " + move.lot->item.name;
    if (compactField(ui, "move.lot", "Lot", lot, "Scan it, or tap to pick from the list", column.width))
        ui.intents.emit(intent::Move{move::Browse{}});
    std::optional<std::string> from;
    if (move.lot && move.from)
        from = *move.from + " · " + storage::formatQuantity(move.onHand, move.lot->item.uom) + " there";
    compactField(ui, "move.from", "From", from, "Where the lot is", column.width, false);
    if (compactField(ui, "move.to", "To",
                     move.to ? std::optional(move.to->name + " (" + move.to->code + ")") : std::nullopt,
                     "Scan the shelf label, or tap to pick", column.width))
        ui.intents.emit(intent::OpenPicker{"move.to", "Move to", state.catalog.locations});
    std::optional<std::string> quantity;
    if (move.lot)
        quantity = move.quantity
                       ? storage::formatQuantity(*move.quantity, move.lot->item.uom)
                       : "all of it (" + storage::formatQuantity(move.onHand, move.lot->item.uom) + ")";
    if (compactField(ui, "move.quantity", "Quantity", quantity, "All of it, or tap to enter", column.width,
                     move.lot.has_value())) {
        const auto uom = move.lot->item.uom;
        ui.intents.emit(intent::OpenKeypad{"move.quantity", "Quantity to move", unitFor(uom, move.onHand),
                                           unitsFor(uom)});
    }
    ImGui::PopStyleVar();
    const bool loggedIn = state.userName.has_value();
    if (bottomButton(ui, column, "move.confirm", loggedIn ? "Move ✓" : "Log in to move",
                     loggedIn && move.step == MoveStep::ReadyToConfirm))
        ui.intents.emit(intent::Move{move::Confirm{*state.userName}});
    endColumn();
}

} // namespace lotstation::station::ui
