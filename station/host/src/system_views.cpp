// The Sync and Settings screens: the machine itself rather than the stock.
#include "lot_widgets.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "lotstation/station/sync_link.hpp"

#include <string>

namespace lotstation::station::ui {
namespace {

ChoiceReply choose(SettingField field) {
    return [field](const PickerOption& option) { return StationFlows::step(settings::Choose{field, option.id}); };
}

std::string linkText(SyncLink link) {
    switch (link) {
    case SyncLink::Online:
        return "Online";
    case SyncLink::Offline:
        return "Offline: working on, will send later";
    case SyncLink::Failing:
        return "Failing";
    case SyncLink::NotConfigured:
        break;
    }
    return "No server set up";
}

std::string printerText(const std::string& printer) {
    if (printer.empty()) return "Label files (no printer)";
    if (printer.front() == '/') return "Files in " + printer;
    if (printer.rfind("cups:", 0) == 0) return "CUPS queue " + printer.substr(5);
    if (printer.find(':') != std::string::npos) return "Network printer " + printer;
    return "CUPS queue " + printer;
}

bool maySetUp(const AppState& state) {
    const auto role = roleOf(state);
    return role && *role != storage::UserRole::Operator;
}

} // namespace

void drawSyncBody(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max) {
    const float width = std::min(max.x - min.x, ui.em(34.0f));
    const float x = min.x + (max.x - min.x - width) / 2;
    ImGui::SetCursorScreenPos(ImVec2(x, min.y));
    ImGui::BeginGroup();
    const SyncStatus& sync = state.sync;
    std::string server = linkText(sync.link);
    if (const auto* settings = ui.stateOf<SettingsFlow>(); settings && !settings->settings.serverUrl.empty())
        server += " · " + settings->settings.serverUrl;
    std::vector<std::pair<std::string, std::string>> rows{
        {"Server", server},
        {"Waiting to send", std::to_string(sync.pendingEvents) + " movement(s)"},
        {"Last contact", sync.lastContact.value_or("never")}};
    if (sync.catchingUp) rows.emplace_back("Receiving", catchUpText(*sync.catchingUp));
    infoCard(ui, rows, width);
    ImGui::Dummy(ImVec2(0, ui.em(0.4f)));
    ImGui::PushTextWrapPos(x + width);
    paragraph(
        ui,
        "Every movement is kept here first and sent in order; nothing is lost while the station is offline. "
        "Conflicts between stations go to a supervisor on the server.",
        ui.fonts.body, colour::textDim);
    ImGui::PopTextWrapPos();
    const bool configured = sync.link != SyncLink::NotConfigured;
    const float buttonHeight = ui.em(2.9f);
    ImGui::SetCursorScreenPos(ImVec2(x, max.y - buttonHeight));
    if (touchButton(ui, "sync.now", configured ? "Sync now" : "Sync now (no server set up)",
                    ImVec2(width, buttonHeight), ButtonKind::Primary, ui.fonts.title))
        ui.intents.emit(intent::SyncNow{});
    ImGui::EndGroup();
}

namespace {

// The weighing scale: its device, protocol and baud rate, each from a short list (or typed).
void drawScaleSettings(const StationSettings& s, Ui& ui, float width, bool allowed) {
    if (compactField(ui, "settings.scale", "Weighing scale",
                     s.scalePort.empty() ? std::optional<std::string>() : std::optional(s.scalePort),
                     "None: quantities are typed", width, allowed))
        ui.intents.emit(intent::OpenPicker{
            "Weighing scale",
            {{"", "No scale", "weights are typed on the keypad"},
             {"/dev/ttyUSB0", "/dev/ttyUSB0", "the first USB-serial adapter"},
             {"/dev/ttyUSB1", "/dev/ttyUSB1", "the second USB-serial adapter"},
             {"/dev/ttyACM0", "/dev/ttyACM0", "a scale with its own USB port"},
             {"/dev/ttyS0", "/dev/ttyS0", "the first serial port"},
             {"await:|the scale's device path", "Other device…", "scan or type its path"}},
            choose(SettingField::ScalePort)});
    if (s.scalePort.empty()) return;
    const std::string line = (s.scaleProtocol.empty() ? "auto" : s.scaleProtocol) + " · " +
                             (s.scaleBaud.empty() ? "the protocol's baud rate" : s.scaleBaud + " baud");
    if (compactField(ui, "settings.scale-protocol", "Scale protocol", line, "", width, allowed))
        ui.intents.emit(intent::OpenPicker{
            "Scale protocol",
            {{"auto", "Find it (auto)", "listens, then asks in each protocol"},
             {"mt-sics", "MT-SICS", "Mettler Toledo"},
             {"toledo", "Toledo 8217", "retail scales"},
             {"continuous", "Continuous stream", "ST,GS,+0001.234kg (Ohaus, CAS, ...)"},
             {"and", "A&D", "FX-i and similar"}},
            choose(SettingField::ScaleProtocol)});
    if (compactField(ui, "settings.scale-baud", "Scale baud rate",
                     s.scaleBaud.empty() ? std::optional<std::string>() : std::optional(s.scaleBaud),
                     "The protocol's own", width, allowed))
        ui.intents.emit(intent::OpenPicker{"Scale baud rate",
                                           {{"", "The protocol's own", "9600, or 2400 for A&D"},
                                            {"2400", "2400", ""},
                                            {"4800", "4800", ""},
                                            {"9600", "9600", ""},
                                            {"19200", "19200", ""}},
                                           choose(SettingField::ScaleBaud)});
}

} // namespace

void drawFlowBody(const AppState& state, const SettingsState& settings, Ui& ui, ImVec2 min, ImVec2 max) {
    const float width = std::min(max.x - min.x, ui.em(36.0f));
    const float x = min.x + (max.x - min.x - width) / 2;
    ImGui::SetCursorScreenPos(ImVec2(x, min.y));
    ImGui::BeginGroup();
    const bool allowed = maySetUp(state);
    ImGui::PushTextWrapPos(x + width);
    if (settings.waitingForText)
        paragraph(ui, "Scan it, or type it and press Enter: " + settings.waitingFor, ui.fonts.bold,
                  colour::unknown);
    else if (settings.problem)
        paragraph(ui, "⚠ " + *settings.problem, ui.fonts.bold, colour::unknown);
    else if (!allowed)
        paragraph(ui, "A supervisor or admin changes these: log in as one", ui.fonts.bold, colour::unknown);
    else if (settings.saved)
        paragraph(ui, "✓ Saved · " + *settings.saved, ui.fonts.bold, colour::accepted);
    else
        paragraph(ui, "Tap a setting to change it", ui.fonts.bold);
    ImGui::PopTextWrapPos();

    const StationSettings& s = settings.settings;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.em(0.8f), ui.em(0.35f)));
    if (compactField(ui, "settings.station-name", "Station name (from the next start)",
                     s.stationName.empty() ? state.stationName : s.stationName, "", width, allowed))
        ui.intents.emit(
            settings::AwaitText{SettingField::StationName, "the station's name", ""});
    const std::string camera = s.cameraSource.empty() ? "First camera" : s.cameraSource;
    if (compactField(ui, "settings.camera", "Camera (from the next start)", camera, "", width, allowed))
        ui.intents.emit(intent::OpenPicker{
            "Camera",
            {{"", "First camera", "the usual USB or built-in camera"},
             {"1", "Second camera", "index 1"},
             {"2", "Third camera", "index 2"},
             {"await:|a device path, stream URL or video file", "Other source…", "scan or type it"}},
            choose(SettingField::Camera)});
    if (compactField(ui, "settings.printer", "Label printer", printerText(s.printer), "", width, allowed))
        ui.intents.emit(intent::OpenPicker{
            "Label printer",
            {{"", "No printer: label files", "PNG / PDF in the station's labels folder"},
             {"await:cups:|the CUPS queue's name", "CUPS queue…", "scan or type the queue's name"},
             {"await:|the printer's address, e.g. 192.168.1.50:9100", "Network printer (raw 9100)…",
              "Zebra and other ZPL printers"}},
            choose(SettingField::Printer)});
    std::vector<PickerOption> templates;
    for (const auto& name : settings.templates)
        templates.push_back({name, name, "lot label"});
    if (compactField(ui, "settings.label-template", "Lot label template", s.labelTemplate, "", width,
                     allowed))
        ui.intents.emit(intent::OpenPicker{"Lot label template", templates, choose(SettingField::LabelTemplate)});
    if (compactField(ui, "settings.server", "Central server",
                     s.serverUrl.empty() ? std::optional<std::string>() : std::optional(s.serverUrl),
                     "None: this station works alone", width, allowed))
        ui.intents.emit(
            settings::AwaitText{SettingField::ServerUrl, "the server's address (http://…)", ""});
    drawScaleSettings(s, ui, width, allowed);
    ImGui::PopStyleVar();
    ImGui::PushTextWrapPos(x + width);
    paragraph(ui, "Camera now: " + ui.preview.sourceName, ui.fonts.body, colour::textDim);
    ImGui::PopTextWrapPos();
    if (settings.waitingForText) {
        ImGui::Dummy(ImVec2(0, ui.em(0.3f)));
        const float half = (width - ui.em(0.8f)) / 2;
        if (touchButton(ui, "settings.stop-waiting", "Cancel", ImVec2(half, ui.em(2.6f))))
            ui.intents.emit(settings::StopWaiting{});
        ImGui::SameLine(0, ui.em(0.8f));
        if (touchButton(ui, "settings.keyboard", "⌨  Type it", ImVec2(half, ui.em(2.6f)), ButtonKind::Primary)) {
            const SettingField field = *settings.waitingForText;
            const std::string prefix = settings.waitingPrefix;
            std::string what = settings.waitingFor;
            if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
            ui.intents.emit(intent::OpenKeyboard{what, "", [field, prefix](const std::string& text) {
                                                     return StationFlows::step(settings::Set{field, prefix + text});
                                                 }});
        }
    }
    ImGui::EndGroup();
}

} // namespace lotstation::station::ui
