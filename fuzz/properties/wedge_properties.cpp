// Properties of the keyboard-wedge reader over any stream of keys with any timing: every key comes out once
// (as typing, in order, or inside a scan), nothing is held back forever, scans are valid text, and a clean
// scanner burst is read back exactly.
#include "lotstation/scan/wedge.hpp"
#include "properties.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>

namespace lotstation::fuzz {
namespace {

using Clock = std::chrono::steady_clock;

struct Cursor {
    Bytes bytes;
    std::size_t at = 0;
    [[nodiscard]] bool done() const { return at >= bytes.size(); }
    std::uint8_t next() { return done() ? 0 : bytes[at++]; }
};

scan::WedgeOptions optionsFrom(Cursor& cursor) {
    scan::WedgeOptions options;
    const auto flags = cursor.next();
    options.maxGap = std::chrono::milliseconds{1 + cursor.next() % 80};
    options.minLength = cursor.next() % 12;
    options.maxLength = 1 + cursor.next() % 64; // small, so that over-long runs are reached
    options.tabEndsBurst = (flags & 1) != 0;
    if ((flags & 2) != 0) options.gsFunctionKeys = {8};
    if ((flags & 4) != 0) options.gsSubstitutes.push_back("~");
    return options;
}

// Four bytes per key: kind, two bytes of character (plus high bits from the kind byte), gap in ms.
scan::WedgeKey keyFrom(Cursor& cursor, Clock::time_point& now) {
    const auto kind = cursor.next();
    const auto high = cursor.next();
    const auto low = cursor.next();
    now += std::chrono::milliseconds{cursor.next()};
    scan::WedgeKey key;
    key.at = now;
    switch (kind % 8) {
    case 0:
        key.kind = scan::WedgeKeyKind::Enter;
        break;
    case 1:
        key.kind = scan::WedgeKeyKind::Tab;
        break;
    case 2:
        key.kind = scan::WedgeKeyKind::FunctionKey;
        key.functionKey = 1 + low % 24;
        break;
    default: // mostly characters, including surrogates and values past U+10FFFF
        key.kind = scan::WedgeKeyKind::Character;
        key.character = static_cast<char32_t>(((kind >> 3) << 16) | (high << 8) | low);
        break;
    }
    return key;
}

bool validUtf8Text(std::string_view text) {
    // Scans are built from code points by the reader itself, so a strict decoder check suffices here.
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80         ? 1
                                   : (lead >> 5) == 6  ? 2
                                   : (lead >> 4) == 14 ? 3
                                   : (lead >> 3) == 30 ? 4
                                                       : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        }
        i += length;
    }
    return true;
}

struct Tally {
    std::vector<scan::WedgeKey> fed;
    std::size_t typedUpTo = 0; // typing must come out in the order it was fed
    std::size_t typed = 0;
    std::size_t scans = 0;
    std::size_t terminators = 0;
};

void account(Tally& tally, const std::vector<scan::WedgeOutput>& outputs, const scan::WedgeOptions& options) {
    for (const auto& output : outputs) {
        if (const auto* key = std::get_if<scan::WedgeKey>(&output)) {
            const auto found = std::find(tally.fed.begin() + static_cast<std::ptrdiff_t>(tally.typedUpTo),
                                         tally.fed.end(), *key);
            require(found != tally.fed.end(), "a key came out as typing that was not fed, or out of order");
            tally.typedUpTo = static_cast<std::size_t>(found - tally.fed.begin()) + 1;
            ++tally.typed;
            continue;
        }
        const auto& code = std::get<scan::ScannedCode>(output);
        ++tally.scans;
        require(code.origin == scan::ScanOrigin::Wedge, "a wedge scan with another origin");
        require(code.symbologyId.empty() || code.symbologyId.size() == 3, "bad symbology identifier");
        require(validUtf8Text(code.text), "a wedge scan with invalid UTF-8 text");
        require(code.text.size() <= 4 * (options.maxLength + 1), "a wedge scan longer than maxLength allows");
        const bool endsAtTerminator = std::any_of(tally.fed.begin(), tally.fed.end(), [&](const auto& key) {
            return key.at == code.frameTime && key.kind != scan::WedgeKeyKind::Character &&
                   key.kind != scan::WedgeKeyKind::FunctionKey;
        });
        require(endsAtTerminator, "a wedge scan not ended by Enter or Tab");
    }
}

// A scanner's burst: printable ASCII typed 2 ms apart after a pause, then Enter, reads back as exactly that
// text (when it does not start with an AIM identifier and holds no GS substitute).
void checkCleanBurst(Bytes input) {
    std::string text;
    for (const auto byte : input) {
        if (byte >= 0x20 && byte < 0x7F) text += static_cast<char>(byte);
    }
    if (text.size() < 4 || text.size() > 200 || text[0] == ']') return;
    const scan::WedgeOptions options;
    if (std::any_of(options.gsSubstitutes.begin(), options.gsSubstitutes.end(),
                    [&](const auto& substitute) { return text.find(substitute) != std::string::npos; }))
        return;
    scan::WedgeReader reader(options);
    auto now = Clock::time_point{} + std::chrono::hours{1};
    std::vector<scan::WedgeOutput> outputs;
    for (const char c : text) {
        now += std::chrono::milliseconds{2};
        auto out = reader.feed({.kind = scan::WedgeKeyKind::Character,
                                .character = static_cast<char32_t>(static_cast<unsigned char>(c)),
                                .at = now});
        outputs.insert(outputs.end(), out.begin(), out.end());
    }
    auto out = reader.feed({.kind = scan::WedgeKeyKind::Enter, .at = now + std::chrono::milliseconds{2}});
    outputs.insert(outputs.end(), out.begin(), out.end());
    require(outputs.size() == 1 && std::holds_alternative<scan::ScannedCode>(outputs[0]),
            "a clean burst of " + std::to_string(text.size()) + " keys is not exactly one scan");
    require(std::get<scan::ScannedCode>(outputs[0]).text == text, "a clean burst reads back different text");
}

} // namespace

void checkWedge(Bytes input) {
    checkCleanBurst(input);

    Cursor cursor{input};
    const auto options = optionsFrom(cursor);
    scan::WedgeReader reader(options);
    Tally tally;
    auto now = Clock::time_point{} + std::chrono::hours{1};
    while (!cursor.done()) {
        const auto key = keyFrom(cursor, now);
        tally.fed.push_back(key);
        if (key.kind == scan::WedgeKeyKind::Enter || key.kind == scan::WedgeKeyKind::Tab) ++tally.terminators;
        account(tally, reader.feed(key), options);
        if (key.character % 7 == 0) account(tally, reader.poll(now), options); // the app polls every frame
    }
    account(tally, reader.poll(now + std::chrono::seconds{1}), options);
    require(!reader.holding(), "keys still held back a second after the last one");
    require(tally.scans <= tally.terminators, "more scans than Enter / Tab keys");
    // Every key is accounted for: typed out, or inside a scan (which consumes at least one key, its end).
    require(tally.typed + tally.scans <= tally.fed.size(), "more keys came out than went in");
    // Without a scan nothing may be swallowed: every key comes back out as typing.
    if (tally.scans == 0) require(tally.typed == tally.fed.size(), "keys vanished without a scan");
}

} // namespace lotstation::fuzz
