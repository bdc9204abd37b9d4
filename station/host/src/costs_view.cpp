#include "lot_widgets.hpp"
#include "lotstation/storage/time.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

constexpr ImU32 kCostInk = colour::rgb(0x5C, 0x6B, 0x7A);

float textWidth(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
}

void periodTab(Ui& ui, const CostsState& costs, CostsPeriod period, const char* id, float width) {
    if (touchButton(ui, id, toString(period), ImVec2(width, ui.em(2.6f)),
                    costs.period == period ? ButtonKind::Selected : ButtonKind::Secondary))
        ui.intents.emit(costs::ShowPeriod{period});
}

std::string periodCaption(const CostsState& costs) {
    if (!costs.dates.from) return "Every shipment so far";
    return "Shipped " + storage::formatDate(*costs.dates.from) + " to " + storage::formatDate(*costs.dates.to);
}

// Revenue as the bar's length: its cost in grey from the left, the margin left over in green; a cost beyond
// the revenue (a loss) runs on in red.
void marginBar(ImDrawList* list, storage::Micros chartMax, const ProductMargin& row, ImVec2 min, float width,
               float height) {
    const auto span = [&](storage::Micros value) {
        return width * static_cast<float>(barPermille(value, chartMax)) / 1000.0f;
    };
    const float revenue = span(row.revenue.value_or(0));
    const float cost = span(row.cost.value_or(0));
    const ImVec2 max(min.x + width, min.y + height);
    list->AddRectFilled(min, max, colour::background, 4.0f);
    list->AddRectFilled(min, ImVec2(min.x + revenue, max.y), colour::accepted, 4.0f);
    list->AddRectFilled(min, ImVec2(min.x + std::min(cost, revenue), max.y), kCostInk, 4.0f);
    if (cost > revenue) list->AddRectFilled(ImVec2(min.x + revenue, min.y), ImVec2(min.x + cost, max.y), colour::refused, 4.0f);
}

// One product (or all of them, scaled to their own revenue): name and margin, then the bar and the sums.
void productRow(Ui& ui, const CostsState& costs, const ProductMargin& row, float width, storage::Micros chartMax) {
    const float height = ui.em(3.3f), pad = ui.em(0.6f);
    const ImVec2 min = panel(ImVec2(width, height), colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const std::string right =
        row.margin ? moneyText(row.margin, costs.currency) +
                         (row.marginBasisPoints ? "  " + percentText(*row.marginBasisPoints) : std::string())
        : !row.revenue ? std::string("no price on a shipment")
                       : std::string("cost unknown");
    const float rightWidth = textWidth(ui.fonts.bold, right);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + pad, min.y + ui.em(0.3f)), colour::text, row.name,
             width - 3 * pad - rightWidth);
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + width - pad - rightWidth, min.y + ui.em(0.3f)),
             row.margin && *row.margin < 0 ? colour::refused : colour::text, right);
    const float barTop = min.y + ui.em(1.75f);
    const std::string sums = moneyText(row.revenue, costs.currency) + " · cost " + moneyText(row.cost, costs.currency);
    const float sumsWidth = textWidth(ui.fonts.body, sums);
    marginBar(list, chartMax, row, ImVec2(min.x + pad, barTop + ui.em(0.2f)), width - 3 * pad - sumsWidth, ui.em(0.9f));
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + width - pad - sumsWidth, barTop), colour::textDim, sums);
    ImGui::Dummy(ImVec2(width, height + ui.em(0.3f)));
}

void legend(Ui& ui, float width) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float swatch = ui.em(0.7f);
    for (auto [ink, text] : {std::pair{kCostInk, "cost"}, std::pair{colour::accepted, "margin"},
                             std::pair{colour::refused, "loss"}}) {
        list->AddRectFilled(ImVec2(at.x, at.y + ui.em(0.3f)), ImVec2(at.x + swatch, at.y + ui.em(0.3f) + swatch),
                            ink, 3.0f);
        drawText(ui, list, ui.fonts.body, ImVec2(at.x + swatch + ui.em(0.3f), at.y), colour::textDim, text);
        at.x += swatch + ui.em(0.3f) + textWidth(ui.fonts.body, text) + ui.em(0.8f);
    }
    ImGui::Dummy(ImVec2(width, ui.em(1.4f)));
}

// A headline figure in a card: caption, the amount big, a line of detail.
void figureCard(Ui& ui, const std::string& caption, const std::string& amount, const std::string& detail,
                ImU32 accent, float width) {
    const float height = ui.em(5.2f), pad = ui.em(0.8f);
    const ImVec2 min = panel(ImVec2(width, height), colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, ImVec2(min.x + ui.em(0.35f), min.y + height), accent);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(0.4f)), colour::textDim, caption);
    drawText(ui, list, ui.fonts.title, ImVec2(min.x + pad, min.y + ui.em(1.6f)), colour::text, amount);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + ui.em(3.5f)), colour::textDim, detail,
             width - 2 * pad);
    ImGui::Dummy(ImVec2(width, height));
}

