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
    case Screen::Produce:
        return {true,
                "Pick a recipe, then scan each container you use",
                {{"recipe", "Recipe", "Pick a recipe", Input::Recipe},
                 {"planned", "Planned output", "Tap to enter", Input::Quantity, QuantityUnit::Piece}}};
    case Screen::Ship:
        return {true,
                "Scan each finished lot going out",
                {{"customer", "Customer / order", "Pick a customer", Input::Customer}}};
    case Screen::Move:
        return {true,
                "Scan the lot to move",
                {{"to", "Move to", "Pick a location", Input::Location},
                 {"quantity", "Quantity", "All of it, or tap to enter", Input::Quantity,
                  QuantityUnit::Kilogram}}};
    case Screen::Count:
        return {true,
                "Scan the location, then each lot on it",
                {{"location", "Location", "Pick a location", Input::Location},
                 {"quantity", "Counted quantity", "Tap to enter", Input::Quantity, QuantityUnit::Piece}}};
    case Screen::Lookup:
        return {true, "Hold any label up to the camera", {}};
    case Screen::Recall:
        return {
            true, "Scan the lot to trace, or pick its item", {{"item", "Item", "Pick an item", Input::Item}}};
    case Screen::Stock:
        return {
            false, "Lots by item, first to expire first", {{"item", "Item", "Pick an item", Input::Item}}};
    case Screen::Labels:
        return {true, "Scan the label to print again", {}};
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

void drawLastScan(const AppState& state, Ui& ui, float width) {
    const ImVec2 size(width, ui.em(7.0f));
    const ImVec2 min = panel(size, colour::panel);
    ImGui::SetCursorScreenPos(ImVec2(min.x + ui.em(0.8f), min.y + ui.em(0.6f)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(min.x + width - ui.em(0.8f));
    if (!state.lastScan) {
        label(ui, "Nothing scanned yet", ui.fonts.bold);
        paragraph(ui, "A handheld scanner works on every screen.", ui.fonts.body, colour::textDim);
    } else {
        const char* origin =
            state.lastScan->origin == scan::ScanOrigin::Wedge ? "Scanner read" : "Camera read";
        label(ui, origin, ui.fonts.body, colour::textDim);
        paragraph(ui, state.lastScan->text, ui.fonts.title);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + size.y + ui.em(0.6f)));
}

std::string syncLinkText(SyncLink link) {
    switch (link) {
    case SyncLink::Online:
        return "Online";
    case SyncLink::Offline:
        return "Offline";
    case SyncLink::Failing:
        return "Failing";
    case SyncLink::NotConfigured:
        break;
    }
    return "No server set up";
}

void drawInfoScreen(const AppState& state, Ui& ui, float width) {
    if (state.screen() == Screen::Sync) {
        infoCard(ui,
                 {{"Server", syncLinkText(state.sync.link)},
                  {"Waiting to send", std::to_string(state.sync.pendingEvents) + " movements"},
                  {"Last contact", state.sync.lastContact.value_or("never")},
                  {"Conflicts for a supervisor", "none"}},
                 width);
        ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
        const bool configured = state.sync.link != SyncLink::NotConfigured;
        touchButton(ui, "sync.now", "Sync now", ImVec2(ui.em(10.0f), ui.em(2.8f)), ButtonKind::Primary,
                    nullptr, configured);
        if (!configured)
            label(ui, "Set the server address in Settings to sync.", ui.fonts.body, colour::textDim);
        return;
    }
    infoCard(ui,
             {{"Station name", state.stationName},
              {"Camera", ui.preview.sourceName.empty() ? "none" : ui.preview.sourceName},
              {"Printer", "none: labels go to files"},
              {"Server", syncLinkText(state.sync.link)},
              {"Operator", state.userName.value_or("not logged in")}},
             width);
}

void drawEmptyStock(Ui& ui, float width) {
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    const ImVec2 size(width, ui.em(4.6f));
    const ImVec2 min = panel(size, colour::panel);
    ImDrawList* list = ImGui::GetWindowDrawList();
    drawText(ui, list, ui.fonts.bold, ImVec2(min.x + ui.em(0.9f), min.y + ui.em(0.8f)), colour::text,
             "No lots to show yet");
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + ui.em(0.9f), min.y + ui.em(2.4f)), colour::textDim,
             "Received and produced lots appear here, soonest expiry first.", width - ui.em(1.8f));
    ImGui::Dummy(size);
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
    if (state.screen() == Screen::Lookup || state.screen() == Screen::Labels)
        drawLastScan(state, ui, columnWidth);
    if (state.screen() == Screen::Sync || state.screen() == Screen::Settings)
        drawInfoScreen(state, ui, columnWidth);
    drawFields(state, ui, spec, columnWidth);
    if (state.screen() == Screen::Stock) drawEmptyStock(ui, columnWidth);
    ImGui::EndGroup();
}

} // namespace lotstation::station::ui
