#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <span>
#include <string>
#include <vector>

namespace lotstation::station::ui {
namespace {

enum class Input { Quantity, Item, Location, Recipe, Customer };

struct FieldSpec {
    const char* key; // the field id is "<screen>.<key>"
    const char* caption;
    const char* hint;
    Input input;
    QuantityUnit unit = QuantityUnit::Piece;
};

struct ScreenSpec {
    bool camera;
    const char* prompt;
    std::vector<FieldSpec> fields;
};

// What each floor screen asks for. The workflows will own these steps; until then the shell shows the fields
// and lets them be filled with the keypad and pickers, without writing anything.
ScreenSpec specOf(Screen screen) {
    switch (screen) {
    case Screen::Receive:
        return {true,
                "Scan the supplier's case label",
                {{"item", "Item", "Scan or pick the item", Input::Item},
                 {"quantity", "Quantity received", "Tap to enter", Input::Quantity, QuantityUnit::Kilogram},
                 {"location", "Put away at", "Pick a location", Input::Location}}};
    default:
        return {false, "", {}};
    }
}

const std::vector<PickerOption>& optionsFor(const Catalog& catalog, Input input) {
    switch (input) {
    case Input::Location:
        return catalog.locations;
    case Input::Recipe:
        return catalog.recipes;
    case Input::Customer:
        return catalog.customers;
    default:
        return catalog.items;
    }
}

void drawHeader(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    const float pad = ui.em(0.8f);
    const float buttonHeight = max.y - min.y - pad;
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    if (touchButton(ui, "nav.back", "← Back", ImVec2(ui.em(6.5f), buttonHeight)))
        ui.intents.emit(intent::Back{});
    ImDrawList* list = ImGui::GetWindowDrawList();
    const Screen screen = state.screen();
    const float titleX = min.x + pad * 2 + ui.em(6.5f);
    const ImVec2 rowMin(titleX, min.y + pad), rowMax(max.x, max.y);
    const std::string_view title = screenTitle(screen);
    drawText(ui, list, ui.fonts.title, ImVec2(titleX, centred(ui.fonts.title, title, rowMin, rowMax).y),
             colour::text, title);
    const float titleWidth =
        ui.fonts.title
            ->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0, title.data(), title.data() + title.size())
            .x;
    const std::string_view purpose = screenPurpose(screen);
    drawText(ui, list, ui.fonts.body,
             ImVec2(titleX + titleWidth + ui.em(0.8f),
                    centred(ui.fonts.body, purpose, rowMin, rowMax).y + ui.em(0.15f)),
             colour::textDim, purpose);
    ImGui::SetCursorScreenPos(ImVec2(max.x - pad - ui.em(5.5f), min.y + pad));
    if (touchButton(ui, "nav.home", "⌂ Home", ImVec2(ui.em(5.5f), buttonHeight)))
        ui.intents.emit(intent::GoHome{});
}

void drawFields(const AppState& state, Ui& ui, const ScreenSpec& spec, float width) {
    const std::string prefix = std::string(screenId(state.screen())) + ".";
    for (const FieldSpec& field : spec.fields) {
        const std::string id = prefix + field.key;
        if (!fieldButton(ui, id, field.caption, state.field(id), field.hint, width)) continue;
        if (field.input == Input::Quantity) {
            const auto units = allQuantityUnits();
            ui.intents.emit(intent::OpenKeypad{id, field.caption, field.unit, {units.begin(), units.end()}});
        } else {
            ui.intents.emit(intent::OpenPicker{id, field.caption, optionsFor(state.catalog, field.input)});
        }
    }
}

} // namespace

void drawWorkflowScreen(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    const float headerHeight = ui.em(3.6f);
    drawHeader(state, ui, min, ImVec2(max.x, min.y + headerHeight));
    const float pad = ui.em(0.8f);
    const ImVec2 bodyMin(min.x + pad, min.y + headerHeight + pad);
    const ImVec2 bodyMax(max.x - pad, max.y - pad);
    if (state.screen() == Screen::Login) return drawLoginBody(state, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Receive && ui.flows.receive)
        return drawReceiveBody(state, *ui.flows.receive, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Lookup && ui.flows.lookup)
        return drawLookupBody(state, *ui.flows.lookup, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Recall && ui.flows.recall)
        return drawRecallBody(state, *ui.flows.recall, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Stock && ui.flows.stock)
        return drawStockBody(state, *ui.flows.stock, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Labels && ui.flows.labels)
        return drawLabelsBody(state, *ui.flows.labels, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Sync) return drawSyncBody(state, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Settings && ui.flows.settings)
        return drawSettingsBody(state, *ui.flows.settings, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Produce && ui.flows.produce)
        return drawProduceBody(state, *ui.flows.produce, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Ship && ui.flows.ship)
        return drawShipBody(state, *ui.flows.ship, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Move && ui.flows.move)
        return drawMoveBody(state, *ui.flows.move, ui, bodyMin, bodyMax);
    if (state.screen() == Screen::Count && ui.flows.count)
        return drawCountBody(state, *ui.flows.count, ui, bodyMin, bodyMax);
    const ScreenSpec spec = specOf(state.screen());

    float columnX = bodyMin.x;
    float columnWidth = bodyMax.x - bodyMin.x;
    if (spec.camera) {
        const float previewWidth = (bodyMax.x - bodyMin.x) * 0.58f;
        drawCameraPreview(ui, bodyMin, ImVec2(bodyMin.x + previewWidth, bodyMax.y));
        columnX = bodyMin.x + previewWidth + pad * 1.5f;
        columnWidth = bodyMax.x - columnX;
    } else {
        columnWidth = std::min(columnWidth, ui.em(34.0f));
    }
    ImGui::SetCursorScreenPos(ImVec2(columnX, bodyMin.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(columnX + columnWidth);
    if (spec.prompt[0] != '\0') {
        paragraph(ui, spec.prompt, ui.fonts.title);
        ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    }
    ImGui::PopTextWrapPos();
    drawFields(state, ui, spec, columnWidth);
    ImGui::EndGroup();
}

} // namespace lotstation::station::ui
