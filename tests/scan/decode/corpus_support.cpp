#include "corpus_support.hpp"

#include "lotstation/scan/frame_source.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <set>

namespace lotstation::test {
namespace fs = std::filesystem;

std::optional<fs::path> corpusFolder(const std::string& name) {
    const auto shared = sharedDir();
    if (!shared) return std::nullopt;
    const auto folder = *shared / "corpus" / name;
    if (!fs::is_directory(folder)) return std::nullopt;
    return folder;
}

std::vector<CorpusImage> corpusImages(const fs::path& folder) {
    std::vector<CorpusImage> out;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (!entry.is_regular_file() || !scan::isImagePath(entry.path())) continue;
        CorpusImage item{entry.path(), std::nullopt};
        auto txt = entry.path(), bin = entry.path();
        txt.replace_extension(".txt");
        bin.replace_extension(".bin");
        if (fs::exists(txt))
            item.expected = readFile(txt);
        else if (fs::exists(bin))
            item.expected = readFile(bin);
        out.push_back(std::move(item));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.image < b.image; });
    return out;
}

namespace {

// AIs (by first two digits) whose fields have a predefined length and need no GS after them.
bool predefined(const std::string& ai) {
    static const std::set<std::string> kPrefixes{"00", "01", "02", "03", "04", "11", "12", "13",
                                                 "14", "15", "16", "17", "18", "19", "20", "31",
                                                 "32", "33", "34", "35", "36", "41"};
    return kPrefixes.count(ai.substr(0, 2)) != 0;
}

std::string rawElementString(const std::string& parenthesised) {
    std::string out;
    std::size_t pos = 0;
    while (pos < parenthesised.size() && parenthesised[pos] == '(') {
        const auto close = parenthesised.find(')', pos);
        const auto ai = parenthesised.substr(pos + 1, close - pos - 1);
        auto nextAi = parenthesised.find('(', close);
        const auto data = parenthesised.substr(close + 1, nextAi == std::string::npos ? std::string::npos
                                                                                      : nextAi - close - 1);
        out += ai + data;
        if (nextAi != std::string::npos && !predefined(ai)) out += '\x1d';
        pos = nextAi;
    }
    return out;
}

bool isGs1(const std::string& symbologyId) {
    return symbologyId == "]C1" || symbologyId == "]e0" || symbologyId == "]d2" || symbologyId == "]Q3";
}

} // namespace

bool matchesExpected(const scan::ScannedCode& code, const std::string& expected) {
    if (code.text == expected) return true;
    if (isGs1(code.symbologyId) && !expected.empty() && expected.front() == '(')
        return code.text == rawElementString(expected);
    return false;
}

} // namespace lotstation::test
