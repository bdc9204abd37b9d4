#pragma once
// The views: functions of (const AppState&, Ui&) that draw and emit intents. No database, file, network or
// camera calls happen here, and no view keeps state of its own between frames.
#include "lotstation/station/app_state.hpp"
#include "ui_context.hpp"

namespace lotstation::station::ui {

// The whole frame: status bar, the current screen, then any open dialog on top, then the feedback flash.
void drawStation(const AppState& state, Ui& ui, ImVec2 viewport);

void drawStatusBar(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max);
void drawHome(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max);
void drawWorkflowScreen(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max);
void drawCameraPreview(Ui& ui, ImVec2 min, ImVec2 max);
// Bodies of the screens below the header; a registered flow's body is the drawFlowBody of its state (one
// overload per flow, the only line a new workflow adds here).
void drawLoginBody(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const ReceiveState& receive, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const LookupState& lookup, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const RecallState& recall, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const StockState& stock, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const LabelsState& labels, Ui& ui, ImVec2 min, ImVec2 max);
void drawSyncBody(const AppState& state, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const SettingsState& settings, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const ProduceState& produce, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const ShipState& ship, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const MoveState& move, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const CountState& count, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const QualityState& quality, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const SetupState& setup, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const RecordsState& records, Ui& ui, ImVec2 min, ImVec2 max);
void drawFlowBody(const AppState& state, const CostsState& costs, Ui& ui, ImVec2 min, ImVec2 max);
void drawKeypad(const KeypadSession& keypad, Ui& ui, ImVec2 viewport, float top);
void drawKeyboard(const KeyboardSession& keyboard, Ui& ui, ImVec2 viewport, float top);
void drawPicker(const PickerSession& picker, Ui& ui, ImVec2 viewport, float top);
void drawConfirm(const ConfirmRequest& confirm, Ui& ui, ImVec2 viewport);
void drawFeedback(const AppState& state, Ui& ui, ImVec2 viewport, float top);

} // namespace lotstation::station::ui
