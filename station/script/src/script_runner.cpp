#include "lotstation/station/events_script.hpp"

namespace lotstation::station {
namespace {

std::string listTexts(const FrameRecord& drawn) {
    std::string out;
    for (const auto& text : drawn.texts()) {
        if (out.size() > 300) return out + ", ...";
        out += (out.empty() ? "\"" : ", \"") + text + "\"";
    }
    return out.empty() ? "nothing" : out;
}

} // namespace

ScriptRunner::ScriptRunner(std::vector<ScriptEvent> events, ScriptLimits limits)
    : m_events(std::move(events)), m_limits(limits) {}

void ScriptRunner::advance() {
    ++m_next;
    m_tapPhase = 0;
    m_waitedFrames = 0;
    m_waitUntilFrame.reset();
    m_waitUntil.reset();
}

void ScriptRunner::failAt(const ScriptEvent& event, const std::string& what) {
    m_failures.push_back("line " + std::to_string(event.line) + ": " + what);
}

ScriptStep ScriptRunner::step(long frame, TimePoint now, const FrameRecord& drawn) {
    ScriptStep out;
    out.pointer = m_pointer;
    // Checks that cost no frame (waits that are over, expectations) run back to back; anything the app must
    // react to ends this frame's step.
    while (!finished()) {
        if (m_settle > 0) {
            --m_settle;
            return out;
        }
        const ScriptEvent& event = m_events[m_next];
        switch (event.action) {
        case ScriptAction::Tap: {
            if (m_tapPhase == 0) {
                const auto where = drawn.find(event.text);
                if (!where) {
                    if (++m_waitedFrames > m_limits.tapTimeoutFrames) {
                        failAt(event, "tap " + event.text + ": no widget with that id was drawn");
                        m_next = m_events.size(); // the rest of the script would tap blind
                        out.quit = true;
                    }
                    return out;
                }
                m_pointer = PointerState{where->centerX(), where->centerY(), false};
                m_tapPhase = 1;
            } else if (m_tapPhase == 1) {
                m_pointer->down = true;
                m_tapPhase = 2;
            } else {
                m_pointer->down = false;
                advance();
                m_settle = m_limits.settleFrames;
            }
            out.pointer = m_pointer;
            return out;
        }
        case ScriptAction::Drag: {
            // Phase 0 finds the widget and puts the finger on it; 1 presses; 2..(1+kSteps) move; then
            // release.
            constexpr int kSteps = 8;
            if (m_tapPhase == 0) {
                const auto where = drawn.find(event.text);
                if (!where) {
                    if (++m_waitedFrames > m_limits.tapTimeoutFrames) {
                        failAt(event, "drag " + event.text + ": no widget with that id was drawn");
                        m_next = m_events.size();
                        out.quit = true;
                    }
                    return out;
                }
                m_pointer = PointerState{where->centerX(), where->centerY(), false};
                m_dragStartY = where->centerY();
                m_tapPhase = 1;
            } else if (m_tapPhase == 1) {
                m_pointer->down = true;
                m_tapPhase = 2;
            } else if (m_tapPhase < 2 + kSteps) {
                const float done = static_cast<float>(m_tapPhase - 1) / kSteps;
                m_pointer->y = m_dragStartY + done * static_cast<float>(event.count);
                ++m_tapPhase;
            } else {
                m_pointer->down = false;
                advance();
                m_settle = m_limits.settleFrames;
            }
            out.pointer = m_pointer;
            return out;
        }
        case ScriptAction::Scan: {
            scan::ScannedCode code;
            code.text = event.text;
            code.origin = scan::ScanOrigin::Camera;
            code.frameTime = now;
            out.intents.emplace_back(intent::Scanned{code});
            advance();
            m_settle = m_limits.settleFrames;
            return out;
        }
        case ScriptAction::Wedge:
            out.intents.emplace_back(intent::TextTyped{event.text});
            out.intents.emplace_back(intent::KeyPressed{Key::Enter});
            advance();
            m_settle = m_limits.settleFrames;
            return out;
        case ScriptAction::Key:
            out.intents.emplace_back(intent::KeyPressed{event.key});
            advance();
            m_settle = m_limits.settleFrames;
            return out;
        case ScriptAction::WaitFrames:
            if (!m_waitUntilFrame) m_waitUntilFrame = frame + event.count;
            if (frame < *m_waitUntilFrame) return out;
            advance();
            break;
        case ScriptAction::WaitMs:
            if (!m_waitUntil) m_waitUntil = now + std::chrono::milliseconds(event.count);
            if (now < *m_waitUntil) return out;
            advance();
            break;
        case ScriptAction::Screenshot:
            out.screenshot = event.text;
            ++m_screenshots;
            advance();
            return out;
        case ScriptAction::ExpectText:
            if (drawn.shows(event.text))
                ++m_checksPassed;
            else
                failAt(event,
                       "expected text \"" + event.text + "\" was not drawn; drawn: " + listTexts(drawn));
            advance();
            break;
        case ScriptAction::ExpectNoText:
            if (!drawn.shows(event.text))
                ++m_checksPassed;
            else
                failAt(event, "text \"" + event.text + "\" was drawn but should not be");
            advance();
            break;
        case ScriptAction::Quit:
            out.quit = true;
            advance();
            return out;
        }
    }
    return out;
}

} // namespace lotstation::station
