#pragma once
// The station shell's state machine: navigation, keypad, pickers, confirm dialogs, feedback, idle log-out and
// keyboard-wedge input. Plain C++, time passed in, so tests drive it without a window.
#include "lotstation/station/app_state.hpp"
#include "lotstation/station/idle_timer.hpp"
#include "lotstation/station/intents.hpp"
#include "lotstation/station/wedge_buffer.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::station {

struct AppConfig {
    std::string stationName = "Station";
    Clock::duration idleLogout = std::chrono::minutes(5);
    Clock::duration feedbackFor = std::chrono::milliseconds(1500);
    Clock::duration wedgeMaxGap = std::chrono::milliseconds(300);
    bool firstRun = false; // a new ledger, not the demo: the station opens on its setup
};

// What the host must do after an intent: things outside the shell's state (sound, workflows, actions).
struct Effects {
    std::optional<FeedbackKind> tone;
    std::vector<FlowStep> steps;           // a keypad, picker or confirm answered: the steps it sends back
    std::vector<Screen> left;              // screens that left the navigation stack, topmost first
    std::optional<scan::ScannedCode> scan; // a scan arrived (camera or wedge); the shell does not judge it
    std::vector<std::string> labelsToPrint; // lot codes a workflow wants labels for
    std::vector<LabelRequest> otherLabels;  // location and badge labels a workflow wants
    bool openDemo = false;                  // the first run's Try the demo: the host opens the demo ledger
    std::optional<ScaleCommand> scaleCommand; // tare / zero: the host sends it to its scale
};

class AppCore {
  public:
    explicit AppCore(AppConfig config, TimePoint now);

    [[nodiscard]] const AppState& state() const { return m_state; }
    Effects apply(const Intent& intent, TimePoint now);
    // Expires feedback and logs out an idle operator; call once per frame.
    Effects tick(TimePoint now);

    // Flashes (and sounds) what a workflow said.
    Effects show(FeedbackKind kind, std::string headline, std::string detail, TimePoint now) {
        return flash(kind, std::move(headline), std::move(detail), now);
    }

    // Starts the current flash's time again: a slow step (checking a PIN's hash) must not use up the time the
    // operator has to see what it said.
    void restartFeedback(TimePoint now);

    // Fed by the login workflow and the sync client.
    void logIn(std::string userName, TimePoint now);
    void logOut() { m_state.userName.reset(); }
    void setSync(SyncStatus status) { m_state.sync = std::move(status); }
    // The scale as polled this frame (none chosen: nullopt); an open keypad that follows it shows its reading.
    void setScale(std::optional<ScaleReadout> readout);
    void setCatalog(Catalog catalog) { m_state.catalog = std::move(catalog); }
    void setStationName(std::string name) { m_state.stationName = std::move(name); }
    // Whether leaving the screen would throw away entries (Back asks first); the workflows know.
    void setUnsavedCheck(std::function<bool(Screen)> unsaved) { m_unsaved = std::move(unsaved); }

  private:
    Effects flash(FeedbackKind kind, std::string headline, std::string detail, TimePoint now);
    Effects back(TimePoint now);
    Effects keypadOk(TimePoint now);
    void followScale(); // the open keypad's entry shows the scale's reading
    Effects keyboardDone(TimePoint now);
    Effects pickerTypeOwn();
    Effects scanned(const scan::ScannedCode& code, TimePoint now);
    Effects key(Key key, TimePoint now);
    Effects text(const std::string& text, TimePoint now);
    void leaveScreen();
    void leaveAll();
    Effects withLeft(Effects effects);

    AppConfig m_config;
    AppState m_state;
    IdleTimer m_idle;
    WedgeBuffer m_wedge;
    std::function<bool(Screen)> m_unsaved;
    std::vector<Screen> m_left; // left since the last Effects were handed out
};

} // namespace lotstation::station
