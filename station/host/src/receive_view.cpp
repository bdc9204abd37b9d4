#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "floor_widgets.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <string>

namespace lotstation::station::ui {
namespace {

// The keypad offers the units that fit the item: kg and g for things weighed, l and ml for liquids.
std::vector<QuantityUnit> unitsFor(const std::optional<storage::Item>& item) {
    if (!item) {
        const auto all = allQuantityUnits();
        return {all.begin(), all.end()};
    }
    switch (item->uom) {
    case storage::Uom::Gram:
        return {QuantityUnit::Kilogram, QuantityUnit::Gram};
    case storage::Uom::Millilitre:
        return {QuantityUnit::Litre, QuantityUnit::Millilitre};
    case storage::Uom::Piece:
        break;
    }
    return {QuantityUnit::Piece};
}

std::string prompt(const ReceiveState& receive) {
    if (receive.step == ReceiveStep::ReadyToConfirm) return "All there: check, then receive";
    if (!receive.draft.item) return "Scan the supplier's case label";
    std::string missing;
    for (const ReceiveField field : receive.missing)
        missing += (missing.empty() ? "" : ", ") + std::string(toString(field));
    return "Still needed: " + missing;
}

void drawDone(const ReceiveState& receive, Ui& ui, float width) {
    const auto& result = *receive.received;
    const ImVec2 size(width, ui.em(10.5f));
    const ImVec2 min = panel(size, colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), colour::accepted, ui.em(0.35f), 0, 4.0f);
    const float pad = ui.em(1.0f);
    drawText(ui, list, ui.fonts.title, ImVec2(min.x + pad, min.y + pad), colour::accepted,
             result.addedToExistingLot ? "✓ Added to lot" : "✓ Received as lot");
    // The lot code as big as fits: it is what goes on the container.
    ImFont* big = ui.fonts.display;
    if (big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, result.lotCode.c_str()).x > width - 2 * pad)
        big = ui.fonts.title;
    drawText(ui, list, big, ImVec2(min.x + pad, min.y + pad + ui.em(1.8f)), colour::text, result.lotCode);
    const auto& draft = receive.draft;
    const std::string what =
        (draft.item ? draft.item->name : std::string()) + " · " +
        storage::formatQuantity(result.movement.quantity, draft.item ? draft.item->uom : storage::Uom::Piece);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + pad + ui.em(4.9f)), colour::text, what,
             width - 2 * pad);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + pad + ui.em(6.4f)), colour::textDim,
             "At " + result.movement.to.value_or("?") + " · label due for printing", width - 2 * pad);
    ImGui::Dummy(size);
    ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    if (touchButton(ui, "receive.next", "Next case →", ImVec2(width, ui.em(3.0f)), ButtonKind::Primary,
                    ui.fonts.title))
        ui.intents.emit(receive::Next{});
}

} // namespace

