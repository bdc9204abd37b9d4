// The bar pattern of each Code 128 value is taken from ZXing's own writer (the one that drew the symbol):
// symbols whose values are known by construction, cut into their 11-module characters.
#define ZX_USE_UTF8 1
#include "code128_values.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <array>
#include <cstdio>
#include <exception>
#include <map>

namespace lotstation::labels {
namespace {

constexpr int kCharacterModules = 11;

int patternAt(const std::vector<bool>& bars, int start) {
    int pattern = 0;
    for (int i = 0; i < kCharacterModules; ++i)
        pattern = pattern << 1 | (bars[static_cast<std::size_t>(start + i)] ? 1 : 0);
    return pattern;
}

std::vector<bool> barsOf(const std::string& input) {
    const auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(input, 0, 0);
    std::vector<bool> bars(static_cast<std::size_t>(bits.width()));
    for (int x = 0; x < bits.width(); ++x)
        bars[static_cast<std::size_t>(x)] = bits.get(x, 0);
    return bars;
}

// Pattern -> value for the values our symbols use, built once. Each probe is checked to start the way it
// must (start C, start B, ...) before its pattern is trusted; a probe the writer refuses adds nothing.
const std::map<int, int>& patternTable() {
    static const std::map<int, int> table = [] {
        std::map<int, int> t;
        auto probe = [&](const std::string& input, int expectedStart, int at, int value) {
            try {
                const auto bars = barsOf(input);
                if (static_cast<int>(bars.size()) < at + kCharacterModules) return;
                const int start = patternAt(bars, 0);
                const auto known = t.find(start);
                if (known != t.end() && known->second != expectedStart) return;
                t.emplace(start, expectedStart);
                t.emplace(patternAt(bars, at), value);
            } catch (const std::exception&) {
            }
        };
        const std::string fnc1 = "\xC3\xB1"; // ZXing's FNC1 stand-in, U+00F1
        probe(fnc1 + "00", 105, 11, 102);         // start C, FNC1
        for (int v = 0; v < 100; ++v) {           // start C, FNC1, the pair's value
            std::array<char, 3> pair{};
            std::snprintf(pair.data(), pair.size(), "%02d", v);
            probe(fnc1 + pair.data(), 105, 22, v);
        }
        probe(fnc1 + "00A", 105, 33, 100);   // start C, FNC1, "00", Code B, 'A'
        probe(fnc1 + "00\x01", 105, 33, 101); // start C, FNC1, "00", Code A, SOH
        probe("A", 104, 0, 104);              // start B
        probe("\x01", 103, 0, 103);           // start A
        return t;
    }();
    return table;
}

} // namespace

std::expected<std::vector<int>, LabelError> code128Values(const ModuleMatrix& symbol) {
    auto notCode128 = [] {
        return std::unexpected(LabelError{ErrorKind::Refused, "symbol is not a Code 128 symbol"});
    };
    constexpr int kStopModules = 13;
    if (symbol.height != 1 || symbol.width < 3 * kCharacterModules + kStopModules ||
        (symbol.width - kStopModules) % kCharacterModules != 0)
        return notCode128();
    std::vector<bool> bars(symbol.modules.begin(), symbol.modules.end());
    const auto& table = patternTable();
    std::vector<int> values;
    for (int start = 0; start + kStopModules < symbol.width; start += kCharacterModules) {
        const auto it = table.find(patternAt(bars, start));
        if (it == table.end()) return notCode128();
        values.push_back(it->second);
    }
    return values;
}

} // namespace lotstation::labels
