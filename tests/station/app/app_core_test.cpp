#include "lotstation/station/app_core.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
namespace storage = lotstation::storage;
using namespace std::chrono_literals;

namespace {
const TimePoint t0 = TimePoint{} + 1000s;

AppCore core() {
    return AppCore(AppConfig{"Dock 1", 5min, 1500ms, 300ms}, t0);
}
} // namespace

TEST_CASE("app core: navigation stack, back and home") {
    auto app = core();
    CHECK(app.state().screen() == Screen::Home);
    CHECK(app.state().stationName == "Dock 1");
    app.apply(intent::Navigate{Screen::Receive}, t0);
    app.apply(intent::Navigate{Screen::Lookup}, t0);
    CHECK(app.state().navigation == std::vector{Screen::Home, Screen::Receive, Screen::Lookup});
    app.apply(intent::Back{}, t0);
    CHECK(app.state().screen() == Screen::Receive);
    app.apply(intent::Back{}, t0);
    app.apply(intent::Back{}, t0); // back on home stays home
    CHECK(app.state().navigation == std::vector{Screen::Home});
    app.apply(intent::Navigate{Screen::Count}, t0);
    app.apply(intent::GoHome{}, t0);
    CHECK(app.state().screen() == Screen::Home);
}

TEST_CASE("app core: keypad confirms an exact quantity into the field, refuses a bad one") {
    auto app = core();
    app.apply(intent::Navigate{Screen::Count}, t0);
    app.apply(
        intent::OpenKeypad{"Counted", QuantityUnit::Piece, {QuantityUnit::Piece, QuantityUnit::Kilogram},
                           replyQuantity<count::SetCounted>()},
        t0);
    REQUIRE(app.state().keypad);
    app.apply(intent::KeypadPress{KeypadKey::D2}, t0);
    CHECK(app.apply(intent::KeypadPress{KeypadKey::Dot}, t0).tone == FeedbackKind::Refused); // pieces: no dot
    auto refused = app.apply(intent::TextTyped{"2,5"}, t0); // a real keyboard types into the keypad
    CHECK(app.state().keypad->entry.text() == "225");
    app.apply(intent::KeypadUnit{QuantityUnit::Kilogram}, t0);
    app.apply(intent::KeypadPress{KeypadKey::Clear}, t0);
    app.apply(intent::TextTyped{"2.5"}, t0);
    const auto effects = app.apply(intent::KeyPressed{Key::Enter}, t0);
    CHECK(effects.tone == FeedbackKind::Accepted);
    CHECK_FALSE(app.state().keypad);
    // The typed return address: the quantity comes back as the Count flow's own step.
    REQUIRE(effects.steps.size() == 1);
    const auto* counted = std::get_if<CountIntent>(&effects.steps.front());
    REQUIRE(counted);
    REQUIRE(std::holds_alternative<count::SetCounted>(*counted));
    CHECK(std::get<count::SetCounted>(*counted).quantity == Quantity{2'500'000, storage::Uom::Gram});
    REQUIRE(app.state().feedback);
    CHECK(app.state().feedback->headline == "Counted: 2.5 kg");

    app.apply(intent::OpenKeypad{"Counted", QuantityUnit::Piece, {}, replyQuantity<count::SetCounted>()}, t0);
    const auto empty = app.apply(intent::KeypadOk{}, t0);
    CHECK(empty.tone == FeedbackKind::Refused);
    REQUIRE(app.state().keypad);
    CHECK(app.state().keypad->problem == "enter a quantity");
    CHECK(app.state().feedback->kind == FeedbackKind::Refused);
    (void)refused;
}

TEST_CASE("app core: leaving a screen with entries asks first - no keeps them, yes leaves, once") {
    auto app = core();
    bool entered = false; // what the Move flow would say about its draft
    app.setUnsavedCheck([&](Screen screen) { return screen == Screen::Move && entered; });
    app.apply(intent::Navigate{Screen::Move}, t0);
    app.apply(intent::OpenPicker{"To location", {{"a", "Dock", ""}, {"b", "Store B", "shelf"}},
                                 replyId<move::PickDestination>()},
              t0);
    app.apply(intent::Pick{"missing"}, t0);
    CHECK(app.state().picker); // an unknown option changes nothing
    const auto picked = app.apply(intent::Pick{"b"}, t0);
    CHECK_FALSE(app.state().picker);
    REQUIRE(picked.steps.size() == 1);
    const auto* step = std::get_if<MoveIntent>(&picked.steps.front());
    REQUIRE(step);
    REQUIRE(std::holds_alternative<move::PickDestination>(*step));
    CHECK(std::get<move::PickDestination>(*step).location == "b");
    entered = true;

    app.apply(intent::Back{}, t0);
    REQUIRE(app.state().confirm);
    CHECK(app.state().confirm->question == "Leave Move?");
    CHECK(app.state().screen() == Screen::Move);
    app.apply(intent::Navigate{Screen::Home}, t0); // nothing navigates under an open dialog
    CHECK(app.state().screen() == Screen::Move);
    app.apply(intent::Answer{false}, t0);
    CHECK(app.state().screen() == Screen::Move);
    app.apply(intent::KeyPressed{Key::Escape}, t0);
    REQUIRE(app.state().confirm);
    const auto effects = app.apply(intent::Answer{true}, t0);
    CHECK(effects.steps.empty());
    CHECK(effects.left == std::vector<Screen>{Screen::Move}); // one event: the Move screen was left
    CHECK(app.state().screen() == Screen::Home);
    CHECK(app.apply(intent::GoHome{}, t0).left.empty());
}

