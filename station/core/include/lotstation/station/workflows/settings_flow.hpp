#pragma once
// Settings: camera, printer, label template, station name, server address and the weighing scale (its device,
// protocol and baud rate), for supervisors and admins.
// Choices come from pickers; free text (a CUPS queue, a printer's address, the server URL, the station's
// name) arrives the way text arrives on a tablet: scanned from a code (lotstation-server can print its URL as
// QR) or typed on a keyboard while the field waits for it. A picker option whose id is
// "await:<prefix>|<what>" (e.g. "await:cups:|the CUPS queue's name") makes the field wait for text. Each
// change is validated, then saved at once to the settings file (station_settings.hpp).
#include "lotstation/station/station_settings.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class SettingField { StationName, Camera, Printer, LabelTemplate, ServerUrl, ScalePort, ScaleProtocol, ScaleBaud };

[[nodiscard]] const char* toString(SettingField field); // "station name", "camera", ...

struct SettingsState {
    StationSettings settings;
    std::optional<SettingField> waitingForText; // the next scan or typed line sets this field
    std::string waitingFor;                     // what it waits for: "the CUPS queue's name", ...
    std::string waitingPrefix;                  // put before the text: "cups:" for a queue's name
    std::vector<std::string> templates;         // lot label templates to choose from
    std::optional<std::string> problem;
    std::optional<std::string> saved; // the last change, in words: "Printer: cups:Zebra"
};

namespace settings {
struct Set { // a value for a field, from a picker or as text
    SettingField field;
    std::string value;
};
struct AwaitText { // the next scan / typed line is the field's value; `what` says what is expected
    SettingField field;
    std::string what;
    std::string prefix; // "cups:" when the text is a CUPS queue's name
};
struct StopWaiting {};
// An option of a field's picker: a value, or "await:PREFIX|WHAT" (the next scan or typed line, after PREFIX).
struct Choose {
    SettingField field;
    std::string option;
};
} // namespace settings

using SettingsIntent = std::variant<settings::Set, settings::AwaitText, settings::StopWaiting, settings::Choose>;

class SettingsFlow final : public ScreenFlow {
  public:
    using Intent = SettingsIntent;
    using State = SettingsState;

    explicit SettingsFlow(const FlowDeps& deps)
        : SettingsFlow(deps.ledger, deps.files.settingsFile, deps.files.settings, deps.files.labelTemplates) {}
    SettingsFlow(const storage::Ledger& ledger, std::filesystem::path file, StationSettings current,
                 std::vector<std::string> templates);

    // Changes need a supervisor or admin logged in.
    FlowOutcome apply(const SettingsIntent& intent, const FlowContext& context = {});
    [[nodiscard]] const SettingsState& state() const { return m_state; }
    [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

    [[nodiscard]] Screen screen() const override { return Screen::Settings; }
    [[nodiscard]] std::optional<FlowOutcome> scanned(const scan::Meaning& meaning,
                                                     const FlowContext& context) override;
    void cancel() override;
    [[nodiscard]] std::map<std::string, std::string> unsaved() const override { return {}; }

  private:
    [[nodiscard]] std::optional<std::string> whyNot(const FlowContext& context) const;
    FlowOutcome set(SettingField field, std::string value, const FlowContext& context);
    FlowOutcome refuse(std::string message);

    const storage::Ledger& m_ledger;
    std::filesystem::path m_file;
    SettingsState m_state;
};

} // namespace lotstation::station
