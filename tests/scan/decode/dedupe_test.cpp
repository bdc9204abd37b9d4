#include "lotstation/scan/dedupe.hpp"
#include "test_support.hpp"

namespace {

using namespace lotstation::scan;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

ScannedCode code(std::string text, Symbology symbology = Symbology::QrCode) {
    ScannedCode c;
    c.text = std::move(text);
    c.symbology = symbology;
    return c;
}

// Feeds `frames` frames 33 ms apart holding `seen`, from `t`; returns how many registrations happened.
std::size_t feed(Dedupe& dedupe, Clock::time_point& t, int frames, const std::vector<ScannedCode>& seen) {
    std::size_t registered = 0;
    for (int i = 0; i < frames; ++i) {
        registered += dedupe.update(seen, t).size();
        t += 33ms;
    }
    return registered;
}

} // namespace

TEST_CASE("dedupe: a code held in view registers once") {
    Dedupe dedupe;
    auto t = Clock::time_point{} + 1h;
    CHECK(feed(dedupe, t, 90, {code("A")}) == 1); // three seconds in view
}

TEST_CASE("dedupe: flicker (missed on a few frames) is not a new scan") {
    Dedupe dedupe;
    auto t = Clock::time_point{} + 1h;
    std::size_t registered = 0;
    for (int i = 0; i < 10; ++i) {
        registered += feed(dedupe, t, 5, {code("A")});
        registered += feed(dedupe, t, 4, {}); // 130 ms without it
    }
    CHECK(registered == 1);
}

TEST_CASE("dedupe: registers again after leaving the view for long enough") {
    DedupeSettings settings;
    settings.goneAfterFrames = 8;
    settings.goneAfter = 500ms;
    Dedupe dedupe(settings);
    auto t = Clock::time_point{} + 1h;
    CHECK(feed(dedupe, t, 10, {code("A")}) == 1);
    CHECK(feed(dedupe, t, 20, {}) == 0); // 660 ms and 20 frames away
    CHECK(dedupe.inView() == 0);
    CHECK(feed(dedupe, t, 10, {code("A")}) == 1);
}

TEST_CASE("dedupe: both frame count and time must pass") {
    DedupeSettings settings;
    settings.goneAfterFrames = 8;
    settings.goneAfter = 2s;
    Dedupe dedupe(settings);
    auto t = Clock::time_point{} + 1h;
    CHECK(feed(dedupe, t, 3, {code("A")}) == 1);
    CHECK(feed(dedupe, t, 30, {}) == 0); // 30 frames but only 1 s
    CHECK(feed(dedupe, t, 3, {code("A")}) == 0);
    // and the other way round: much time, few (slow) frames
    CHECK(dedupe.update({}, t + 5s).empty());
    CHECK(dedupe.update({code("A")}, t + 6s).empty());
}

TEST_CASE("dedupe: repeat interval registers a code kept in view again") {
    DedupeSettings settings;
    settings.repeatAfter = 1000ms;
    Dedupe dedupe(settings);
    auto t = Clock::time_point{} + 1h;
    CHECK(feed(dedupe, t, 91, {code("A")}) == 3); // 3 s in view: at 0 ms, 1023 ms and 2046 ms
}

TEST_CASE("dedupe: different codes - and the same text in two symbologies - are separate") {
    Dedupe dedupe;
    auto t = Clock::time_point{} + 1h;
    const auto first = dedupe.update({code("A"), code("B"), code("A", Symbology::Code128), code("A")}, t);
    REQUIRE(first.size() == 3);
    CHECK(first[0].text == "A");
    CHECK(first[1].text == "B");
    CHECK(first[2].symbology == Symbology::Code128);
    CHECK(dedupe.update({code("A"), code("B")}, t + 33ms).empty());
}
