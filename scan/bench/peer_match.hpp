#pragma once
// Did a decoder read what the corpus says? Used alike for our decoder and the peers (the bench's corpus
// table and the corpus test). Peers spell GS1 and UPC-A differently, so content is compared liberally for
// everyone: no parentheses, no GS, and a UPC-A may come as its EAN-13 with a leading 0 (or a GS1 element
// string with its two-digit AI in front).
#include <algorithm>
#include <string>
#include <vector>

namespace lotstation::bench {

[[nodiscard]] inline std::string canonicalText(std::string text) {
    std::erase_if(text, [](char c) { return c == '(' || c == ')' || c == '\x1d'; });
    return text;
}

[[nodiscard]] inline bool peerMatches(const std::vector<std::string>& texts, const std::string& expected) {
    const auto want = canonicalText(expected);
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
        const auto got = canonicalText(t);
        return got == want || got == "0" + want || "0" + got == want ||
               (got.size() > 2 && got.substr(2) == want);
    });
}

} // namespace lotstation::bench
