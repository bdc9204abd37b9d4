// The first run: the business and the station on the left, the first admin on the right, one big Set up;
// then three big ways to start.
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

std::optional<std::string> shown(const std::string& value) {
    return value.empty() ? std::nullopt : std::optional(value);
}

std::optional<std::string> dots(std::size_t digits) {
    if (digits == 0) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < digits; ++i)
        out += "● ";
    return out;
}

intent::OpenKeyboard keyboardFor(SetupField field, std::string label, std::string text, std::string hint,
                                 std::size_t max = 80, bool secret = false) {
    return intent::OpenKeyboard{std::move(label),
                                std::move(text),
                                [field](const std::string& typed) { return StationFlows::step(setup::SetText{field, typed}); },
                                std::move(hint),
                                max,
                                secret};
}

std::vector<PickerOption> currencies() {
    return {{"USD", "USD", "US dollar"},       {"EUR", "EUR", "Euro"},          {"GBP", "GBP", "Pound sterling"},
            {"CAD", "CAD", "Canadian dollar"}, {"AUD", "AUD", "Australian dollar"}, {"NZD", "NZD", "New Zealand dollar"},
            {"CHF", "CHF", "Swiss franc"},     {"SEK", "SEK", "Swedish krona"},  {"NOK", "NOK", "Norwegian krone"},
            {"DKK", "DKK", "Danish krone"},    {"PLN", "PLN", "Polish złoty"},   {"CZK", "CZK", "Czech koruna"},
            {"JPY", "JPY", "Japanese yen"},    {"MXN", "MXN", "Mexican peso"},   {"BRL", "BRL", "Brazilian real"},
            {"INR", "INR", "Indian rupee"},    {"ZAR", "ZAR", "South African rand"}};
}

// This station's name and short code: asked by the details and by Link alike.
void stationFields(const SetupState& setup, Ui& ui, float column) {
    if (compactField(ui, "setup.station", "This station's name", shown(setup.station), "e.g. Dock tablet", column))
        ui.intents.emit(keyboardFor(SetupField::Station, "This station's name", setup.station, "", 40));
    if (compactField(ui, "setup.short-code", "Short code (in every lot code)", shown(setup.shortCode),
                     "1 to 4 letters or digits, e.g. D1", column))
        ui.intents.emit(keyboardFor(SetupField::ShortCode, "Short code", setup.shortCode,
                                    "1 to 4 letters or digits, different from every other station's: "
                                    "SOAP-261204-D101 for short code D1",
                                    4));
}

