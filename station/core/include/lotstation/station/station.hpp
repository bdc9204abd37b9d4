#pragma once
// The station core as the window and the tests drive it: the shell (AppCore: screens, keypad, pickers,
// feedback) plus the registered workflows over the ledger (flow_registry.hpp). A workflow's step reaches its
// flow by type; a scan goes to the flow of the screen it arrived on; workflow outcomes become flashes and tones;
// a screen that leaves the navigation drops its flow's draft, once; the logged-in operator is kept in step.
// Plain C++, time passed in.
#include "lotstation/station/app_core.hpp"
#include "lotstation/station/station_files.hpp"
#include "lotstation/station/workflows/flow_registry.hpp"

#include <optional>
#include <vector>

namespace lotstation::station {

class Station {
  public:
    // Without a ledger the shell runs alone: scans are read but not understood, nothing can be recorded.
    Station(AppConfig config, TimePoint now, storage::Ledger* ledger, StationFiles files = {});
    // The flows refer to the station (the label preview reads the template chosen in Settings).
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
    void setScale(std::optional<ScaleReadout> readout) { m_core.setScale(std::move(readout)); } // polled

    [[nodiscard]] const AppState& state() const { return m_core.state(); }
    // The registered flows, read-only, for the views; their states through stateOf.
    [[nodiscard]] const StationFlows& flows() const { return m_flows; }
    template <class F> [[nodiscard]] const typename F::State* stateOf() const {
        const F* flow = m_flows.get<F>();
        return flow ? &flow->state() : nullptr;
    }
    [[nodiscard]] std::vector<storage::User> users() const;

  private:
    Effects routeStep(const FlowStep& step, TimePoint now);
    Effects routeScan(const scan::ScannedCode& code, TimePoint now);
    Effects show(const FlowOutcome& outcome, TimePoint now);
    void keepOperatorInStep(TimePoint now);
    void left(const std::vector<Screen>& screens);
    [[nodiscard]] FlowContext context(TimePoint now) const;

    AppCore m_core;
    storage::Ledger* m_ledger;
    StationFlows m_flows;
};

} // namespace lotstation::station
