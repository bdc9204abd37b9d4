#include "lot_widgets.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <string>

namespace lotstation::station::ui {
namespace {

std::string destination(const Ui& ui) {
    const auto* settings = ui.stateOf<SettingsFlow>();
    const std::string printer = settings ? settings->settings.printer : std::string();
    if (printer.empty()) return "Prints to: label files in the station's labels folder";
    if (printer.front() == '/') return "Prints to: files in " + printer;
    return "Prints to: " + printer;
}

// What the label will say, drawn as a white label: the words the template prints and the code's content.
// The rendered label, as big as fits, on a white card; the code's content and the lot's standing under it.
void drawRenderedLabel(const LabelsState& labels, const PreviewFrame& frame, Ui& ui, float width,
                       float maxHeight) {
    const float pad = ui.em(0.8f);
    const float textHeight = ui.em(3.2f);
    const float scale = std::min((width - 2 * pad) / static_cast<float>(frame.width),
                                 (maxHeight - 2 * pad - textHeight) / static_cast<float>(frame.height));
    const ImVec2 image(static_cast<float>(frame.width) * scale, static_cast<float>(frame.height) * scale);
    const ImVec2 size(width, image.y + 2 * pad + textHeight);
    const ImVec2 min = panel(size, colour::text);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 at(min.x + (width - image.x) / 2, min.y + pad);
    list->AddImage(frame.texture, at, ImVec2(at.x + image.x, at.y + image.y));
    list->AddRect(at, ImVec2(at.x + image.x, at.y + image.y), colour::panelEdge, 0, 0, 2.0f);
    const float textY = at.y + image.y + ui.em(0.4f);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, textY), colour::textOnLight,
             "Code holds: " + labels.payload, width - 2 * pad);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, textY + ui.em(1.3f)), colour::textOnLight,
             std::string("The lot is ") + toString(labels.standing), width - 2 * pad);
    ImGui::Dummy(size);
}

void drawLabelPreview(const LabelsState& labels, Ui& ui, float width) {
    const auto& content = *labels.content;
    const float pad = ui.em(1.0f);
    const ImVec2 size(width, ui.em(12.5f));
    const ImVec2 min = panel(size, colour::text);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float x = min.x + pad;
    const float textWidth = width - 2 * pad;
    drawText(ui, list, ui.fonts.bold, ImVec2(x, min.y + pad), colour::textOnLight, content.itemName,
             textWidth);
    drawText(ui, list, ui.fonts.title, ImVec2(x, min.y + pad + ui.em(1.4f)), colour::textOnLight,
             content.lotCode);
    std::string dates =
        content.produced ? "Made / received " + storage::formatDate(*content.produced) : std::string();
    if (content.expiry)
        dates += (dates.empty() ? "" : "   ") + std::string("Use by ") + storage::formatDate(*content.expiry);
    drawText(ui, list, ui.fonts.body, ImVec2(x, min.y + pad + ui.em(3.3f)), colour::textOnLight, dates,
             textWidth);
    std::string more = content.quantity.empty() ? std::string() : "Qty " + content.quantity;
    if (!content.supplierLot.empty())
        more += (more.empty() ? "" : "   ") + std::string("Supplier lot ") + content.supplierLot;
    drawText(ui, list, ui.fonts.body, ImVec2(x, min.y + pad + ui.em(4.7f)), colour::textOnLight, more,
             textWidth);
    list->AddLine(ImVec2(x, min.y + pad + ui.em(6.4f)),
                  ImVec2(min.x + width - pad, min.y + pad + ui.em(6.4f)), colour::panelEdge, 2.0f);
    drawText(ui, list, ui.fonts.body, ImVec2(x, min.y + pad + ui.em(6.8f)), colour::textOnLight,
             "Code holds: " + labels.payload, textWidth);
    drawText(ui, list, ui.fonts.body, ImVec2(x, min.y + pad + ui.em(9.4f)), colour::textOnLight,
             std::string("The lot is ") + toString(labels.standing), textWidth);
    ImGui::Dummy(size);
}

} // namespace

void drawFlowBody(const AppState& state, const LabelsState& labels, Ui& ui, ImVec2 min, ImVec2 max) {
    const float pad = ui.em(0.8f);
    const float leftWidth = (max.x - min.x) * 0.5f;
    if (labels.content) {
        ImGui::SetCursorScreenPos(min);
        ImGui::BeginGroup();
        label(ui, "The label will print like this", ui.fonts.bold, colour::textDim);
        const float top = ImGui::GetCursorScreenPos().y;
        if (ui.labelPreview && ui.labelPreview->texture && ui.labelPreview->width > 0)
            drawRenderedLabel(labels, *ui.labelPreview, ui, leftWidth, max.y - top);
        else
            drawLabelPreview(labels, ui, leftWidth);
        ImGui::EndGroup();
    } else {
        drawCameraPreview(ui, min, ImVec2(min.x + leftWidth, max.y));
    }
    const float x = min.x + leftWidth + pad * 1.5f;
    const float width = max.x - x;
    ImGui::SetCursorScreenPos(ImVec2(x, min.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x + width);
    if (labels.problem)
        paragraph(ui, "⚠ " + *labels.problem, ui.fonts.bold, colour::unknown);
    else
        paragraph(ui,
                  labels.content ? "Check it, set the copies, print"
                                 : "Scan the label to print again, or pick the lot",
                  ui.fonts.bold);
    ImGui::PopTextWrapPos();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(pad, ui.em(0.35f)));
    std::optional<std::string> itemName;
    if (labels.item)
        itemName = labels.item->name;
    else if (labels.content)
        itemName = labels.content->itemName;
    if (compactField(ui, "labels.item", "Item", itemName, "Tap to pick", width))
        ui.intents.emit(intent::OpenPicker{"Label of which item?", state.catalog.items, replyId<labelsflow::PickItem>()});
    if (!labels.lotsOfItem.empty()) {
        std::vector<PickerOption> lots;
        for (const auto& lot : labels.lotsOfItem)
            lots.push_back({lot.code, lot.code, "use by " + dateOrDash(lot.expiry)});
        if (compactField(ui, "labels.lot", "Lot",
                         labels.content ? std::optional(labels.content->lotCode) : std::nullopt,
                         "Tap to pick", width))
            ui.intents.emit(intent::OpenPicker{"Which lot?", lots, replyId<labelsflow::OpenLot>()});
    }
    if (compactField(ui, "labels.copies", "Copies", std::to_string(labels.copies), "", width))
        ui.intents.emit(intent::OpenKeypad{"How many labels?", QuantityUnit::Piece, {}, replyQuantity<labelsflow::CopiesEntered>()});
    ImGui::PopStyleVar();
    ImGui::PushTextWrapPos(x + width);
    paragraph(ui, destination(ui), ui.fonts.body, colour::textDim);
    if (labels.printed > 0)
        paragraph(ui, std::to_string(labels.printed) + " label(s) sent for this lot", ui.fonts.body,
                  colour::textDim);
    ImGui::PopTextWrapPos();

    const float buttonHeight = ui.em(2.9f);
    ImGui::SetCursorScreenPos(ImVec2(x, max.y - buttonHeight));
    const std::string text =
        "Print " + std::to_string(labels.copies) + (labels.copies == 1 ? " label" : " labels");
    if (touchButton(ui, "labels.print", text, ImVec2(width, buttonHeight), ButtonKind::Primary,
                    ui.fonts.title, labels.content.has_value()))
        ui.intents.emit(labelsflow::Print{});
    ImGui::EndGroup();
}

} // namespace lotstation::station::ui