void details(const SetupState& setup, Ui& ui, ImVec2 min, ImVec2 max) {
    const float gap = ui.em(1.2f);
    const float column = (max.x - min.x - gap) / 2;
    ImGui::SetCursorScreenPos(min);
    ImGui::PushTextWrapPos(max.x);
    if (setup.problem)
        paragraph(ui, "⚠ " + *setup.problem, ui.fonts.bold, colour::unknown);
    else
        paragraph(ui, "A few answers and this station is yours. Tap a box to type.", ui.fonts.bold);
    ImGui::PopTextWrapPos();
    const float top = ImGui::GetCursorScreenPos().y + ui.em(0.3f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.8f), ui.em(0.45f)));

    ImGui::SetCursorScreenPos(ImVec2(min.x, top));
    ImGui::BeginGroup();
    label(ui, "Your business", ui.fonts.title);
    if (compactField(ui, "setup.business", "Business name", shown(setup.business), "Tap to type, e.g. Rose & Co Soaps",
                     column))
        ui.intents.emit(keyboardFor(SetupField::Business, "Business name", setup.business, "As on your labels"));
    if (compactField(ui, "setup.currency", "Currency", shown(setup.currency), "Tap to choose", column))
        ui.intents.emit(intent::OpenPicker{"Currency", currencies(), [](const PickerOption& option) {
                                               return StationFlows::step(setup::SetText{SetupField::Currency, option.id});
                                           },
                                           "Type another ISO code"});
    stationFields(setup, ui, column);
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    if (touchButton(ui, "setup.link", "Link to a central server instead →", ImVec2(column, ui.em(2.8f))))
        ui.intents.emit(setup::ShowLink{true});
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(ImVec2(min.x + column + gap, top));
    ImGui::BeginGroup();
    label(ui, "The first admin", ui.fonts.title);
    if (compactField(ui, "setup.admin", "Name", shown(setup.admin), "Who sets up the rest, e.g. rosa", column))
        ui.intents.emit(keyboardFor(SetupField::Admin, "The first admin's name", setup.admin, "How they log in", 40));
    if (compactField(ui, "setup.pin", "PIN", dots(setup.pinDigits), "4 to 12 digits", column))
        ui.intents.emit(keyboardFor(SetupField::Pin, "The admin's PIN", "", "4 to 12 digits", 12, true));
    if (compactField(ui, "setup.pin-again", "PIN again", dots(setup.pinAgainDigits), "The same digits again", column))
        ui.intents.emit(keyboardFor(SetupField::PinAgain, "The PIN again", "", "The same digits again", 12, true));
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    const float buttonHeight = std::max(ui.em(3.2f), max.y - ImGui::GetCursorScreenPos().y);
    if (touchButton(ui, "setup.finish", "Set up ✓", ImVec2(column, std::min(buttonHeight, ui.em(4.5f))),
                    ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(setup::Finish{});
    ImGui::EndGroup();
    ImGui::PopStyleVar();
}

// Instead of a business of its own: this station's names on the left, the server on the right, Link.
void linkPage(const SetupState& setup, Ui& ui, ImVec2 min, ImVec2 max) {
    const float gap = ui.em(1.2f);
    const float column = (max.x - min.x - gap) / 2;
    ImGui::SetCursorScreenPos(min);
    ImGui::PushTextWrapPos(max.x);
    if (setup.problem)
        paragraph(ui, "⚠ " + *setup.problem, ui.fonts.bold, colour::unknown);
    else
        paragraph(ui, "People, items, places and recipes come from the server. Scan a QR with its address or the "
                      "token, or tap a box to type.",
                  ui.fonts.bold);
    ImGui::PopTextWrapPos();
    const float top = ImGui::GetCursorScreenPos().y + ui.em(0.3f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.8f), ui.em(0.45f)));
    ImGui::SetCursorScreenPos(ImVec2(min.x, top));
    ImGui::BeginGroup();
    label(ui, "This station", ui.fonts.title);
    stationFields(setup, ui, column);
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    if (touchButton(ui, "setup.unlink", "← A business of its own", ImVec2(column, ui.em(2.8f))))
        ui.intents.emit(setup::ShowLink{false});
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(ImVec2(min.x + column + gap, top));
    ImGui::BeginGroup();
    label(ui, "The central server", ui.fonts.title);
    if (compactField(ui, "setup.server", "Server address", shown(setup.serverUrl), "e.g. https://office:8750", column))
        ui.intents.emit(keyboardFor(SetupField::ServerUrl, "Server address", setup.serverUrl,
                                    "http:// or https://, the name or address, and the port", 200));
    if (compactField(ui, "setup.token", "This station's token", shown(setup.tokenShown),
                     "From lotstation-server station add NAME", column))
        ui.intents.emit(keyboardFor(SetupField::Token, "This station's token", "", "lst_ and 64 letters and digits",
                                    120, true));
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    if (touchButton(ui, "setup.link-now", "Link ✓", ImVec2(column, ui.em(4.0f)), ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(setup::Link{});
    ImGui::EndGroup();
    ImGui::PopStyleVar();
}

void linked(const SetupState& setup, Ui& ui, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(max.x);
    paragraph(ui, "✓ " + setup.linked, ui.fonts.title, colour::accepted);
    paragraph(ui, "This station syncs by itself from now on. Changes to records are made on the server.",
              ui.fonts.body, colour::textDim);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ui.em(0.6f)));
    if (touchButton(ui, "setup.log-in", "Log in →", ImVec2(max.x - min.x, ui.em(3.2f)), ButtonKind::Primary,
                    ui.fonts.title)) {
        ui.intents.emit(intent::GoHome{});
        ui.intents.emit(intent::Navigate{Screen::Login});
    }
    ImGui::EndGroup();
}

