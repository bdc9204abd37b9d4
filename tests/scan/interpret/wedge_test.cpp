// Keyboard-wedge input: scanner bursts become ScannedCodes, people typing pass through untouched.
#include "lotstation/scan/interpreter.hpp"
#include "lotstation/scan/wedge.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace lotstation::scan;
using namespace lotstation::formats;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const Clock::time_point kStart{};

// Drives a reader with keys at given times and collects everything it puts out.
struct Keyboard {
    WedgeReader reader;
    Clock::time_point now = kStart;
    std::vector<WedgeOutput> out;

    explicit Keyboard(WedgeOptions options = {}) : reader(std::move(options)) {}

    void press(WedgeKey key, std::chrono::milliseconds after) {
        now += after;
        key.at = now;
        for (auto& o : reader.feed(key))
            out.push_back(std::move(o));
    }
    // Types UTF-8-free ASCII text, one key every `gap`.
    void type(std::string_view text, std::chrono::milliseconds gap) {
        for (char c : text)
            press(WedgeKey{WedgeKeyKind::Character, static_cast<char32_t>(c), 0, {}}, gap);
    }
    void character(char32_t c, std::chrono::milliseconds gap) {
        press(WedgeKey{WedgeKeyKind::Character, c, 0, {}}, gap);
    }
    void enter(std::chrono::milliseconds gap) { press(WedgeKey{WedgeKeyKind::Enter, 0, 0, {}}, gap); }
    void tab(std::chrono::milliseconds gap) { press(WedgeKey{WedgeKeyKind::Tab, 0, 0, {}}, gap); }
    void function(int n, std::chrono::milliseconds gap) {
        press(WedgeKey{WedgeKeyKind::FunctionKey, 0, n, {}}, gap);
    }
    void idle(std::chrono::milliseconds time) {
        now += time;
        for (auto& o : reader.poll(now))
            out.push_back(std::move(o));
    }

    [[nodiscard]] std::vector<ScannedCode> codes() const {
        std::vector<ScannedCode> result;
        for (const auto& o : out) {
            if (const auto* code = std::get_if<ScannedCode>(&o)) result.push_back(*code);
        }
        return result;
    }
    // The typed keys as text ("\n" for Enter, "\t" for Tab).
    [[nodiscard]] std::string typed() const {
        std::string result;
        for (const auto& o : out) {
            const auto* key = std::get_if<WedgeKey>(&o);
            if (key == nullptr) continue;
            if (key->kind == WedgeKeyKind::Character) result += static_cast<char>(key->character);
            if (key->kind == WedgeKeyKind::Enter) result += '\n';
            if (key->kind == WedgeKeyKind::Tab) result += '\t';
        }
        return result;
    }
};

} // namespace

TEST_CASE("wedge: a fast burst ending in Enter is one scan") {
    Keyboard keyboard;
    keyboard.type("LS:LOT:SOAP-261124-01", 4ms);
    keyboard.enter(5ms);
    const auto codes = keyboard.codes();
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].text == "LS:LOT:SOAP-261124-01");
    CHECK(codes[0].origin == ScanOrigin::Wedge);
    CHECK(codes[0].symbologyId.empty());
    CHECK_FALSE(codes[0].position.has_value());
    CHECK(codes[0].frameTime == keyboard.now);
    CHECK(keyboard.typed().empty());
    CHECK_FALSE(keyboard.reader.holding());
    CHECK(interpret(codes[0]) == Meaning{OwnLot{"SOAP-261124-01"}});
}

TEST_CASE("wedge: a person typing passes through as typing, Enter included") {
    Keyboard keyboard;
    keyboard.type("ABC-123", 120ms);
    keyboard.enter(150ms);
    CHECK(keyboard.codes().empty());
    CHECK(keyboard.typed() == "ABC-123\n");

    // Typing is held back at most one gap: poll releases the last key once the gap has passed.
    Keyboard slow;
    slow.type("7", 100ms);
    CHECK(slow.typed().empty());
    CHECK(slow.reader.holding());
    slow.idle(31ms);
    CHECK(slow.typed() == "7");
}

TEST_CASE("wedge: a short fast run is typing, not a scan") {
    Keyboard keyboard;
    keyboard.type("ab", 5ms); // e.g. two keys hit together
    keyboard.enter(5ms);
    CHECK(keyboard.codes().empty());
    CHECK(keyboard.typed() == "ab\n");
}

TEST_CASE("wedge: Tab ends a burst (configurable)") {
    Keyboard keyboard;
    keyboard.type("4006381333931", 3ms);
    keyboard.tab(3ms);
    REQUIRE(keyboard.codes().size() == 1);
    CHECK(keyboard.codes()[0].text == "4006381333931");

    WedgeOptions noTab;
    noTab.tabEndsBurst = false;
    Keyboard form{noTab};
    form.type("4006381333931", 3ms);
    form.tab(3ms);
    form.idle(100ms);
    CHECK(form.codes().empty());
    CHECK(form.typed() == "4006381333931\t"); // the Tab was held with the burst, then released as typing
}

TEST_CASE("wedge: an AIM symbology prefix becomes the symbology identifier") {
    Keyboard keyboard;
    keyboard.type("]C1"
                  "0109501101530003"
                  "10AB-12",
                  2ms);
    keyboard.enter(2ms);
    REQUIRE(keyboard.codes().size() == 1);
    const ScannedCode code = keyboard.codes()[0];
    CHECK(code.symbologyId == "]C1");
    CHECK(code.symbology == Symbology::Code128);
    CHECK(code.text == "0109501101530003"
                       "10AB-12");
    const Meaning meaning = interpret(code);
    REQUIRE(std::holds_alternative<Gs1Data>(meaning));
    CHECK(std::get<Gs1Data>(meaning).lot == "AB-12");
    CHECK(symbologyFromAimId("]d2") == Symbology::DataMatrix);
    CHECK(symbologyFromAimId("]Q1") == Symbology::QrCode);
    CHECK(symbologyFromAimId("]E4") == Symbology::Ean8);
    CHECK(symbologyFromAimId("]e0") == Symbology::DataBar);
    CHECK(symbologyFromAimId("xyz") == Symbology::Unknown);
}