std::string lotsText(std::int64_t lots, std::int64_t unknown, const char* what) {
    std::string text = std::to_string(lots) + (lots == 1 ? " lot " : " lots ") + what;
    if (unknown > 0) text += ", " + std::to_string(unknown) + " without a known cost (not counted)";
    return text;
}

void marginsColumn(Ui& ui, const CostsState& costs, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x, gap = ui.em(0.5f);
    const float tabWidth = (width - 2 * gap) / 3;
    ImGui::SetCursorScreenPos(min);
    periodTab(ui, costs, CostsPeriod::Last30Days, "costs.period.30days", tabWidth);
    ImGui::SameLine(0, gap);
    periodTab(ui, costs, CostsPeriod::ThisYear, "costs.period.year", tabWidth);
    ImGui::SameLine(0, gap);
    periodTab(ui, costs, CostsPeriod::AllTime, "costs.period.all", tabWidth);
    const ImVec2 captionAt(min.x, min.y + ui.em(3.0f));
    ImGui::SetCursorScreenPos(captionAt);
    label(ui, periodCaption(costs), ui.fonts.bold, colour::textDim);
    const float legendWidth = ui.em(12.5f);
    ImGui::SetCursorScreenPos(ImVec2(max.x - legendWidth, captionAt.y));
    legend(ui, legendWidth);
    const float totalHeight = ui.em(3.3f);
    const ImVec2 listAt(min.x, captionAt.y + ui.em(1.5f));
    ImGui::SetCursorScreenPos(listAt);
    scrollList(ui, "costs.products", ImVec2(width, max.y - listAt.y - totalHeight - gap), [&](float rowWidth) {
        if (costs.products.empty()) label(ui, "Nothing shipped in this period", ui.fonts.bold, colour::textDim);
        for (const auto& row : costs.products)
            productRow(ui, costs, row, rowWidth, costs.chartMax);
    });
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y - totalHeight));
    ProductMargin total = costs.total;
    total.name = "All products · " + std::to_string(total.shipments) + " shipments";
    productRow(ui, costs, total, width, std::max(total.revenue.value_or(0), total.cost.value_or(0)));
}

void stockColumn(Ui& ui, const CostsState& costs, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x;
    ImGui::SetCursorScreenPos(min);
    figureCard(ui, "Stock value today (at full cost)", moneyText(costs.stockValue, costs.currency),
               lotsText(costs.stockLots, costs.stockUnknown, "on hand"), colour::primary, width);
    const ImVec2 riskAt(min.x, min.y + ui.em(5.6f));
    ImGui::SetCursorScreenPos(riskAt);
    figureCard(ui, "At risk: use-by within " + std::to_string(costs.riskDays) + " days",
               moneyText(costs.atRiskValue, costs.currency),
               lotsText(static_cast<std::int64_t>(costs.atRisk.size()), costs.atRiskUnknown, "(listed below)"),
               colour::unknown, width);
    const float buttonWidth = ui.em(6.5f);
    ImGui::SetCursorScreenPos(ImVec2(max.x - buttonWidth - ui.em(0.5f), riskAt.y + ui.em(1.3f)));
    if (touchButton(ui, "costs.days", "Days: " + std::to_string(costs.riskDays), ImVec2(buttonWidth, ui.em(2.5f))))
        ui.intents.emit(intent::OpenKeypad{"Use-by within how many days?", QuantityUnit::Piece, {},
                                           replyQuantity<costs::RiskDaysEntered>()});
    const ImVec2 listAt(min.x, riskAt.y + ui.em(5.6f));
    ImGui::SetCursorScreenPos(listAt);
    scrollList(ui, "costs.at-risk", ImVec2(width, max.y - listAt.y), [&](float rowWidth) {
        if (costs.atRisk.empty()) label(ui, "Nothing expires that soon", ui.fonts.body, colour::textDim);
        for (const auto& lot : costs.atRisk) {
            LotRowText text;
            text.title = lot.lot;
            text.detail = "use by " + dateOrDash(lot.expiry) + " · " + lot.itemName;
            text.right = moneyText(lot.value, costs.currency);
            listRow(ui, "", text, rowWidth);
        }
    });
}

} // namespace

void drawFlowBody(const AppState&, const CostsState& costs, Ui& ui, ImVec2 min, ImVec2 max) {
    // The reports are read when the screen opens: ask once, the next frame shows them.
    if (!costs.loaded) ui.intents.emit(costs::Refresh{});
    ImGui::SetCursorScreenPos(min);
    if (costs.refused) {
        label(ui, *costs.refused, ui.fonts.bold, colour::refused);
        label(ui, "Costs, margins and stock value are for supervisors and admins.", ui.fonts.body, colour::textDim);
        return;
    }
    if (costs.problem) label(ui, *costs.problem, ui.fonts.bold, colour::refused);
    if (!costs.loaded) return;
    const float gap = ui.em(0.8f);
    const float split = min.x + (max.x - min.x) * 0.57f;
    const float top = ImGui::GetCursorScreenPos().y;
    marginsColumn(ui, costs, ImVec2(min.x, top), ImVec2(split - gap / 2, max.y));
    stockColumn(ui, costs, ImVec2(split + gap / 2, top), ImVec2(max.x, max.y));
}

} // namespace lotstation::station::ui
