#pragma once
// The station core as the window and the tests drive it: the shell (AppCore: screens, keypad, pickers,
// feedback) plus the workflows over the ledger. It routes scans, entered values and confirmed dialogs to the
// workflow of the screen they arrived on (each a ScreenFlow), turns workflow outcomes into flashes and tones,
// drops a workflow's draft when its screen is left, and keeps the logged-in operator in step. Plain C++, time
// passed in.
#include "lotstation/station/app_core.hpp"
#include "lotstation/station/workflows/flow_states.hpp"
#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"

#include <optional>
#include <vector>

namespace lotstation::station {

class Station {
  public:
    // Without a ledger the shell runs alone: scans are read but not understood, nothing can be recorded.
    Station(AppConfig config, TimePoint now, storage::Ledger* ledger);

    Effects apply(const Intent& intent, TimePoint now);
    Effects tick(TimePoint now);
    void restartFeedback(TimePoint now) { m_core.restartFeedback(now); }
    void setSync(SyncStatus status) { m_core.setSync(std::move(status)); } // from the background sync

    [[nodiscard]] const AppState& state() const { return m_core.state(); }
    [[nodiscard]] FlowStates flows() const;
    [[nodiscard]] const LoginState* login() const { return flows().login; }
    [[nodiscard]] const ReceiveState* receive() const { return flows().receive; }
    [[nodiscard]] std::vector<storage::User> users() const;

  private:
    // A workflow's own step (intent::Receive, ...) goes straight to it; nullopt when the intent is the
    // shell's.
    std::optional<Effects> step(const Intent& intent, TimePoint now);
    Effects routeScan(const scan::ScannedCode& code, TimePoint now);
    Effects routeEntry(const FieldEntry& entry, TimePoint now);
    Effects routeConfirmed(const std::string& actionId, TimePoint now);
    Effects show(const FlowOutcome& outcome, TimePoint now);
    void keepOperatorInStep(TimePoint now);
    // Drops the drafts of screens no longer on the stack and mirrors what each would lose into the shell.
    void settleDrafts();
    [[nodiscard]] FlowContext context(TimePoint now) const;
    [[nodiscard]] std::vector<ScreenFlow*> screenFlows();
    [[nodiscard]] ScreenFlow* flowFor(Screen screen);

    AppCore m_core;
    storage::Ledger* m_ledger;
    std::optional<LoginFlow> m_login;
    std::optional<ReceiveFlow> m_receive;
};

} // namespace lotstation::station
