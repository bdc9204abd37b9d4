// The Ship screen: camera on the left; customer, order number, the lots going out (tap one to change its
// quantity) and the big Ship button on the right.
#include "floor_widgets.hpp"
#include "lotstation/storage/currency.hpp"
#include "lotstation/storage/money.hpp"
#include "lotstation/storage/quantity.hpp"
#include "lotstation/storage/sales_orders.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace lotstation::station::ui {
namespace {

std::string amount(std::int64_t quantity, const storage::Item& item) {
    return storage::formatQuantity(quantity, item.uom);
}

// "USD 4.50/pc (list)", "USD 4.25/pc (order)", "USD 4.20/pc (typed)" or "no price".
std::string priceText(const ShipState& ship, const ShipLine& line) {
    if (!line.unitPrice) return "no price";
    return ship.currency + " " + storage::formatUnitCost(*line.unitPrice, line.item.uom) +
           (line.priceTyped ? " (typed)" : ship.order ? " (order)" : " (list)");
}

// The open orders to pick from, on the left where the camera was.
void drawOrderChooser(const ShipState& ship, Ui& ui, ImVec2 min, ImVec2 max) {
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, colour::panel, ui.em(0.5f));
    const float pad = ui.em(0.8f);
    const float width = max.x - min.x - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    ImGui::BeginGroup();
    label(ui, ship.customer ? "Open orders of " + ship.customer->name : std::string("Open orders"), ui.fonts.title);
    const float rowHeight = ui.em(2.75f);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float buttons = ui.em(2.9f);
    const float room = max.y - pad - buttons - gap - ImGui::GetCursorScreenPos().y;
    const auto rows = static_cast<std::size_t>(std::max(1.0f, room / (rowHeight + gap)));
    const auto& orders = *ship.openOrders;
    for (std::size_t i = 0; i < std::min(rows, orders.size()); ++i) {
        const auto& order = orders[i];
        const RowText row{order.order.reference,
                          order.order.customer + (order.order.due ? " · due " + *order.order.due : std::string()),
                          storage::orderSummary(order).substr(order.order.reference.size() + 8), ""};
        if (listRow(ui, "ship.order." + std::to_string(i), row, width, rowHeight))
            ui.intents.emit(ship::PickOrder{order.order.reference});
    }
    if (orders.empty()) paragraph(ui, "No open orders.", ui.fonts.body, colour::textDim);
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, max.y - pad - buttons));
    if (touchButton(ui, "ship.orders-close", "Close", ImVec2(width, buttons)))
        ui.intents.emit(ship::CloseOrders{});
    ImGui::EndGroup();
}

std::string prompt(const ShipState& ship) {
    if (ship.awaitingReference) return "Scan the order number now";
    if (!ship.customer) return "Pick the customer, then scan each lot going out";
    if (ship.lines.empty()) return "Scan each finished lot going out";
    return "Scan more lots, or check and ship";
}

void drawLines(const ShipState& ship, Ui& ui, float width, float bottom) {
    const float rowHeight = ui.em(2.75f);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float removeWidth = ui.em(2.7f);
    // As many rows as fit above the quantity field and the button; the newest stay in view.
    const float room = bottom - ImGui::GetCursorScreenPos().y;
    const auto fits = static_cast<std::size_t>(std::max(1.0f, room / (rowHeight + gap)));
    const std::size_t first = ship.lines.size() > fits ? ship.lines.size() - fits : 0;
    if (first > 0) caption(ui, std::to_string(first) + " more above");
    for (std::size_t i = first; i < ship.lines.size(); ++i) {
        const auto& line = ship.lines[i];
        // The price stands on its own on the right (never cut); the item and where it is take the rest.
        const RowText row{line.lot.code,
                          line.item.name + " · " +
                              (line.quantity == line.onHand ? "all at " + line.location
                                                            : "of " + amount(line.onHand, line.item)),
                          amount(line.quantity, line.item), priceText(ship, line)};
        if (listRow(ui, "ship.line." + std::to_string(i), row, width - removeWidth - ui.em(0.4f), rowHeight,
                    ship.selected == i, colour::accepted))
            ui.intents.emit(ship::SelectLine{i});
        ImGui::SameLine(0, ui.em(0.4f));
        if (touchButton(ui, "ship.remove." + std::to_string(i), "✕", ImVec2(removeWidth, rowHeight)))
            ui.intents.emit(ship::RemoveLine{i});
    }
}

