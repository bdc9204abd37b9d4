#pragma once
// Keyboard-wedge scanners type their data as fast keystrokes ending in Enter (or Tab). WedgeReader tells such
// a burst from a person typing and turns each burst into a ScannedCode (origin Wedge); slow keys come back
// out unchanged as typing, for the app to hand to the focused text field.
//
// The app converts its window system's key events into WedgeKey (no SDL types here): printable text as
// Character (Unicode), Ctrl+] as Character U+001D, Return/Keypad-Enter as Enter, Tab as Tab, F1-F24 as
// FunctionKey. Time is passed in with every key and to poll(), so the reader is deterministic and testable.
#include "lotstation/scan/scanned_code.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lotstation::scan {

enum class WedgeKeyKind { Character, Enter, Tab, FunctionKey };

struct WedgeKey {
    WedgeKeyKind kind = WedgeKeyKind::Character;
    char32_t character = 0; // Character: the Unicode code point
    int functionKey = 0;    // FunctionKey: 1 for F1, 8 for F8, ...
    std::chrono::steady_clock::time_point at{};
    friend bool operator==(const WedgeKey&, const WedgeKey&) = default;
};

struct WedgeOptions {
    // Longest pause between two keys of one burst (scanners: a few ms; people: 80 ms and more).
    std::chrono::milliseconds maxGap{30};
    // Fewest keys (before the terminator, AIM prefix included) that make a burst.
    std::size_t minLength = 4;
    bool tabEndsBurst = true;
    // What scanners or keyboard layouts type instead of GS (ASCII 29). Matched in burst text and replaced by
    // GS.
    // "~" is common too but is also legitimate data in web addresses, so it is not a default.
    std::vector<std::string> gsSubstitutes{"<GS>", "^]", "{GS}"};
    // Function keys some scanners send for GS, e.g. {8} for F8; none by default.
    std::vector<int> gsFunctionKeys{};
    // Bursts longer than this are not scans; their keys are released as typing (bounded memory on any input).
    std::size_t maxLength = 4096;
};

// Either a key the person typed (pass it on) or a scanned code.
using WedgeOutput = std::variant<WedgeKey, ScannedCode>;

class WedgeReader {
  public:
    explicit WedgeReader(WedgeOptions options = {});

    // Feed keys in the order they arrived.
    [[nodiscard]] std::vector<WedgeOutput> feed(const WedgeKey& key);
    // Call every frame: keys held back while deciding are released as typing once the gap has passed.
    [[nodiscard]] std::vector<WedgeOutput> poll(std::chrono::steady_clock::time_point now);
    // Whether keys are being held back (the app may want to poll again soon).
    [[nodiscard]] bool holding() const { return !m_pending.empty(); }

  private:
    void releaseAsTyping(std::vector<WedgeOutput>& out);
    [[nodiscard]] ScannedCode toScannedCode(std::chrono::steady_clock::time_point end) const;

    WedgeOptions m_options;
    std::vector<WedgeKey> m_pending;
    std::optional<std::chrono::steady_clock::time_point> m_lastBurstEnd;
    std::optional<std::chrono::steady_clock::time_point> m_overflowAt; // last key of an over-long run
};

// The AIM symbology identifier's meaning: "]C1" -> Code128, "]d2" -> DataMatrix, "]Q3" -> QrCode, ...
[[nodiscard]] Symbology symbologyFromAimId(std::string_view aimId);

} // namespace lotstation::scan
