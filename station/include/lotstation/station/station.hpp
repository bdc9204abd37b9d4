#pragma once
// The station core as the window and the tests drive it: the shell (AppCore: screens, keypad, pickers,
// feedback) plus the workflows over the ledger. It routes scans, entered values and confirmed dialogs to the
// workflow of the screen they arrived on (each a ScreenFlow), turns workflow outcomes into flashes and tones,
// drops a workflow's draft when its screen is left, and keeps the logged-in operator in step. Plain C++, time
// passed in.
#include "lotstation/station/app_core.hpp"
#include "lotstation/station/station_files.hpp"
#include "lotstation/station/workflows/count_flow.hpp"
#include "lotstation/station/workflows/flow_states.hpp"
#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/workflows/move_flow.hpp"
#include "lotstation/station/workflows/produce_flow.hpp"
#include "lotstation/station/workflows/receive_flow.hpp"
#include "lotstation/station/workflows/ship_flow.hpp"

#include <optional>
#include <vector>

namespace lotstation::station {

class Station {
  public:
    // Without a ledger the shell runs alone: scans are read but not understood, nothing can be recorded.
    Station(AppConfig config, TimePoint now, storage::Ledger* ledger, StationFiles files = {});
    // Workflows refer to each other through this object (the label preview reads the chosen template).
    Station(const Station&) = delete;
    Station& operator=(const Station&) = delete;

    Effects apply(const Intent& intent, TimePoint now);
    Effects tick(TimePoint now);
    void restartFeedback(TimePoint now) { m_core.restartFeedback(now); }
    // Flashes what the host did outside the workflows (a label printed, a printer that did not answer).
    Effects notify(FeedbackKind kind, std::string headline, std::string detail, TimePoint now) {
        return m_core.show(kind, std::move(headline), std::move(detail), now);
    }
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
    // The Labels screen's preview in the lot template chosen in Settings.
    [[nodiscard]] LabelPreviewer previewerOf(std::shared_ptr<const LabelPrinter> printer) const;
    [[nodiscard]] ScreenFlow* flowFor(Screen screen);

    AppCore m_core;
    storage::Ledger* m_ledger;
    std::optional<LoginFlow> m_login;
    std::optional<ReceiveFlow> m_receive;
    std::optional<LookupFlow> m_lookup;
    std::optional<RecallFlow> m_recall;
    std::optional<StockFlow> m_stock;
    std::optional<LabelsFlow> m_labels;
    std::optional<SettingsFlow> m_settings;
    std::optional<ProduceFlow> m_produce;
    std::optional<ShipFlow> m_ship;
    std::optional<MoveFlow> m_move;
    std::optional<CountFlow> m_count;
};

} // namespace lotstation::station
