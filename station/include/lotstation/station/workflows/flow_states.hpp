#pragma once
// Read-only views of the workflows' states, for the window to draw. Null when the station runs without a
// ledger (the shell alone).
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

namespace lotstation::station {

struct FlowStates {
    const LoginState* login = nullptr;
    const ReceiveState* receive = nullptr;
    const LookupState* lookup = nullptr;
    const RecallState* recall = nullptr;
    const StockState* stock = nullptr;
    const LabelsState* labels = nullptr;
    const SettingsState* settings = nullptr;
    const ProduceState* produce = nullptr;
    const ShipState* ship = nullptr;
    const MoveState* move = nullptr;
    const CountState* count = nullptr;
};

} // namespace lotstation::station
