#pragma once
// Read-only views of the workflows' states, for the window to draw. Null when the station runs without a
// ledger (the shell alone).
#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"

namespace lotstation::station {

struct FlowStates {
    const LoginState* login = nullptr;
    const ReceiveState* receive = nullptr;
};

} // namespace lotstation::station
