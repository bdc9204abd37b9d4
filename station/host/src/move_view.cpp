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

} // namespace

void drawFlowBody(const AppState& state, const MoveState& move, Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = splitScreen(ui, min, max);
    const ImVec2 leftMax(column.x - ui.em(1.2f), max.y);
    if (move.choices.open)
        lotChooser(ui, move.choices, "Pick the lot", "move", min, leftMax,
                   {[&](const storage::StockLine& line) {
                        ui.intents.emit(move::PickLot{line.lot, line.location});
                    },
                    [&](int rows) { ui.intents.emit(move::ScrollChoices{rows}); },
                    [&] { ui.intents.emit(move::CloseBrowse{}); }});
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
            ui.intents.emit(move::Next{});
        endColumn();
        return;
    }
    promptLine(ui, move.problem, prompt(move), column.width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.5f), ui.em(0.35f)));
    std::optional<std::string> lot;
    if (move.lot) lot = move.lot->lot.code + " · " + move.lot->item.name;
    if (compactField(ui, "move.lot", "Lot", lot, "Scan it, or tap to pick from the list", column.width))
        ui.intents.emit(move::Browse{});
    std::optional<std::string> from;
    if (move.lot && move.from)
        from = *move.from + " · " + storage::formatQuantity(move.onHand, move.lot->item.uom) + " there";
    compactField(ui, "move.from", "From", from, "Where the lot is", column.width, false);
    if (compactField(ui, "move.to", "To",
                     move.to ? std::optional(move.to->name + " (" + move.to->code + ")") : std::nullopt,
                     "Scan the shelf label, or tap to pick", column.width))
        ui.intents.emit(intent::OpenPicker{"Move to", state.catalog.locations, replyId<move::PickDestination>()});
    std::optional<std::string> quantity;
    if (move.lot)
        quantity = move.quantity
                       ? storage::formatQuantity(*move.quantity, move.lot->item.uom)
                       : "all of it (" + storage::formatQuantity(move.onHand, move.lot->item.uom) + ")";
    if (compactField(ui, "move.quantity", "Quantity", quantity, "All of it, or tap to enter", column.width,
                     move.lot.has_value())) {
        const auto uom = move.lot->item.uom;
        ui.intents.emit(intent::OpenKeypad{"Quantity to move", unitFor(uom, move.onHand),
                                           unitsFor(uom), replyQuantity<move::SetQuantity>()});
    }
    ImGui::PopStyleVar();
    const bool loggedIn = state.userName.has_value();
    if (bottomButton(ui, column, "move.confirm", loggedIn ? "Move ✓" : "Log in to move",
                     loggedIn && move.step == MoveStep::ReadyToConfirm))
        ui.intents.emit(move::Confirm{});
    endColumn();
}

} // namespace lotstation::station::ui
