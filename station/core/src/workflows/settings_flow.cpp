#include "lotstation/station/workflows/settings_flow.hpp"
#include "lotstation/core/text.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/labels/print.hpp"
#include "lotstation/scale/protocol.hpp"
#include "lotstation/station/scale_session.hpp"

#include <algorithm>

namespace lotstation::station {

namespace {

// Why the value does not fit the field, or nothing.
std::optional<std::string> invalid(SettingField field, const std::string& value,
                                   const std::vector<std::string>& templates) {
    switch (field) {
    case SettingField::StationName:
        if (value.empty()) return "The station needs a name";
        if (value.size() > 40) return "A station name of at most 40 characters, please";
        return std::nullopt;
    case SettingField::ServerUrl:
        if (value.empty()) return std::nullopt; // no server: the station works alone
        if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0)
            return "The server address starts with http:// or https://";
        return std::nullopt;
    case SettingField::Printer:
        if (value.empty() || value.front() == '/') return std::nullopt; // files
        if (auto target = labels::parsePrinterTarget(value); !target) return target.error().message;
        return std::nullopt;
    case SettingField::LabelTemplate:
        if (std::find(templates.begin(), templates.end(), value) == templates.end())
            return "No lot label template " + value;
        return std::nullopt;
    case SettingField::Camera:
        return std::nullopt;
    case SettingField::ScalePort:
        if (value.empty() || value.front() == '/') return std::nullopt; // none, or a device path
        return "A scale is a device path such as /dev/ttyUSB0";
    case SettingField::ScaleProtocol:
        if (auto protocol = scale::parseProtocol(value); !protocol) return protocol.error().message;
        return std::nullopt;
    case SettingField::ScaleBaud:
        if (auto baud = scaleBaudOf(value); !baud) return baud.error().message;
        return std::nullopt;
    }
    return std::nullopt;
}

std::string& fieldOf(StationSettings& settings, SettingField field) {
    switch (field) {
    case SettingField::StationName:
        return settings.stationName;
    case SettingField::Camera:
        return settings.cameraSource;
    case SettingField::Printer:
        return settings.printer;
    case SettingField::LabelTemplate:
        return settings.labelTemplate;
    case SettingField::ScalePort:
        return settings.scalePort;
    case SettingField::ScaleProtocol:
        return settings.scaleProtocol;
    case SettingField::ScaleBaud:
        return settings.scaleBaud;
    case SettingField::ServerUrl:
        break;
    }
    return settings.serverUrl;
}

} // namespace

const char* toString(SettingField field) {
    switch (field) {
    case SettingField::StationName:
        return "station name";
    case SettingField::Camera:
        return "camera";
    case SettingField::Printer:
        return "printer";
    case SettingField::LabelTemplate:
        return "label template";
    case SettingField::ServerUrl:
        return "server";
    case SettingField::ScalePort:
        return "scale";
    case SettingField::ScaleProtocol:
        return "scale protocol";
    case SettingField::ScaleBaud:
        return "scale baud rate";
    }
    return "?";
}

SettingsFlow::SettingsFlow(const storage::Ledger& ledger, std::filesystem::path file, StationSettings current,
                           std::vector<std::string> templates)
    : m_ledger(ledger), m_file(std::move(file)) {
    m_state.settings = std::move(current);
    m_state.templates = std::move(templates);
}

void SettingsFlow::cancel() {
    m_state.waitingForText.reset();
    m_state.waitingFor.clear();
    m_state.waitingPrefix.clear();
    m_state.problem.reset();
    m_state.saved.reset();
}

std::optional<std::string> SettingsFlow::whyNot(const FlowContext& context) const {
    if (!context.user) return "Log in as a supervisor to change settings";
    auto user = m_ledger.user(*context.user);
    if (!user) return user.error().message;
    if (user->role == storage::UserRole::Operator)
        return "Only a supervisor or admin changes settings; " + user->name + " is an operator";
    return std::nullopt;
}

FlowOutcome SettingsFlow::apply(const SettingsIntent& intent, const FlowContext& context) {
    if (auto why = whyNot(context)) return refuse(*why);
    return std::visit(Overloaded{
                          [&](const settings::Set& i) { return set(i.field, i.value, context); },
                          [&](const settings::AwaitText& i) {
                              m_state.waitingForText = i.field;
                              m_state.waitingFor = i.what;
                              m_state.waitingPrefix = i.prefix;
                              m_state.problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const settings::StopWaiting&) {
                              m_state.waitingForText.reset();
                              m_state.waitingFor.clear();
                              m_state.waitingPrefix.clear();
                              return FlowOutcome::quiet();
                          },
                          [&](const settings::Choose& i) {
                              const std::string& option = i.option;
                              if (option.rfind("await:", 0) != 0)
                                  return apply(settings::Set{i.field, option}, context);
                              const auto bar = option.find('|');
                              const std::string prefix =
                                  option.substr(6, bar == std::string::npos ? 0 : bar - 6);
                              const std::string what =
                                  bar == std::string::npos ? toString(i.field) : option.substr(bar + 1);
                              return apply(settings::AwaitText{i.field, what, prefix}, context);
                          },
                      },
                      intent);
}

std::optional<FlowOutcome> SettingsFlow::scanned(const scan::Meaning& meaning, const FlowContext& context) {
    if (!m_state.waitingForText) return std::nullopt;
    std::string text;
    if (const auto* key = std::get_if<scan::LookupKey>(&meaning))
        text = key->key;
    else if (const auto* location = std::get_if<scan::OwnLocation>(&meaning))
        text = location->location;
    else if (const auto* link = std::get_if<scan::DigitalLink>(&meaning))
        text = link->uri;
    else if (const auto* other = std::get_if<scan::Unreadable>(&meaning)) // a plain URL is no GS1 link
        text = other->shown;
    else
        return refuse("That code is not a " + std::string(toString(*m_state.waitingForText)));
    return apply(settings::Set{*m_state.waitingForText, m_state.waitingPrefix + text}, context);
}

FlowOutcome SettingsFlow::set(SettingField field, std::string value, const FlowContext&) {
    value = trimmed(std::move(value));
    if (auto why = invalid(field, value, m_state.templates)) return refuse(*why);
    StationSettings next = m_state.settings;
    fieldOf(next, field) = value;
    if (auto saved = saveSettings(m_file, next); !saved) return refuse(saved.error().message);
    m_state.settings = std::move(next);
    m_state.waitingForText.reset();
    m_state.waitingFor.clear();
    m_state.waitingPrefix.clear();
    m_state.problem.reset();
    std::string shown = value.empty() ? "(default)" : value;
    std::string what = toString(field);
    what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    m_state.saved = what + ": " + shown;
    return FlowOutcome::accepted("Saved · " + *m_state.saved);
}

FlowOutcome SettingsFlow::refuse(std::string message) {
    m_state.problem = message;
    return FlowOutcome::refused(std::move(message));
}

} // namespace lotstation::station
