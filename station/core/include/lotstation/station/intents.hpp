#pragma once
// What views (and scanners, and keyboards) ask the station to do. Views draw and emit intents; they never
// change state themselves. The shell's own intents are listed here; a workflow's steps (receive::Confirm, ...)
// are intents too, routed to their flow by type (flow_registry.hpp), so nothing here names a workflow.
#include "lotstation/scan/scanned_code.hpp"
#include "lotstation/station/app_state.hpp"
#include "lotstation/station/workflows/flow_registry.hpp"

#include <utility>
#include <variant>
#include <vector>

namespace lotstation::station {

enum class Key { Enter, Backspace, Escape, Tab };

namespace intent {
struct Navigate {
    Screen to;
};
struct Back {};
struct GoHome {};
struct OpenKeypad {
    std::string label;
    QuantityUnit unit = QuantityUnit::Piece;
    std::vector<QuantityUnit> units;
    QuantityReply reply; // the step the typed quantity becomes
    bool weighable = false; // a weight that may be read from the station's scale (Produce, Receive, Count)
};
struct KeypadPress {
    KeypadKey key;
};
struct KeypadUnit {
    QuantityUnit unit;
};
struct KeypadOk {};
struct KeypadFollowScale {}; // back to the scale's reading after typing
struct ScaleTare {};         // the host sends the command to its scale
struct ScaleZero {};
struct KeypadCancel {};
struct OpenKeyboard {
    std::string label;
    std::string text; // what the field holds now: edited, not retyped
    TextReply reply;  // the step the typed text becomes
    std::string hint;
    std::size_t maxCharacters = 80;
    bool secret = false;
};
struct KeyboardPress {
    std::string key; // a TextKey id: "a", "shift", "back", "layer.accents", ...
};
struct KeyboardDone {};
struct KeyboardCancel {};
struct OpenPicker {
    std::string title;
    std::vector<PickerOption> options;
    ChoiceReply reply; // the step the chosen option becomes
    std::optional<std::string> typeOwn{}; // see PickerSession::typeOwn
};
struct PickerTypeOwn {}; // the picker's "type your own" button: the keyboard replaces the list
struct Pick {
    std::string optionId;
};
struct ClosePicker {};
struct AskConfirm {
    ConfirmRequest request;
};
struct Answer {
    bool yes = false;
};
struct Scanned {
    scan::ScannedCode code;
};
struct KeyPressed {
    Key key;
};
struct TextTyped {
    std::string text;
};
struct LogOut {};
// The operator asked for a sync now; the host passes it to its sync client.
struct SyncNow {};
} // namespace intent

using ShellIntent =
    std::variant<intent::Navigate, intent::Back, intent::GoHome, intent::OpenKeypad, intent::KeypadPress,
                 intent::KeypadUnit, intent::KeypadOk, intent::KeypadFollowScale, intent::ScaleTare,
                 intent::ScaleZero, intent::KeypadCancel, intent::OpenKeyboard,
                 intent::KeyboardPress, intent::KeyboardDone, intent::KeyboardCancel, intent::OpenPicker,
                 intent::PickerTypeOwn, intent::Pick,
                 intent::ClosePicker, intent::AskConfirm, intent::Answer, intent::Scanned, intent::KeyPressed,
                 intent::TextTyped, intent::LogOut, intent::SyncNow, FlowStep>;

// A shell intent, or any registered flow's step as it is (`receive::Next{}`), wrapped by type.
struct Intent : ShellIntent {
    template <class T>
        requires(!FlowStepType<std::remove_cvref_t<T>> && std::constructible_from<ShellIntent, T>)
    Intent(T&& intent) : ShellIntent(std::forward<T>(intent)) {}
    template <FlowStepType S> Intent(S step) : ShellIntent(StationFlows::step(std::move(step))) {}
};

// Where a frame's views put what the operator asked for; the host applies them after the frame.
class IntentSink {
  public:
    void emit(Intent intent) { m_intents.push_back(std::move(intent)); }
    [[nodiscard]] std::vector<Intent> take() { return std::exchange(m_intents, {}); }
    [[nodiscard]] bool empty() const { return m_intents.empty(); }

  private:
    std::vector<Intent> m_intents;
};

} // namespace lotstation::station
