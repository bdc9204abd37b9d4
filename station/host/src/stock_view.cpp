#include "lot_widgets.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

LotRowText rowOf(const StockRow& row, bool withItem, std::size_t position) {
    LotRowText text;
    text.title = (position > 0 ? std::to_string(position) + ". " : std::string()) + row.lot;
    std::string detail = withItem ? row.itemName + " · " : std::string();
    detail += row.expiry ? "use by " + storage::formatDate(*row.expiry) : std::string("no use-by date");
    if (row.daysLeft) detail += " (" + daysLeftText(*row.daysLeft) + ")";
    if (!row.where.empty()) detail += " · " + row.where;
    text.detail = detail;
    text.right = storage::formatQuantity(row.onHand, row.uom);
    text.standing = row.standing;
    return text;
}

void tab(Ui& ui, const char* id, const std::string& text, bool selected, StockTab to, float width) {
    if (touchButton(ui, id, text, ImVec2(width, ui.em(2.6f)),
                    selected ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.intents.emit(stock::ShowTab{to});
}

} // namespace

void drawFlowBody(const AppState& state, const StockState& stock, Ui& ui, ImVec2 min, ImVec2 max) {
    // The lists are read when the screen opens: ask once, the next frame shows them.
    if (!stock.loaded) ui.intents.emit(stock::Refresh{});
    const float gap = ui.em(0.5f);
    const float width = max.x - min.x;
    const float tabWidth = (width - 3 * gap) / 4;
    ImGui::SetCursorScreenPos(min);
    tab(ui, "stock.tab.expiring", "Expiring soon (" + std::to_string(stock.expiring.size()) + ")",
        stock.tab == StockTab::ExpiringSoon, StockTab::ExpiringSoon, tabWidth);
    ImGui::SameLine(0, gap);
    tab(ui, "stock.tab.expired", "Expired (" + std::to_string(stock.expired.size()) + ")",
        stock.tab == StockTab::Expired, StockTab::Expired, tabWidth);
    ImGui::SameLine(0, gap);
    const std::string itemText = stock.item ? stock.item->name : std::string("Pick an item…");
    if (touchButton(ui, "stock.item", itemText, ImVec2(tabWidth * 2 + gap, ui.em(2.6f)),
                    stock.tab == StockTab::ByItem ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.intents.emit(intent::OpenPicker{"Stock of which item?", state.catalog.items, replyId<stock::PickItem>()});

    ImGui::Dummy(ImVec2(0, ui.em(0.2f)));
    const std::vector<StockRow>* rows = &stock.expiring;
    std::string caption;
    if (stock.tab == StockTab::ExpiringSoon) {
        caption = "Use-by within " + std::to_string(stock.withinDays) + " days, soonest first";
    } else if (stock.tab == StockTab::Expired) {
        rows = &stock.expired;
        caption = "Past their use-by date and still on the shelf: do not use";
    } else {
        rows = &stock.lots;
        caption = stock.item ? "First to expire first: take lot 1 first" : "Pick an item to see its lots";
    }
    const ImVec2 captionAt = ImGui::GetCursorScreenPos();
    label(ui, caption, ui.fonts.bold, colour::textDim);
    if (stock.tab == StockTab::ExpiringSoon) {
        const float buttonWidth = ui.em(9.0f);
        ImGui::SetCursorScreenPos(ImVec2(max.x - buttonWidth, captionAt.y - ui.em(0.1f)));
        if (touchButton(ui, "stock.days", "Days: " + std::to_string(stock.withinDays),
                        ImVec2(buttonWidth, ui.em(2.5f))))
            ui.intents.emit(
                intent::OpenKeypad{"Expiring within how many days?", QuantityUnit::Piece, {}, replyQuantity<stock::DaysEntered>()});
        ImGui::SetCursorScreenPos(ImVec2(min.x, captionAt.y + ui.em(2.6f)));
    }
    ImGui::Dummy(ImVec2(0, ui.em(0.2f)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    scrollList(ui, "stock.list", ImVec2(width, max.y - at.y), [&](float rowWidth) {
        if (stock.loaded && rows->empty())
            label(ui,
                  stock.tab == StockTab::ByItem && stock.item ? "No stock of this item"
                  : stock.tab == StockTab::ByItem             ? ""
                                                              : "None: nothing to worry about",
                  ui.fonts.bold, colour::textDim);
        std::size_t position = 0;
        for (const auto& row : *rows) {
            // FEFO numbers only the lots that may be used, in the order to use them.
            const bool numbered = stock.tab == StockTab::ByItem && usable(row.standing);
            listRow(ui, "", rowOf(row, stock.tab != StockTab::ByItem, numbered ? ++position : 0), rowWidth);
        }
    });
}

} // namespace lotstation::station::ui
