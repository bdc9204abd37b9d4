// Black-box corpus test: every image of ../shared/corpus decoded in this process (the image that makes
// ZXing 1.4.0 abort included), one test case per folder.
//
// The peers are measured here on the same images, not copied from an old bench run: plain ZXing 1.4
// (ReadBarcodes with its defaults: try-harder, try-rotate, try-downscale; in a child process per image,
// because in-process it aborts on code128-1/4.png, counted as a miss) and zbar, as lotstation-bench-scan
// runs them, all three scored by the same liberal content match (peer_match.hpp). Ours must read at least as
// many as each peer, and at least its own threshold (what it read when the threshold was set: a floor against
// regressions). The one folder where zbar reads more is qrcode-3 (23.png: a blurred QR at a strong slant that
// no treatment made ZXing 1.4 read): its allowance is stated in its line.
#include "corpus_support.hpp"
#include "lotstation/scan/decoder.hpp"
#include "lotstation/scan/frame_source.hpp"
#include "peer_match.hpp"
#include "peers.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>

namespace {

using lotstation::scan::decodeStill;
using lotstation::scan::readImageFile;
using namespace lotstation::test;

struct Outcome {
    int images = 0;
    int passed = 0;      // ours, by the corpus's own strict match
    int oursLiberal = 0; // ours, plain ZXing and zbar by the same liberal match
    int plain = 0;
    int zbar = 0;
};

std::vector<std::string> textsOf(const std::vector<lotstation::scan::ScannedCode>& codes) {
    std::vector<std::string> texts;
    for (const auto& code : codes)
        texts.push_back(code.text);
    return texts;
}

Outcome runFolder(const std::filesystem::path& folder) {
    Outcome outcome;
    for (const auto& item : corpusImages(folder)) {
        if (!item.expected) continue;
        ++outcome.images;
        const auto frame = readImageFile(item.image);
        REQUIRE_MESSAGE(frame.has_value(), item.image.string());
        const auto codes = decodeStill(*frame);
        const bool ok = std::any_of(codes.begin(), codes.end(),
                                    [&](const auto& c) { return matchesExpected(c, *item.expected); });
        if (ok)
            ++outcome.passed;
        else
            MESSAGE("missed " << item.image.filename().string());
        outcome.oursLiberal += lotstation::bench::peerMatches(textsOf(codes), *item.expected);
        const cv::Mat gray = cv::imread(item.image.string(), cv::IMREAD_GRAYSCALE);
        REQUIRE_MESSAGE(!gray.empty(), item.image.string());
        const lotstation::bench::GrayImage view{gray.data, gray.cols, gray.rows, static_cast<int>(gray.step)};
        outcome.plain +=
            lotstation::bench::peerMatches(lotstation::bench::plainZxing(view).texts, *item.expected);
        outcome.zbar += lotstation::bench::peerMatches(lotstation::bench::zbar(view).texts, *item.expected);
    }
    return outcome;
}

// `ours`: this decoder's floor; `zbarReadsMore`: images zbar may read that ours does not (stated, not
// hidden).
void checkFolder(const std::string& name, int ours, int zbarReadsMore = 0) {
    const auto folder = corpusFolder(name);
    if (!folder) LOTSTATION_SKIP("corpus folder " + name + " not present (../shared/corpus)");
    const auto outcome = runFolder(*folder);
    MESSAGE(name << ": ours " << outcome.passed << "/" << outcome.images << " (threshold " << ours
                 << "), plain ZXing " << outcome.plain << ", zbar " << outcome.zbar);
    CHECK(outcome.passed >= ours);
    CHECK(outcome.oursLiberal >= outcome.plain);
    CHECK(outcome.oursLiberal + zbarReadsMore >= outcome.zbar);
}

} // namespace

// clang-format off
TEST_CASE("corpus code128-1 (holds the image that aborts plain ZXing 1.4.0)") { checkFolder("code128-1", 6); }
TEST_CASE("corpus code128-3") { checkFolder("code128-3", 2); }
TEST_CASE("corpus datamatrix-1") { checkFolder("datamatrix-1", 26); }
TEST_CASE("corpus datamatrix-3") { checkFolder("datamatrix-3", 19); }
TEST_CASE("corpus ean13-3") { checkFolder("ean13-3", 21); }
TEST_CASE("corpus itf-1") { checkFolder("itf-1", 11); }
TEST_CASE("corpus qrcode-1") { checkFolder("qrcode-1", 16); }
TEST_CASE("corpus qrcode-3") { checkFolder("qrcode-3", 27, 1); } // zbar reads 23.png
TEST_CASE("corpus qrcode-5") { checkFolder("qrcode-5", 16); }
TEST_CASE("corpus rssexpanded-1") { checkFolder("rssexpanded-1", 33); }
TEST_CASE("corpus rssexpanded-3") { checkFolder("rssexpanded-3", 116); }
TEST_CASE("corpus upca-3") { checkFolder("upca-3", 13); }
TEST_CASE("corpus upca-5") { checkFolder("upca-5", 29); }
// clang-format on

TEST_CASE("corpus qrcode-7: a structured-append sequence read part by part") {
    const auto folder = corpusFolder("qrcode-7");
    if (!folder) LOTSTATION_SKIP("corpus folder qrcode-7 not present");
    std::string joined;
    std::string expected;
    for (const auto& item : corpusImages(*folder)) {
        const auto frame = readImageFile(item.image);
        REQUIRE(frame.has_value());
        const auto codes = decodeStill(*frame);
        REQUIRE_MESSAGE(codes.size() == 1, item.image.string());
        CHECK(codes.front().symbologyId == "]Q1");
        joined += codes.front().text;
    }
    expected = readFile(*folder / "01.txt");
    CHECK(joined == expected);
}

TEST_CASE("corpus falsepositives-2: no code where there is none") {
    const auto folder = corpusFolder("falsepositives-2");
    if (!folder) LOTSTATION_SKIP("corpus folder falsepositives-2 not present");
    int images = 0;
    for (const auto& item : corpusImages(*folder)) {
        const auto frame = readImageFile(item.image);
        REQUIRE(frame.has_value());
        ++images;
        const auto codes = decodeStill(*frame);
        CHECK_MESSAGE(codes.empty(), item.image.filename().string()
                                         << " gave " << codes.size() << " code(s)");
    }
    CHECK(images == 25);
}

TEST_CASE("corpus multi-1: several codes per image") {
    const auto folder = corpusFolder("multi-1");
    if (!folder) LOTSTATION_SKIP("corpus folder multi-1 not present");
    // What plain ZXing finds there: a QR code and a UPC-A; three EAN-8.
    const auto two = readImageFile(*folder / "1.png");
    REQUIRE(two.has_value());
    auto codes = decodeStill(*two);
    CHECK(codes.size() == 2);
    CHECK(std::any_of(codes.begin(), codes.end(),
                      [](const auto& c) { return c.text == "www.airtable.com/jobs"; }));
    CHECK(std::any_of(codes.begin(), codes.end(), [](const auto& c) { return c.text == "031415926531"; }));

    const auto three = readImageFile(*folder / "3xean-8.png");
    REQUIRE(three.has_value());
    codes = decodeStill(*three);
    std::vector<std::string> texts;
    for (const auto& c : codes)
        texts.push_back(c.text);
    std::sort(texts.begin(), texts.end());
    CHECK(texts == std::vector<std::string>{"12345670", "48512343", "67678983"});
}
