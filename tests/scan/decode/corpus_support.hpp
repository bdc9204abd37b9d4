#pragma once
// Reading the shared black-box corpus (../shared/corpus, see its README): images with expected contents.
#include "lotstation/scan/scanned_code.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::test {

struct CorpusImage {
    std::filesystem::path image;
    std::optional<std::string> expected; // .txt text or .bin bytes; none for multi-* and falsepositives-*
};

[[nodiscard]] std::optional<std::filesystem::path> corpusFolder(const std::string& name);
[[nodiscard]] std::vector<CorpusImage> corpusImages(const std::filesystem::path& folder);

// Does the decoded code hold what the corpus says? GS1 expectations are written with parenthesised AIs; the
// decoder hands out raw element strings (GS after variable-length fields), so the expectation is converted
// here, independently of the decoder's own conversion.
[[nodiscard]] bool matchesExpected(const scan::ScannedCode& code, const std::string& expected);

} // namespace lotstation::test
