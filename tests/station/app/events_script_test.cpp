#include "lotstation/station/events_script.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace std::chrono_literals;

TEST_CASE("event script: every event kind parses, type expands to keypad taps") {
    const auto events = parseEventScript(R"(# a receive
tap home.receive
scan LS:LOT:SOAP-261124-01
scan 0104012345678901{GS}10ABC
wedge 12345
type 2.5
key enter
wait 500ms
wait 2s
wait 10 frames
screenshot out/receive.png
expect text "Receive"
expect no-text Keypad
quit
)");
    REQUIRE(events);
    REQUIRE(events->size() == 15);
    const auto& e = *events;
    CHECK(e[0].line == 2);
    CHECK(e[0].action == ScriptAction::Tap);
    CHECK(e[0].text == "home.receive");
    CHECK(e[2].text == "0104012345678901\x1d"
                       "10ABC");
    CHECK(e[3].action == ScriptAction::Wedge);
    CHECK(e[4].text == "keypad.2");
    CHECK(e[5].text == "keypad.dot");
    CHECK(e[6].text == "keypad.5");
    CHECK(e[6].line == 6);
    CHECK(e[7].key == Key::Enter);
    CHECK((e[8].action == ScriptAction::WaitMs && e[8].count == 500));
    CHECK(e[9].count == 2000);
    CHECK((e[10].action == ScriptAction::WaitFrames && e[10].count == 10));
    CHECK(e[11].text == "out/receive.png");
    CHECK((e[12].action == ScriptAction::ExpectText && e[12].text == "Receive"));
    CHECK((e[13].action == ScriptAction::ExpectNoText && e[13].text == "Keypad"));
    CHECK(e[14].action == ScriptAction::Quit);
}

TEST_CASE("event script: a parse error names its line") {
    CHECK(parseEventScript("tap a\n\ntapp b\n").error().message == "line 3: unknown event \"tapp\"");
    CHECK(parseEventScript("wait 5 hours").error().message ==
          "line 1: wait takes ms, s or frames, not \"hours\"");
    CHECK(parseEventScript("wait soon").error().message.starts_with("line 1: wait needs a whole number"));
    CHECK(parseEventScript("type 2a").error().message == "line 1: type takes digits and '.', not 'a'");
    CHECK(parseEventScript("key F13").error().message.starts_with("line 1: unknown key \"F13\""));
    CHECK(parseEventScript("screenshot shot.jpg").error().message.ends_with("ending in .png"));
    CHECK(parseEventScript("expect text \"open").error().message == "line 1: expect text: unclosed quote");
    CHECK(parseEventScript("tap two ids").error().message.starts_with("line 1: tap needs one widget id"));
    CHECK(parseEventScript("quit now").error().message == "line 1: quit takes nothing after it");
    CHECK(parseEventScript("").value().empty());
}

