#pragma once
// What views (and scanners, and keyboards) ask the station to do. Views draw and emit intents; they never
// change state themselves.
#include "lotstation/scan/scanned_code.hpp"
#include "lotstation/station/app_state.hpp"
#include "lotstation/station/workflows/count_flow.hpp"
#include "lotstation/station/workflows/labels_flow.hpp"
#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/workflows/lookup_flow.hpp"
#include "lotstation/station/workflows/move_flow.hpp"
#include "lotstation/station/workflows/produce_flow.hpp"
#include "lotstation/station/workflows/recall_flow.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"
#include "lotstation/station/workflows/settings_flow.hpp"
#include "lotstation/station/workflows/ship_flow.hpp"
#include "lotstation/station/workflows/stock_flow.hpp"

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
    std::string fieldId;
    std::string label;
    QuantityUnit unit = QuantityUnit::Piece;
    std::vector<QuantityUnit> units;
};
struct KeypadPress {
    KeypadKey key;
};
struct KeypadUnit {
    QuantityUnit unit;
};
struct KeypadOk {};
struct KeypadCancel {};
struct OpenPicker {
    std::string fieldId;
    std::string title;
    std::vector<PickerOption> options;
};
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
// Steps of the workflows, passed through to them (see Station).
struct Login {
    LoginIntent step;
};
struct Receive {
    ReceiveIntent step;
};
struct Lookup {
    LookupIntent step;
};
struct Recall {
    RecallIntent step;
};
struct Stock {
    StockIntent step;
};
struct Labels {
    LabelsIntent step;
};
struct Settings {
    SettingsIntent step;
};
// The operator asked for a sync now; the host passes it to its sync client.
struct SyncNow {};
struct Produce {
    ProduceIntent step;
};
struct Ship {
    ShipIntent step;
};
struct Move {
    MoveIntent step;
};
struct Count {
    CountIntent step;
};
} // namespace intent

using Intent =
    std::variant<intent::Navigate, intent::Back, intent::GoHome, intent::OpenKeypad, intent::KeypadPress,
                 intent::KeypadUnit, intent::KeypadOk, intent::KeypadCancel, intent::OpenPicker, intent::Pick,
                 intent::ClosePicker, intent::AskConfirm, intent::Answer, intent::Scanned, intent::KeyPressed,
                 intent::TextTyped, intent::LogOut, intent::Login, intent::Receive, intent::Lookup,
                 intent::Recall, intent::Stock, intent::Labels, intent::Settings, intent::SyncNow,
                 intent::Produce, intent::Ship, intent::Move, intent::Count>;

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