TEST_CASE("app core: other confirms send their flow's step back") {
    auto app = core();
    app.apply(intent::AskConfirm{ConfirmRequest{"Hold all?", "", "Hold", "Cancel", StationFlows::step(recall::HoldAll{})}},
              t0);
    const auto effects = app.apply(intent::Answer{true}, t0);
    REQUIRE(effects.steps.size() == 1);
    const auto* step = std::get_if<RecallIntent>(&effects.steps.front());
    REQUIRE(step);
    CHECK(std::holds_alternative<recall::HoldAll>(*step));
    CHECK_FALSE(app.state().confirm);
}

TEST_CASE("app core: a keyboard-wedge burst ending in Enter is one scan - a stale burst is dropped") {
    auto app = core();
    app.apply(intent::TextTyped{"LS:LOT:"}, t0);
    app.apply(intent::TextTyped{"SOAP-261124-01"}, t0 + 20ms);
    CHECK(app.state().pendingWedge == "LS:LOT:SOAP-261124-01");
    const auto effects = app.apply(intent::KeyPressed{Key::Enter}, t0 + 40ms);
    REQUIRE(effects.scan); // the shell passes it on; whether it means anything is the workflows' call
    CHECK(effects.scan->text == "LS:LOT:SOAP-261124-01");
    CHECK_FALSE(effects.tone);
    REQUIRE(app.state().lastScan);
    CHECK(app.state().lastScan->text == "LS:LOT:SOAP-261124-01");
    CHECK(app.state().lastScan->origin == lotstation::scan::ScanOrigin::Wedge);
    CHECK(app.state().pendingWedge.empty());

    app.apply(intent::TextTyped{"stray"}, t0 + 1s);
    app.apply(intent::TextTyped{"0104012345678901"}, t0 + 5s); // the gap starts a new burst
    app.apply(intent::KeyPressed{Key::Enter}, t0 + 5s + 10ms);
    CHECK(app.state().lastScan->text == "0104012345678901");
    app.apply(intent::TextTyped{"late"}, t0 + 6s);
    CHECK_FALSE(app.apply(intent::KeyPressed{Key::Enter}, t0 + 8s).scan);
}

TEST_CASE("app core: feedback expires with the time passed in") {
    auto app = core();
    CHECK(app.show(FeedbackKind::Unknown, "Not understood here", "Read: hello", t0).tone ==
          FeedbackKind::Unknown);
    REQUIRE(app.state().feedback);
    CHECK(app.state().feedback->detail == "Read: hello");
    CHECK(app.state().feedback->strengthAt(t0) == doctest::Approx(1.0));
    CHECK(app.state().feedback->strengthAt(t0 + 750ms) == doctest::Approx(0.5));
    app.tick(t0 + 1499ms);
    CHECK(app.state().feedback);
    app.tick(t0 + 1500ms);
    CHECK_FALSE(app.state().feedback);
}

TEST_CASE("app core: idle operator is logged out, back home, dialogs closed - activity postpones it") {
    auto app = core();
    app.logIn("Ana", t0);
    app.apply(intent::Navigate{Screen::Count}, t0 + 1min);
    app.apply(intent::OpenKeypad{"Counted", QuantityUnit::Piece, {}, replyQuantity<count::SetCounted>()}, t0 + 2min);
    app.tick(t0 + 6min);
    CHECK(app.state().userName == "Ana"); // touched at 2 min: 4 min idle so far
    const auto effects = app.tick(t0 + 7min);
    CHECK(effects.tone == FeedbackKind::Unknown);
    CHECK_FALSE(app.state().userName);
    CHECK(app.state().screen() == Screen::Home);
    CHECK_FALSE(app.state().keypad);
    CHECK(app.state().feedback->detail == "Ana was idle for 5 min");
    CHECK(app.tick(t0 + 20min).tone == std::nullopt); // nobody to log out
}

TEST_CASE("screens: every home tile has an id, a title and a purpose") {
    CHECK(homeTiles().size() == 14);
    for (const Screen screen : homeTiles()) {
        CHECK_FALSE(screenId(screen).empty());
        CHECK_FALSE(screenTitle(screen).empty());
        CHECK_FALSE(screenPurpose(screen).empty());
    }
    CHECK(screenId(Screen::Lookup) == "lookup");
    CHECK(screenTitle(Screen::Stock) == "Stock & expiry");
    CHECK(screenId(Screen::Records) == "records");
    CHECK(screenId(Screen::Setup) == "setup");
    CHECK(screenTitle(Screen::Costs) == "Costs");
}

TEST_CASE("app core: a flash restarted after a slow step keeps its full time") {
    auto app = core();
    app.show(FeedbackKind::Accepted, "Hello, ana", {}, t0);
    app.restartFeedback(t0 + 1200ms); // the PIN check took 1.2 s
    app.tick(t0 + 2s);
    REQUIRE(app.state().feedback);
    CHECK(app.state().feedback->headline == "Hello, ana");
    app.tick(t0 + 2700ms);
    CHECK_FALSE(app.state().feedback);
}