TEST_CASE("event script: loading a missing file is an error value") {
    lotstation::test::TempDir dir;
    CHECK(
        loadEventScript(dir.file("none.events")).error().message.starts_with("cannot read the event script"));
    lotstation::test::writeFile(dir.file("bad.events"), "quit\nfly\n");
    const auto bad = loadEventScript(dir.file("bad.events"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.ends_with("line 2: unknown event \"fly\""));
}

namespace {
// Runs the runner against a fixed frame record until it asks to quit or the frame budget runs out.
struct Harness {
    ScriptRunner runner;
    FrameRecord drawn;
    long frame = 0;
    TimePoint now = TimePoint{} + 100s;

    ScriptStep next(std::chrono::milliseconds perFrame = 16ms) {
        auto step = runner.step(frame++, now, drawn);
        now += perFrame;
        return step;
    }
};
} // namespace

TEST_CASE("script runner: a tap moves to the widget's centre, presses, releases, then lets frames settle") {
    Harness h{ScriptRunner(parseEventScript("tap home.receive\nquit").value(), ScriptLimits{90, 2}), {}};
    h.drawn.widget("home.receive", Rect{100, 200, 300, 100});
    const auto move = h.next();
    REQUIRE(move.pointer);
    CHECK(move.pointer->x == doctest::Approx(250));
    CHECK(move.pointer->y == doctest::Approx(250));
    CHECK_FALSE(move.pointer->down);
    CHECK(h.next().pointer->down);
    const auto release = h.next();
    CHECK_FALSE(release.pointer->down);
    CHECK_FALSE(h.next().quit); // settling
    CHECK_FALSE(h.next().quit);
    CHECK(h.next().quit);
    CHECK(h.runner.finished());
    CHECK(h.runner.failures().empty());
}

TEST_CASE("script runner: a tap on a widget that never appears fails the run with its line") {
    Harness h{
        ScriptRunner(parseEventScript("\ntap home.nothing\nscreenshot a.png").value(), ScriptLimits{5, 2}),
        {}};
    h.drawn.widget("home.receive", Rect{0, 0, 10, 10});
    ScriptStep step;
    for (int i = 0; i < 10 && !step.quit; ++i)
        step = h.next();
    CHECK(step.quit);
    REQUIRE(h.runner.failures().size() == 1);
    CHECK(h.runner.failures()[0] == "line 2: tap home.nothing: no widget with that id was drawn");
    CHECK(h.runner.screenshotsTaken() == 0);
}

TEST_CASE(
    "script runner: expectations check the last frame's text; failures are collected, the run goes on") {
    Harness h{
        ScriptRunner(
            parseEventScript(
                "expect text Receive\nexpect text \"Ship\"\nexpect no-text Keypad\nscreenshot a.png\nquit")
                .value()),
        {}};
    h.drawn.text("Receive");
    h.drawn.text("Quantity 2.5 kg");
    const auto first = h.next();
    REQUIRE(first.screenshot);
    CHECK(*first.screenshot == "a.png");
    CHECK(h.next().quit);
    REQUIRE(h.runner.failures().size() == 1);
    CHECK(h.runner.failures()[0].starts_with(
        "line 2: expected text \"Ship\" was not drawn; drawn: \"Receive\""));
    CHECK(h.runner.checksPassed() == 2);
    CHECK(h.runner.screenshotsTaken() == 1);
}

TEST_CASE("script runner: waits count frames and time - scans, wedge bursts and keys become intents") {
    Harness h{
        ScriptRunner(
            parseEventScript("wait 3 frames\nwait 100ms\nscan ABC\nwedge 123\nkey Escape\nquit").value(),
            ScriptLimits{90, 0}),
        {}};
    CHECK(h.next().intents.empty()); // frame 0: waiting until frame 3
    CHECK(h.next().intents.empty());
    CHECK(h.next().intents.empty());
    CHECK(h.next(50ms).intents.empty()); // frame 3: the frames are waited; the 100 ms wait starts
    CHECK(h.next(50ms).intents.empty()); // 50 ms into it
    const auto scan = h.next();          // 100 ms: the wait is over and the scan goes out in the same frame
    REQUIRE(scan.intents.size() == 1);
    CHECK(std::get<intent::Scanned>(scan.intents[0]).code.text == "ABC");
    const auto wedge = h.next();
    REQUIRE(wedge.intents.size() == 2);
    CHECK(std::get<intent::TextTyped>(wedge.intents[0]).text == "123");
    CHECK(std::get<intent::KeyPressed>(wedge.intents[1]).key == Key::Enter);
    CHECK(std::get<intent::KeyPressed>(h.next().intents.at(0)).key == Key::Escape);
    CHECK(h.next().quit);
}

TEST_CASE("frame record: duplicate widget ids are reported, text matches by substring") {
    FrameRecord record;
    record.widget("nav.back", Rect{});
    record.widget("nav.back", Rect{1, 1, 1, 1});
    CHECK(record.duplicateIds() == std::vector<std::string>{"nav.back"});
    CHECK(record.find("nav.back")->x == 1);
    record.text("Quantity: 2.5 kg");
    CHECK(record.shows("2.5 kg"));
    CHECK_FALSE(record.shows("3 kg"));
    record.clear();
    CHECK_FALSE(record.find("nav.back"));
}

TEST_CASE("script runner: a drag presses on the widget, moves the finger in steps, then releases") {
    Harness h{ScriptRunner(parseEventScript("drag picker.list -80\nquit").value(), ScriptLimits{90, 0}), {}};
    h.drawn.widget("picker.list", Rect{0, 100, 200, 400});
    CHECK_FALSE(h.next().pointer->down); // on the centre, y = 300
    CHECK(h.next().pointer->down);
    float lastY = 300;
    for (int i = 0; i < 8; ++i) {
        const auto step = h.next();
        CHECK(step.pointer->down);
        CHECK(step.pointer->y < lastY);
        lastY = step.pointer->y;
    }
    CHECK(lastY == doctest::Approx(220));
    CHECK_FALSE(h.next().pointer->down);
    CHECK(h.next().quit);
    CHECK(parseEventScript("drag picker.list")
              .error()
              .message.starts_with("line 1: drag needs a widget id and pixels"));
}
