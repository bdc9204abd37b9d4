// The Count screen: camera on the left; the location, each lot the ledger expects there with what was
// counted and the difference, the reason and the big Record button on the right.
#include "floor_widgets.hpp"
#include "lotstation/storage/quantity.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cmath>

namespace lotstation::station::ui {
namespace {

std::string amount(std::int64_t quantity, const storage::Item& item) {
    return storage::formatQuantity(quantity, item.uom);
}

std::string signedAmount(std::int64_t quantity, const storage::Item& item) {
    return (quantity > 0 ? "+" : "") + amount(quantity, item);
}

std::string prompt(const CountState& count) {
    if (!count.location) return "Scan the location's label, or tap to pick it";
    if (count.selected) return "Type the count of the selected lot, or scan the next lot";
    return "Scan each lot on the shelf and type what you count";
}

void drawLines(const CountState& count, Ui& ui, float width, float bottom) {
    const float rowHeight = ui.em(2.75f);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float room = bottom - ImGui::GetCursorScreenPos().y;
    auto fitsIn = [&](float height) {
        return static_cast<std::size_t>(std::max(1.0f, std::floor(height / (rowHeight + gap))));
    };
    // When not all lines fit, two captions say how many are above and below; the selected line stays in view.
    std::size_t fits = fitsIn(room);
    std::size_t first = 0;
    if (count.lines.size() > fits) {
        fits = fitsIn(room - 2 * (ui.fonts.body->FontSize + gap));
        if (count.selected && *count.selected >= fits) first = *count.selected + 1 - fits;
    }
    const std::size_t end = std::min(count.lines.size(), first + fits);
    if (first > 0) caption(ui, "↑ " + std::to_string(first) + " more above");
    for (std::size_t i = first; i < end; ++i) {
        const auto& line = count.lines[i];
        const auto& item = line.lot.item;
        RowText row{line.lot.lot.code, item.name + " · expected " + amount(line.expected, item), "", ""};
        ImU32 accent = colour::panelEdge;
        if (line.counted) {
            row.value = "counted " + amount(*line.counted, item);
            row.note = line.difference() == 0 ? "✓ as expected" : signedAmount(line.difference(), item);
            accent = line.difference() == 0 ? colour::accepted : colour::unknown;
        } else {
            row.value = "not counted";
        }
        if (listRow(ui, "count.line." + std::to_string(i), row, width, rowHeight, count.selected == i,
                    accent))
            ui.intents.emit(count::SelectLine{i});
    }
    if (end < count.lines.size())
        caption(ui, "↓ " + std::to_string(count.lines.size() - end) + " more below");
}

} // namespace

void drawFlowBody(const AppState& state, const CountState& count, Ui& ui, ImVec2 min, ImVec2 max) {
    const Column column = splitScreen(ui, min, max);
    drawCameraPreview(ui, min, ImVec2(column.x - ui.em(1.2f), max.y));
    beginColumn(column);
    if (count.step == CountStep::Done) {
        std::vector<std::string> lines;
        for (const auto& movement : count.recorded) {
            const auto line = std::ranges::find_if(
                count.lines, [&](const CountLine& l) { return l.lot.lot.code == movement.lot; });
            if (line == count.lines.end()) continue;
            const auto& item = line->lot.item;
            lines.push_back(movement.lot + ": " + amount(*line->counted, item) +
                            (line->difference() == 0 ? " (as expected)"
                                                     : " (" + signedAmount(line->difference(), item) + ")"));
        }
        doneCard(ui, "✓ Count recorded", count.location->name, lines, column.width);
        if (touchButton(ui, "count.next", "Next location →", ImVec2(column.width, ui.em(3.0f)),
                        ButtonKind::Primary, ui.fonts.title))
            ui.intents.emit(count::Next{});
        endColumn();
        return;
    }
    promptLine(ui, count.problem, prompt(count), column.width);
    const float gap = ui.em(0.5f);
    const float half = (column.width - gap) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ui.em(0.35f)));
    if (compactField(ui, "count.location", "Location",
                     count.location ? std::optional(count.location->name) : std::nullopt,
                     "Scan or tap to pick", half))
        ui.intents.emit(intent::OpenPicker{"Location counted", state.catalog.locations, replyId<count::PickLocation>()});
    ImGui::SameLine(0, gap);
    const bool differs =
        std::ranges::any_of(count.lines, [](const CountLine& l) { return l.counted && l.difference() != 0; });
    if (compactField(ui, "count.reason", "Reason for a difference", count.reason,
                     differs ? "Tap to pick: needed" : "Only if it differs", half)) {
        std::vector<PickerOption> reasons;
        for (const auto& reason : countReasons())
            reasons.push_back({reason.id, reason.text, "recorded on the count"});
        ui.intents.emit(intent::OpenPicker{"Why does it differ?", reasons, replyId<count::PickReason>(), "Type another reason"});
    }
    const bool haveSelection = count.selected && *count.selected < count.lines.size();
    const float bottom =
        column.bottom - bottomButtonHeight(ui) - gap - (haveSelection ? ui.em(2.9f) + gap : 0);
    drawLines(count, ui, column.width, bottom);
    ImGui::PopStyleVar();

    if (haveSelection) {
        const auto& line = count.lines[*count.selected];
        const auto& item = line.lot.item;
        ImGui::SetCursorScreenPos(ImVec2(column.x, bottom + gap));
        const float wide = column.width - ui.em(5.5f) - gap;
        if (compactField(ui, "count.quantity", "Counted " + line.lot.lot.code,
                         line.counted ? std::optional(amount(*line.counted, item)) : std::nullopt,
                         "Tap to type", wide))
            ui.intents.emit(intent::OpenKeypad{"Counted " + line.lot.lot.code,
                                               unitFor(item.uom, line.expected), unitsFor(item.uom), replyQuantity<count::SetCounted>(),
                                               true});
        ImGui::SameLine(0, gap);
        // The keypad takes no zero: an empty shelf has its own button.
        if (touchButton(ui, "count.empty", "None", ImVec2(ui.em(5.5f), ui.em(2.9f))))
            ui.intents.emit(count::SetCounted{Quantity{0, baseUnitOf(unitFor(item.uom, 0))}});
    }
    const bool loggedIn = state.userName.has_value();
    const bool counted =
        std::ranges::any_of(count.lines, [](const CountLine& l) { return l.counted.has_value(); });
    if (bottomButton(ui, column, "count.confirm", loggedIn ? "Record count ✓" : "Log in to count",
                     loggedIn && counted && (!differs || count.reason)))
        ui.intents.emit(count::Confirm{});
    endColumn();
}

} // namespace lotstation::station::ui
