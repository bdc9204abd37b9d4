#pragma once
// Everything the station window shows, as plain data. Views read it; only AppCore (app_core.hpp) changes it.
#include "lotstation/scan/scanned_code.hpp"
#include "lotstation/station/feedback.hpp"
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/scale_session.hpp"
#include "lotstation/station/screen.hpp"
#include "lotstation/station/text_entry.hpp"
#include "lotstation/station/workflows/flow_registry.hpp"

#include <functional>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::station {

enum class SyncLink { NotConfigured, Offline, Online, Failing };

struct SyncStatus {
    SyncLink link = SyncLink::NotConfigured;
    long pendingEvents = 0;
    std::optional<std::string> lastContact; // already formatted for people: "09:41", "yesterday 17:02"
    long conflicts = 0;                     // open conflicts the server lists for a supervisor
    std::optional<std::string> lastError;   // why the link is offline / failing, or why pushing stopped
    // A pull of many pages under way (a new station, or one back after days offline): how far it is.
    struct CatchUp {
        long done = 0;
        long total = -1; // -1: an older server does not say
    };
    std::optional<CatchUp> catchingUp;
};

// A session's typed return address: what the keypad's quantity or the picker's choice becomes, a step of the
// flow that opened it, routed by type like any other step.
using QuantityReply = std::function<FlowStep(const Quantity&)>;
struct PickerOption;
using ChoiceReply = std::function<FlowStep(const PickerOption&)>;
using TextReply = std::function<FlowStep(const std::string&)>;

// The usual replies: the quantity, the option's id or the option's label as the step's one field.
template <FlowStepType Step> QuantityReply replyQuantity() {
    return [](const Quantity& quantity) { return StationFlows::step(Step{quantity}); };
}
template <FlowStepType Step> ChoiceReply replyId();
template <FlowStepType Step> ChoiceReply replyLabel();

// The on-screen text keyboard, open over a text field (a name, a reason, a note, a code). A hardware keyboard
// and a keyboard-wedge scanner type into it too; a camera scan fills it.
struct KeyboardSession {
    std::string label; // "Business name"
    TextEntry entry;
    std::string hint;                   // what fits here: "Up to 4 letters or digits"
    bool secret = false;                // a PIN: shown as dots
    std::optional<std::string> problem; // why Done was refused, shown until the next key
    TextReply reply;
};

// The numeric keypad, open over a quantity field.
struct KeypadSession {
    std::string label; // "Counted quantity"
    QuantityEntry entry;
    std::vector<QuantityUnit> units;    // the unit buttons offered; empty = the entry's unit only
    std::optional<std::string> problem; // why OK was refused, shown in the keypad until the next key
    QuantityReply reply;
    // The entry follows the station's scale (a weight, with a scale chosen in Settings) until a key is typed;
    // OK then takes the scale's stable reading and names the scale on the quantity.
    bool followsScale = false;
};

struct PickerOption {
    std::string id;     // stable: the widget id is "picker.<id>"
    std::string label;  // "Shea butter"
    std::string detail; // "RM-SHEA · kg"
};

// The master data the pickers offer, read from the ledger (catalogOf in catalog.hpp).
struct Catalog {
    std::vector<PickerOption> items;
    std::vector<PickerOption> suppliers;
    std::vector<PickerOption> locations;
    std::vector<PickerOption> recipes;
    std::vector<PickerOption> customers;
    std::vector<PickerOption> users; // id = name, detail = role
};

template <FlowStepType Step> ChoiceReply replyId() {
    return [](const PickerOption& option) { return StationFlows::step(Step{option.id}); };
}
template <FlowStepType Step> ChoiceReply replyLabel() {
    return [](const PickerOption& option) { return StationFlows::step(Step{option.label}); };
}
template <FlowStepType Step> TextReply replyText() {
    return [](const std::string& text) { return StationFlows::step(Step{text}); };
}

// A big scrolling list to choose one of (items, locations, recipes).
struct PickerSession {
    std::string title;
    std::vector<PickerOption> options;
    ChoiceReply reply;
    // When set, the list also offers typing an answer of one's own on the keyboard, under this caption
    // ("Type another reason"); the typed text reaches the reply as an option whose id and label are the text.
    std::optional<std::string> typeOwn;
};

struct ConfirmRequest {
    std::string question; // "Finish the run?"
    std::string detail;   // "The output lot is recorded."
    std::string confirmLabel = "Yes";
    std::string cancelLabel = "No";
    std::optional<FlowStep> onYes; // the step a yes sends; none: leaving the screen (the shell's own confirm)
};

struct LastScan {
    std::string text;
    scan::ScanOrigin origin = scan::ScanOrigin::Wedge;
    TimePoint at{};
};

struct AppState {
    std::string stationName;
    std::optional<std::string> userName; // nobody logged in when empty
    SyncStatus sync;
    std::optional<ScaleReadout> scale; // the scale chosen in Settings, as last polled; none chosen when empty
    Catalog catalog;
    std::vector<Screen> navigation{Screen::Home}; // never empty; Home at the bottom
    std::optional<KeypadSession> keypad;
    std::optional<KeyboardSession> keyboard;
    std::optional<PickerSession> picker;
    std::optional<ConfirmRequest> confirm;
    std::optional<Feedback> feedback;
    std::optional<LastScan> lastScan;
    std::string pendingWedge; // what a keyboard-wedge scanner has typed so far (shown faintly)
    TimePoint now{};          // the time this state was last brought up to date

    [[nodiscard]] Screen screen() const { return navigation.back(); }
    [[nodiscard]] bool modalOpen() const { return keypad || keyboard || picker || confirm; }
};

} // namespace lotstation::station