void drawFlowBody(const AppState& state, const ReceiveState& receive, Ui& ui, ImVec2 min, ImVec2 max) {
    const float pad = ui.em(0.8f);
    const Column column = besideCamera(ui, min, max);
    const float x = column.x;
    const float width = column.width;
    beginColumn(column);
    ImGui::PushTextWrapPos(x + width);
    if (receive.step == ReceiveStep::Done) {
        drawDone(receive, ui, width);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return;
    }
    if (receive.unknownGtin && !receive.draft.item) {
        // A product the station has never seen (the flash said so): make the item now, GTIN filled in, and
        // come back here. The button takes the place of the warning, so the form keeps its room.
        if (touchButton(ui, "receive.new-item", "+ New item with GTIN " + *receive.unknownGtin,
                        ImVec2(width, kMinTarget), ButtonKind::Primary)) {
            ui.intents.emit(intent::Navigate{Screen::Records});
            ui.intents.emit(records::NewItemWithGtin{*receive.unknownGtin});
        }
    } else if (receive.problem)
        paragraph(ui, "⚠ " + *receive.problem, ui.fonts.bold, colour::unknown);
    else if (receive.largeQuantity)
        paragraph(ui, "⚠ " + *receive.largeQuantity, ui.fonts.bold, colour::unknown);
    else
        paragraph(ui, prompt(receive), ui.fonts.bold);
    ImGui::PopTextWrapPos();

    const auto& draft = receive.draft;
    const auto& catalog = state.catalog;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(pad, ui.em(0.35f)));
    if (compactField(ui, "receive.item", "Item", draft.item ? std::optional(draft.item->name) : std::nullopt,
                     "Scan the label or tap to pick", width))
        ui.intents.emit(intent::OpenPicker{"Item received", catalog.items, replyId<receive::PickItem>()});
    std::optional<std::string> supplierName;
    if (draft.supplier) {
        const auto found = std::find_if(catalog.suppliers.begin(), catalog.suppliers.end(),
                                        [&](const PickerOption& o) { return o.id == *draft.supplier; });
        supplierName = found != catalog.suppliers.end() ? found->label : *draft.supplier;
    }
    // A supervisor or admin adds a supplier who is not in the list yet, and comes back to this receipt.
    const bool mayAddSupplier =
        state.userName && std::any_of(catalog.users.begin(), catalog.users.end(), [&](const PickerOption& user) {
            return user.id == *state.userName &&
                   (user.detail.starts_with("supervisor") || user.detail.starts_with("admin"));
        });
    const float newWidth = mayAddSupplier ? ui.em(6.0f) : 0.0f;
    if (compactField(ui, "receive.supplier", "Supplier", supplierName, "Tap to pick",
                     mayAddSupplier ? width - newWidth - pad : width))
        ui.intents.emit(intent::OpenPicker{"Supplier", catalog.suppliers, replyId<receive::PickSupplier>()});
    if (mayAddSupplier) {
        ImGui::SameLine(0, pad);
        if (touchButton(ui, "receive.new-supplier", "+ New", ImVec2(newWidth, ImGui::GetItemRectSize().y))) {
            ui.intents.emit(intent::Navigate{Screen::Records});
            ui.intents.emit(records::NewSupplierForReceipt{});
        }
    }
    std::string lotAndExpiry = draft.supplierLot.value_or("");
    if (draft.expiry)
        lotAndExpiry +=
            (lotAndExpiry.empty() ? "use by " : " · use by ") + storage::formatDate(*draft.expiry);
    compactField(ui, "receive.supplier-lot", "Supplier lot",
                 lotAndExpiry.empty() ? std::nullopt : std::optional(lotAndExpiry),
                 "Scan the lot code on the case", width, false);
    const std::optional<std::string> quantity =
        draft.quantity
            ? std::optional(storage::formatQuantity(draft.quantity->amount, draft.quantity->unit))
            : std::nullopt;
    if (compactField(ui, "receive.quantity", "Quantity", quantity, "Tap to enter", width)) {
        const auto units = unitsFor(draft.item);
        ui.intents.emit(intent::OpenKeypad{"Quantity received", units.front(), units, replyQuantity<receive::SetQuantity>()});
    }
    std::optional<std::string> location = draft.location;
    if (!location && draft.item && draft.item->defaultLocation)
        location = *draft.item->defaultLocation + " (usual place)";
    if (compactField(ui, "receive.location", "Put away at", location, "Tap to pick", width))
        ui.intents.emit(intent::OpenPicker{"Put away at", catalog.locations, replyId<receive::PickLocation>()});
    ImGui::PopStyleVar();

    // The confirm sits at the bottom edge, where a thumb rests.
    const float buttonHeight = ui.em(2.9f);
    ImGui::SetCursorScreenPos(ImVec2(x, max.y - buttonHeight));
    const bool ready = receive.step == ReceiveStep::ReadyToConfirm && state.userName;
    const std::string text = state.userName ? "Receive ✓" : "Log in to receive";
    if (touchButton(ui, "receive.confirm", text, ImVec2(width, buttonHeight), ButtonKind::Primary,
                    ui.fonts.title, ready)) {
        // An unusually large quantity (kg typed for g, a row of zeros too many) needs a yes first.
        if (receive.largeQuantity)
            ui.intents.emit(intent::AskConfirm{ConfirmRequest{"Receive " + *quantity + "?", *receive.largeQuantity,
                                                              "Yes, receive", "No, fix it",
                                                              StationFlows::step(receive::Confirm{.large = true})}});
        else
            ui.intents.emit(receive::Confirm{});
    }
    ImGui::EndGroup();
}

} // namespace lotstation::station::ui
