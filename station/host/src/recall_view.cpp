#include "lot_widgets.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "floor_widgets.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

// A lot's recorded status as a standing; the recall lists what the ledger says, dates aside.
LotStanding standingOfStatus(storage::LotStatus status) {
    return standingOf(status, std::nullopt, storage::Date{});
}

void drawChooseLot(const AppState& state, const RecallState& recall, Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = besideCamera(ui, min, max);
    const float x = column.x;
    const float width = column.width;
    beginColumn(column);
    ImGui::PushTextWrapPos(x + width);
    paragraph(ui, "Scan the lot to trace, or pick its item", ui.fonts.title);
    if (recall.problem) paragraph(ui, "⚠ " + *recall.problem, ui.fonts.bold, colour::unknown);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    if (compactField(ui, "recall.item", "Item", recall.item ? std::optional(recall.item->name) : std::nullopt,
                     "Tap to pick", width))
        ui.intents.emit(intent::OpenPicker{"Recall which item?", state.catalog.items, replyId<recall::PickItem>()});
    if (!recall.lotsOfItem.empty()) {
        sectionHeading(ui, "Tap the lot to trace");
        const ImVec2 at = ImGui::GetCursorScreenPos();
        scrollList(ui, "recall.lots", ImVec2(width, max.y - at.y), [&](float rowWidth) {
            int n = 0;
            for (const auto& lot : recall.lotsOfItem)
                if (listRow(ui, "recall.lot." + std::to_string(++n),
                            {lot.code, "use by " + dateOrDash(lot.expiry),
                             storage::formatQuantity(lot.onHand, lot.uom), standingOfStatus(lot.status)},
                            rowWidth))
                    ui.intents.emit(recall::OpenLot{lot.code});
        });
    }
    ImGui::EndGroup();
}

void drawSummary(const AppState& state, const RecallState& recall, Ui& ui, ImVec2 min, ImVec2 max,
                 float width) {
    const auto& report = *recall.report;
    const auto& trace = report.trace;
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    label(ui, trace.lots.empty() ? std::string() : trace.lots.front().itemName, ui.fonts.bold,
          colour::textDim);
    ImFont* big = ui.fonts.display;
    if (big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, trace.root.c_str()).x > width) big = ui.fonts.title;
    label(ui, trace.root, big);
    infoCard(ui,
             {{"Lots affected", std::to_string(trace.lots.size())},
              {"Still free to use", std::to_string(recall.lotsStillFree())},
              {"Customers (shipments)",
               std::to_string(trace.customers.size()) + " (" + std::to_string(trace.shipments.size()) + ")"}},
             width);
    ImGui::Dummy(ImVec2(0, ui.em(0.2f)));
    ImGui::PushTextWrapPos(min.x + width);
    if (recall.problem)
        paragraph(ui, "⚠ " + *recall.problem, ui.fonts.bold, colour::unknown);
    else if (recall.exported)
        paragraph(ui,
                  "✓ Report saved in the exports folder: " + recall.exported->pdf.filename().string() +
                      " (and .csv)",
                  ui.fonts.body, colour::accepted);
    ImGui::PopTextWrapPos();

    // Actions at the bottom edge: export, then the hold (reason first, then a confirm dialog).
    const float gap = ui.em(0.5f), height = ui.em(2.8f);
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - 2 * height - gap));
    if (touchButton(ui, "recall.export", "Export CSV + PDF", ImVec2(width, height)))
        ui.intents.emit(recall::Export{});
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - height));
    const std::size_t free = recall.lotsStillFree();
    if (free == 0) {
        touchButton(ui, "recall.hold", "All affected lots are held", ImVec2(width, height),
                    ButtonKind::Secondary, nullptr, false);
    } else if (!recall.holdReason) {
        const auto reasons = reasonOptions(holdReasons());
        if (touchButton(ui, "recall.hold", "Hold all " + std::to_string(free) + " lots…",
                        ImVec2(width, height), ButtonKind::Danger, ui.fonts.title))
            ui.intents.emit(intent::OpenPicker{"Why hold them?", reasons, replyLabel<recall::ChooseReason>(), "Type another reason"});
    } else {
        const bool loggedIn = state.userName.has_value();
        if (touchButton(ui, "recall.hold",
                        loggedIn ? "Confirm: hold " + std::to_string(free) + " lots" : "Log in to hold",
                        ImVec2(width, height), ButtonKind::Danger, ui.fonts.title, loggedIn))
            ui.intents.emit(intent::AskConfirm{
                ConfirmRequest{"Hold all " + std::to_string(free) + " lots?",
                               "Reason: " + *recall.holdReason +
                                   ". Nobody can use or ship them until a supervisor releases them; other "
                                   "stations hear of it "
                                   "when they sync.",
                               "Hold all", "Not now", StationFlows::step(recall::HoldAll{})}});
    }
    ImGui::EndGroup();
}

void drawTraceLists(const RecallState& recall, Ui& ui, ImVec2 size) {
    const auto& report = *recall.report;
    scrollList(ui, "recall.list", size, [&](float width) {
        sectionHeading(ui, "Customers shipped to");
        if (report.trace.shipments.empty())
            label(ui, "Nothing of it was shipped", ui.fonts.body, colour::textDim);
        for (const auto& s : report.trace.shipments)
            listRow(ui, "",
                    {s.customerName,
                     storage::formatTimestamp(s.at).substr(0, 10) + " · " + s.lot + " · " +
                         s.reference.value_or(""),
                     storage::formatQuantity(s.quantity, s.uom),
                     {}},
                    width);
        sectionHeading(ui, "Affected lots and their stock");
        for (const auto& lot : report.trace.lots) {
            std::string where;
            for (const auto& line : report.stock)
                if (line.lot == lot.code)
                    where += (where.empty() ? "" : ", ") + line.location + " " +
                             storage::formatQuantity(line.quantity, line.uom);
            listRow(ui, "",
                    {lot.code,
                     lot.itemName + " · " + (where.empty() ? "none on hand" : where),
                     {},
                     standingOfStatus(lot.status)},
                    width);
        }
        if (recall.backward) {
            sectionHeading(ui, "Where it came from");
            for (const auto& lot : recall.backward->lots) {
                if (lot.depth == 0 && !lot.supplier) continue; // the traced lot itself, made here
                listRow(ui, "",
                        {lot.code,
                         lot.itemName + " · " + lot.supplierName.value_or("made here") +
                             (lot.supplierLot ? " · " + *lot.supplierLot : ""),
                         {},
                         standingOfStatus(lot.status)},
                        width);
            }
        }
    });
}

} // namespace

void drawFlowBody(const AppState& state, const RecallState& recall, Ui& ui, ImVec2 min, ImVec2 max) {
    if (!recall.report) return drawChooseLot(state, recall, ui, min, max);
    const float pad = ui.em(0.8f);
    const float leftWidth = (max.x - min.x) * 0.42f;
    drawSummary(state, recall, ui, min, max, leftWidth);
    const float listX = min.x + leftWidth + pad * 1.5f;
    ImGui::SetCursorScreenPos(ImVec2(listX, min.y));
    drawTraceLists(recall, ui, ImVec2(max.x - listX, max.y - min.y));
}

} // namespace lotstation::station::ui