// One of the three ways to start: a big button with what it does under it.
bool choice(Ui& ui, std::string_view id, std::string_view title, const std::string& detail, ImVec2 size,
            ButtonKind kind) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool pressed = touchButton(ui, id, "", size, kind);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float pad = ui.em(0.9f);
    drawText(ui, list, ui.fonts.title, ImVec2(min.x + pad, min.y + pad), colour::text, title);
    drawText(ui, list, ui.fonts.body, ImVec2(min.x + pad, min.y + pad + ui.em(2.0f)), colour::text, detail,
             size.x - 2 * pad);
    return pressed;
}

void start(const AppState& state, const SetupState& setup, Ui& ui, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    ImGui::BeginGroup(); // every line starts at the body's left edge, not the window's
    ImGui::PushTextWrapPos(max.x);
    paragraph(ui, setup.business + " is set up. How do you want to start?", ui.fonts.title);
    if (setup.problem)
        paragraph(ui, "⚠ " + *setup.problem, ui.fonts.bold, colour::unknown);
    else if (!setup.imported.empty()) {
        std::string done = "✓ Imported: ";
        for (std::size_t i = 0; i < setup.imported.size(); ++i)
            done += (i ? ", " : "") + setup.imported[i];
        paragraph(ui, done, ui.fonts.bold, colour::accepted);
    } else
        paragraph(ui, "Log in as " + setup.admin + " (the chip at the top right) to add records.", ui.fonts.body,
                  colour::textDim);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    const float gap = ui.em(0.8f);
    const float width = (max.x - min.x - 2 * gap) / 3;
    const float height = std::max(ui.em(8.0f), max.y - ImGui::GetCursorScreenPos().y - ui.em(4.2f));
    std::string files = "Copy items, suppliers, customers, locations, recipes and lots as .csv or .xlsx files, or one "
                        "workbook with a sheet for each, into " + setup.importFolder.string() + ". ";
    files += setup.importFiles.empty() ? "None there yet." : "Found " + std::to_string(setup.importFiles.size()) + ".";
    if (choice(ui, "setup.import", "From a spreadsheet", files, ImVec2(width, height), ButtonKind::Primary))
        ui.intents.emit(setup.importFiles.empty() ? Intent(setup::LookForFiles{}) : Intent(setup::ImportFiles{}));
    ImGui::SameLine(0, gap);
    if (choice(ui, "setup.by-hand", "Add items by hand",
               "Items, suppliers, places and people on the Records screen: log in as " + setup.admin + " first.",
               ImVec2(width, height), ButtonKind::Secondary)) {
        ui.intents.emit(intent::GoHome{});
        ui.intents.emit(intent::Navigate{state.userName ? Screen::Records : Screen::Login});
    }
    ImGui::SameLine(0, gap);
    if (choice(ui, "setup.demo", "Try the demo",
               "A small soap maker's month in a separate demo ledger. Your own stays as it is.",
               ImVec2(width, height), ButtonKind::Secondary))
        ui.intents.emit(setup::TryDemo{});
    ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
    if (touchButton(ui, "setup.home", "Go to Home →", ImVec2(max.x - min.x, ui.em(2.8f))))
        ui.intents.emit(intent::GoHome{});
    ImGui::EndGroup();
}

} // namespace

void drawFlowBody(const AppState& state, const SetupState& setup, Ui& ui, ImVec2 min, ImVec2 max) {
    switch (setup.step) {
    case SetupStep::Details:
        details(setup, ui, min, max);
        break;
    case SetupStep::Link:
        linkPage(setup, ui, min, max);
        break;
    case SetupStep::Start:
        start(state, setup, ui, min, max);
        break;
    case SetupStep::Linked:
        linked(setup, ui, min, max);
        break;
    }
}

} // namespace lotstation::station::ui
