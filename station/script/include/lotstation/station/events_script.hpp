#pragma once
// Driving the station from a script of events, one per line, for end-to-end tests and recorded demos:
//
//   # a comment
//   tap home.receive            tap the widget with this id at its centre (mouse move, press, release)
//   scan LS:LOT:SOAP-261124-01  a scan, as if from the camera
//   wedge 0104012345678901      a keyboard-wedge burst: the text typed as keys, then Enter
//   type 2.5                    taps on the on-screen keypad: keypad.2, keypad.dot, keypad.5
//   spell Rose & Co             taps on the text keyboard: keyboard.shift, keyboard.r, ..., keyboard.space, ...
//   drag picker.list -300       press on the widget's centre, move the finger 300 px up, release (scrolls
//   lists) key Enter                   a key: Enter, Backspace, Escape, Tab wait 500ms | wait 2s | wait 10
//   frames screenshot receive.png      the next frame, to a PNG (relative names go to the screenshot folder)
//   expect text "Receive"       fail the run unless some text drawn in the last frame contains this
//   expect no-text "Keypad"     fail the run if some text drawn in the last frame contains this
//   quit
#include "lotstation/core/error.hpp"
#include "lotstation/station/feedback.hpp"
#include "lotstation/station/frame_record.hpp"
#include "lotstation/station/intents.hpp"

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::station {

enum class ScriptAction {
    Tap,
    Drag,
    Scan,
    Wedge,
    Key,
    WaitMs,
    WaitFrames,
    Screenshot,
    ExpectText,
    ExpectNoText,
    Quit
};

struct ScriptEvent {
    int line = 0; // 1-based line in the script, for messages
    ScriptAction action = ScriptAction::Quit;
    std::string text; // widget id, payload, file name or expected text
    Key key = Key::Enter;
    long count = 0; // milliseconds or frames; pixels to drag (negative = up)
};

// A parse error names its line: "line 4: unknown event \"tapp\"".
[[nodiscard]] std::expected<std::vector<ScriptEvent>, Error> parseEventScript(std::string_view source);
[[nodiscard]] std::expected<std::vector<ScriptEvent>, Error>
loadEventScript(const std::filesystem::path& path);

struct PointerState {
    float x = 0, y = 0;
    bool down = false;
};

// What the host does this frame on the script's behalf.
struct ScriptStep {
    std::optional<PointerState> pointer; // overrides the real mouse while a script runs
    std::vector<Intent> intents;         // scans, typed text and keys, in order
    std::optional<std::string> screenshot;
    bool quit = false;
};

struct ScriptLimits {
    long tapTimeoutFrames = 90; // how long a tap waits for its widget to appear before the run fails
    long settleFrames = 2;      // frames after each action so its effect is drawn before the next step
};

class ScriptRunner {
  public:
    explicit ScriptRunner(std::vector<ScriptEvent> events, ScriptLimits limits = {});

    // Called once per frame before it is built, with what the previous frame drew.
    [[nodiscard]] ScriptStep step(long frame, TimePoint now, const FrameRecord& drawn);
    // The host reports what it could not do (a screenshot that failed to write).
    void fail(std::string message) { m_failures.push_back(std::move(message)); }

    [[nodiscard]] bool finished() const { return m_next >= m_events.size(); }
    [[nodiscard]] const std::vector<std::string>& failures() const { return m_failures; }
    [[nodiscard]] std::size_t screenshotsTaken() const { return m_screenshots; }
    [[nodiscard]] std::size_t checksPassed() const { return m_checksPassed; }

  private:
    void advance();
    void failAt(const ScriptEvent& event, const std::string& what);

    std::vector<ScriptEvent> m_events;
    ScriptLimits m_limits;
    std::size_t m_next = 0;
    int m_tapPhase = 0;
    float m_dragStartY = 0;
    long m_waitedFrames = 0;
    long m_settle = 0;
    std::optional<long> m_waitUntilFrame;
    std::optional<TimePoint> m_waitUntil;
    std::optional<PointerState> m_pointer;
    std::vector<std::string> m_failures;
    std::size_t m_screenshots = 0;
    std::size_t m_checksPassed = 0;
};

} // namespace lotstation::station