void drawDone(const ShipState& ship, Ui& ui, const Column& column) {
    std::vector<std::string> lines;
    for (const auto& movement : ship.shipped) {
        const auto line =
            std::ranges::find_if(ship.lines, [&](const ShipLine& l) { return l.lot.code == movement.lot; });
        lines.push_back(movement.lot + " · " +
                        (line != ship.lines.end() ? amount(movement.quantity, line->item)
                                                  : std::to_string(movement.quantity)));
    }
    doneCard(ui, "✓ Shipped to " + ship.customer->name,
             !ship.orderProgress.empty() ? ship.orderProgress : ship.reference.value_or("no order number"), lines,
             column.width);
    if (touchButton(ui, "ship.next", "Next shipment →", ImVec2(column.width, ui.em(3.0f)),
                    ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(ship::Next{});
}

} // namespace

void drawFlowBody(const AppState& state, const ShipState& ship, Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = splitScreen(ui, min, max);
    const ImVec2 leftMax(column.x - ui.em(1.2f), max.y);
    if (ship.openOrders)
        drawOrderChooser(ship, ui, min, leftMax);
    else if (ship.choices.open)
        lotChooser(ui, ship.choices, "Pick the lot going out", "ship", min, leftMax,
                   {[&](const storage::StockLine& line) {
                        ui.intents.emit(ship::PickLot{line.lot, line.location});
                    },
                    [&](int rows) { ui.intents.emit(ship::ScrollChoices{rows}); },
                    [&] { ui.intents.emit(ship::CloseBrowse{}); }});
    else
        drawCameraPreview(ui, min, leftMax);
    beginColumn(column);
    if (ship.step == ShipStep::Done) {
        drawDone(ship, ui, column);
        endColumn();
        return;
    }
    promptLine(ui, ship.problem, prompt(ship), column.width);
    const float gap = ui.em(0.5f);
    const float half = (column.width - gap) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ui.em(0.35f)));
    if (compactField(ui, "ship.customer", "Customer",
                     ship.customer ? std::optional(ship.customer->name) : std::nullopt, "Tap to pick", half))
        ui.intents.emit(intent::OpenPicker{"Customer", state.catalog.customers, replyId<ship::PickCustomer>()});
    ImGui::SameLine(0, gap);
    const std::optional<std::string> reference =
        ship.awaitingReference ? std::optional<std::string>("scan it now…") : ship.reference;
    if (compactField(ui, "ship.reference", "Order number", reference, "Tap, then scan", half))
        ui.intents.emit(ship::ScanReference{});
    if (touchButton(ui, "ship.orders", "Pick an open order", ImVec2(half, ui.em(2.5f))))
        ui.intents.emit(ship::BrowseOrders{});
    ImGui::SameLine(0, gap);
    if (touchButton(ui, "ship.browse", "Pick a lot from a list", ImVec2(half, ui.em(2.5f))))
        ui.intents.emit(ship::Browse{});
    if (!ship.orderProgress.empty()) label(ui, ship.orderProgress, ui.fonts.body);
    const float bottom = column.bottom - bottomButtonHeight(ui) - gap;
    const bool haveSelection = ship.selected && *ship.selected < ship.lines.size();
    drawLines(ship, ui, column.width, haveSelection ? bottom - ui.em(2.9f) - gap : bottom);
    ImGui::PopStyleVar();

    if (haveSelection) {
        const auto& line = ship.lines[*ship.selected];
        ImGui::SetCursorScreenPos(ImVec2(column.x, bottom - ui.em(2.9f)));
        // The lot is the framed row above; its code stays in the keypad's title, where there is room.
        if (compactField(ui, "ship.quantity", "Quantity", amount(line.quantity, line.item), "", half)) {
            const auto uom = line.item.uom;
            ui.intents.emit(intent::OpenKeypad{"Quantity of " + line.lot.code,
                                               unitFor(uom, line.quantity), unitsFor(uom), replyQuantity<ship::SetQuantity>()});
        }
        ImGui::SameLine(0, gap);
        // The customer's list price unless one is typed ("4.50/pc"; emptied, the list's again).
        if (compactField(ui, "ship.price", "Price", priceText(ship, line), "", half))
            ui.intents.emit(intent::OpenKeyboard{"Price of " + line.lot.code + " per unit",
                                                 line.unitPrice ? storage::formatUnitCost(*line.unitPrice, line.item.uom)
                                                                : std::string(),
                                                 replyText<ship::SetPrice>(),
                                                 "e.g. 4.50/pc or 12/kg, in " + ship.currency + "; empty: the price list's"});
    }
    const bool loggedIn = state.userName.has_value();
    const std::string text = !loggedIn            ? "Log in to ship"
                             : ship.lines.empty() ? "Ship ✓"
                                                  : "Ship " + std::to_string(ship.lines.size()) +
                                                        (ship.lines.size() == 1 ? " lot ✓" : " lots ✓");
    if (bottomButton(ui, column, "ship.confirm", text, loggedIn && ship.step == ShipStep::ReadyToConfirm))
        ui.intents.emit(ship::Confirm{});
    endColumn();
}

} // namespace lotstation::station::ui
