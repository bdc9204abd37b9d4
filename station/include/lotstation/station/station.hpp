#pragma once
// The station core as the window and the tests drive it: the shell (AppCore: screens, keypad, pickers,
// feedback) plus the workflows over the ledger (log in, receive). It routes scans and entered values to the
// workflow of the screen they arrived on, turns workflow outcomes into flashes and tones, and keeps the
// logged-in operator in step. Plain C++, time passed in.
#include "lotstation/station/app_core.hpp"
#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"

#include <optional>

namespace lotstation::station {

class Station {
  public:
    // Without a ledger the shell runs alone: scans are read but not understood, nothing can be received.
    Station(AppConfig config, TimePoint now, storage::Ledger* ledger);

    Effects apply(const Intent& intent, TimePoint now);
    Effects tick(TimePoint now);

    [[nodiscard]] const AppState& state() const { return m_core.state(); }
    [[nodiscard]] const LoginState* login() const { return m_login ? &m_login->state() : nullptr; }
    [[nodiscard]] const ReceiveState* receive() const { return m_receive ? &m_receive->state() : nullptr; }
    [[nodiscard]] std::vector<storage::User> users() const;

  private:
    Effects routeScan(const scan::ScannedCode& code, TimePoint now);
    Effects routeEntry(const FieldEntry& entry, TimePoint now);
    Effects show(const FlowOutcome& outcome, TimePoint now);
    void keepOperatorInStep(TimePoint now);
    void mirrorReceiveDraft();

    AppCore m_core;
    storage::Ledger* m_ledger;
    std::optional<LoginFlow> m_login;
    std::optional<ReceiveFlow> m_receive;
};

} // namespace lotstation::station