TEST_CASE("wedge: GS arrives as ASCII 29, as a configured text substitute or as a function key") {
    const std::string expected = "0109501101530003"
                                 "10AB-12"
                                 "\x1D"
                                 "17261231";
    {
        Keyboard keyboard;
        keyboard.type("]d20109501101530003"
                      "10AB-12",
                      2ms);
        keyboard.character(0x1D, 2ms); // Ctrl+] as the app converts it
        keyboard.type("17261231", 2ms);
        keyboard.enter(2ms);
        REQUIRE(keyboard.codes().size() == 1);
        CHECK(keyboard.codes()[0].text == expected);
    }
    for (const std::string substitute : {"<GS>", "^]", "{GS}"}) {
        Keyboard keyboard;
        keyboard.type("]d20109501101530003"
                      "10AB-12" +
                          substitute + "17261231",
                      2ms);
        keyboard.enter(2ms);
        REQUIRE(keyboard.codes().size() == 1);
        CHECK(keyboard.codes()[0].text == expected);
    }
    {
        WedgeOptions options;
        options.gsSubstitutes = {"~"};
        options.gsFunctionKeys = {8};
        Keyboard keyboard{options};
        keyboard.type("0109501101530003"
                      "10AB-12~17261231",
                      2ms);
        keyboard.enter(2ms);
        keyboard.type("0109501101530003"
                      "10AB-12",
                      2ms);
        keyboard.function(8, 2ms);
        keyboard.type("17261231", 2ms);
        keyboard.enter(40ms);
        keyboard.idle(1s);
        CHECK(keyboard.codes().size() == 1); // the second burst's Enter came too late: typing
        CHECK(keyboard.codes()[0].text == expected);
        CHECK(keyboard.typed() == "0109501101530003"
                                  "10AB-12"
                                  "17261231\n"); // F8 is not text
        // Without the prefix, the interpreter still reads the burst as GS1 (bare-GS1 rule).
        const Meaning meaning = interpret(keyboard.codes()[0]);
        REQUIRE(std::holds_alternative<Gs1Data>(meaning));
        CHECK(std::get<Gs1Data>(meaning).lot == "AB-12");
    }
}

TEST_CASE("wedge: a burst interrupted by a slow key is typing") {
    Keyboard keyboard;
    keyboard.type("ABC123", 3ms);
    keyboard.type("D", 200ms); // the pause releases ABC123 as typing
    keyboard.enter(3ms);       // "D" + Enter alone is too short to be a scan
    CHECK(keyboard.codes().empty());
    CHECK(keyboard.typed() == "ABC123D\n");

    // A scan right after someone typed: the typed keys come out first, then the scan.
    Keyboard mixed;
    mixed.type("xy", 150ms);
    mixed.idle(100ms);
    mixed.type("LS:CMD:FINISH", 2ms);
    mixed.enter(2ms);
    REQUIRE(mixed.codes().size() == 1);
    CHECK(mixed.typed() == "x"
                           "y");
    CHECK(mixed.codes()[0].text == "LS:CMD:FINISH");
}

TEST_CASE("wedge: CR LF ends one burst, a later Enter is typing again") {
    Keyboard keyboard;
    keyboard.type("LS:LOC:DOCK-1", 2ms);
    keyboard.enter(2ms);
    keyboard.enter(1ms); // LF of CR LF
    keyboard.enter(500ms);
    REQUIRE(keyboard.codes().size() == 1);
    CHECK(keyboard.typed() == "\n");
}

TEST_CASE("wedge: back-to-back scans and non-ASCII characters") {
    Keyboard keyboard;
    keyboard.type("LS:LOT:A1", 2ms);
    keyboard.enter(2ms);
    keyboard.idle(60ms);
    keyboard.type("LS:LOT:B2", 2ms);
    keyboard.enter(2ms);
    keyboard.idle(300ms);
    keyboard.character(U'G', 2ms);
    keyboard.character(U'r', 2ms);
    keyboard.character(U'ü', 2ms);
    keyboard.character(U'ß', 2ms);
    keyboard.character(U'e', 2ms);
    keyboard.enter(2ms);
    const auto codes = keyboard.codes();
    REQUIRE(codes.size() == 3);
    CHECK(codes[0].text == "LS:LOT:A1");
    CHECK(codes[1].text == "LS:LOT:B2");
    CHECK(codes[2].text == "Grüße");
}

TEST_CASE("wedge: an endless fast stream is released as typing in bounded pieces") {
    WedgeOptions options;
    options.maxLength = 64;
    Keyboard keyboard{options};
    keyboard.type(std::string(1000, 'Z'), 1ms);
    keyboard.enter(1ms);
    CHECK(keyboard.codes().empty());
    CHECK(keyboard.typed() == std::string(1000, 'Z') + "\n");
    // After a pause the reader is back to normal.
    keyboard.idle(100ms);
    keyboard.type("LS:LOT:A1", 1ms);
    keyboard.enter(1ms);
    REQUIRE(keyboard.codes().size() == 1);
    CHECK(keyboard.codes()[0].text == "LS:LOT:A1");
}
