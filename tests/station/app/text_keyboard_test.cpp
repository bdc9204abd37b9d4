// The on-screen text keyboard: the entry typed key by key, its layers, and the shell's keyboard session (done,
// cancel, a hardware keyboard, a scanner and a camera into the same field, a picker's "type another").
#include "lotstation/station/app_core.hpp"
#include "lotstation/station/text_entry.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace std::chrono_literals;

namespace {
const TimePoint t0 = TimePoint{} + 1000s;

TextEntry pressed(std::initializer_list<std::string_view> keys, std::size_t max = 80) {
    TextEntry entry({}, max);
    for (const auto key : keys)
        entry.press(key);
    return entry;
}

AppCore core() {
    return AppCore(AppConfig{"Dock 1", 5min, 1500ms, 300ms}, t0);
}

// Any registered flow step carrying a string stands in for "the field's step".
std::string reasonIn(const FlowStep& step) {
    const auto& intent = std::get<CountIntent>(step);
    return std::get<count::PickReason>(intent).reason;
}
} // namespace

TEST_CASE("keyboard: shift is one-shot, digits and symbols of the first layer, backspace and clear") {
    auto entry = pressed({"shift", "r", "o", "s", "e", "space", "&", "space", "shift", "c", "o", "-", "7"});
    CHECK(entry.text() == "Rose & Co-7");
    CHECK_FALSE(entry.shifted());
    CHECK(entry.press("back"));
    CHECK(entry.text() == "Rose & Co-");
    CHECK_FALSE(entry.press("no-such-key"));
    CHECK(entry.press("clear"));
    CHECK(entry.text().empty());
    CHECK_FALSE(entry.press("back")); // nothing to delete: the view buzzes
}

TEST_CASE("keyboard: accented letters on the second layer, upper case with shift, deleted whole") {
    auto entry = pressed({"shift", "l", "a", "layer.accents", "shift", "é", "ñ", "layer.letters", "a"});
    CHECK(entry.text() == "LaÉña");
    CHECK(entry.characters() == 5);
    CHECK(entry.press("back"));
    CHECK(entry.press("back")); // ñ is two bytes, one key
    CHECK(entry.text() == "LaÉ");
    CHECK(upperOf("œ") == "Œ");
    CHECK(upperOf("ÿ") == "Ÿ");
    CHECK(upperOf("ß") == "ß");
    CHECK(upperOf("-") == "-");
    auto symbols = pressed({"layer.symbols", "#", "(", "€", ")"});
    CHECK(symbols.text() == "#(€)");
}

TEST_CASE("keyboard: every row of every layer is 11 key widths and every key id is unique in its layer") {
    for (const auto layer : {KeyboardLayer::Letters, KeyboardLayer::Accents, KeyboardLayer::Symbols}) {
        std::vector<std::string> ids;
        for (const auto& row : keyboardRows(layer, false)) {
            float width = 0;
            for (const auto& key : row) {
                width += key.width;
                CHECK(std::find(ids.begin(), ids.end(), key.id) == ids.end());
                ids.push_back(key.id);
            }
            CHECK(width == doctest::Approx(11.0f));
        }
    }
}

TEST_CASE("keyboard: the length limit refuses keys and typing past it; confirm trims, refuses blank") {
    auto entry = pressed({"a", "b", "c", "d", "e"}, 4);
    CHECK(entry.text() == "abcd");
    CHECK_FALSE(entry.type("x"));
    TextEntry blank("   ");
    CHECK(blank.confirm().error().message == "type something first");
    TextEntry padded("  Lye  ");
    CHECK(*padded.confirm() == "Lye");
    TextEntry typed;
    CHECK(typed.type("Ana\x1b\t Ló"));
    CHECK(typed.text() == "Ana Ló"); // control characters dropped
}

TEST_CASE("app core: the keyboard sends the typed text as the field's step; cancel and Back send nothing") {
    auto app = core();
    app.apply(intent::OpenKeyboard{"Reason", "", replyText<count::PickReason>()}, t0);
    REQUIRE(app.state().keyboard);
    CHECK(app.state().modalOpen());
    for (const auto* key : {"shift", "w", "e", "t"})
        app.apply(intent::KeyboardPress{key}, t0);
    CHECK(app.state().keyboard->entry.text() == "Wet");
    const Effects done = app.apply(intent::KeyboardDone{}, t0);
    CHECK_FALSE(app.state().keyboard);
    REQUIRE(done.steps.size() == 1);
    CHECK(reasonIn(done.steps[0]) == "Wet");

    app.apply(intent::OpenKeyboard{"Reason", "old", replyText<count::PickReason>()}, t0);
    CHECK(app.state().keyboard->entry.text() == "old"); // edited, not retyped
    CHECK(app.apply(intent::KeyboardCancel{}, t0).steps.empty());
    CHECK_FALSE(app.state().keyboard);
    app.apply(intent::OpenKeyboard{"Reason", "", replyText<count::PickReason>()}, t0);
    const Effects blank = app.apply(intent::KeyboardDone{}, t0);
    CHECK(blank.steps.empty()); // nothing typed: refused, the keyboard stays with the reason
    REQUIRE(app.state().keyboard);
    CHECK(app.state().keyboard->problem == "type something first");
    app.apply(intent::Back{}, t0);
    CHECK_FALSE(app.state().keyboard);
}

TEST_CASE("app core: a hardware keyboard, a wedge scanner and the camera type into the open field") {
    auto app = core();
    app.apply(intent::OpenKeyboard{"GTIN", "", replyText<count::PickReason>()}, t0);
    app.apply(intent::TextTyped{"0950"}, t0);
    app.apply(intent::KeyPressed{Key::Backspace}, t0);
    CHECK(app.state().keyboard->entry.text() == "095");
    const Effects camera = app.apply(intent::Scanned{{.text = "09501101530003"}}, t0);
    CHECK_FALSE(camera.scan); // the field took it: no workflow hears it
    CHECK(app.state().keyboard->entry.text() == "09501101530003");
    const Effects enter = app.apply(intent::KeyPressed{Key::Enter}, t0);
    REQUIRE(enter.steps.size() == 1);
    CHECK(reasonIn(enter.steps[0]) == "09501101530003");
    CHECK(app.state().pendingWedge.empty());
}

TEST_CASE("app core: a picker's 'type another' opens the keyboard; the text comes back as the choice") {
    auto app = core();
    app.apply(intent::OpenPicker{"Why?", {{"damaged", "Damaged", ""}}, replyId<count::PickReason>(), "Type another reason"},
              t0);
    app.apply(intent::PickerTypeOwn{}, t0);
    CHECK_FALSE(app.state().picker);
    REQUIRE(app.state().keyboard);
    CHECK(app.state().keyboard->label == "Type another reason");
    app.apply(intent::TextTyped{"Spilled on the floor"}, t0);
    const Effects done = app.apply(intent::KeyboardDone{}, t0);
    REQUIRE(done.steps.size() == 1);
    CHECK(reasonIn(done.steps[0]) == "Spilled on the floor");
    // A picker without it ignores the request.
    app.apply(intent::OpenPicker{"Item", {}, replyId<count::PickReason>()}, t0);
    app.apply(intent::PickerTypeOwn{}, t0);
    CHECK(app.state().picker);
    CHECK_FALSE(app.state().keyboard);
}
