#include "lotstation/station/image.hpp"
#include "lotstation/station/tones.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace lotstation::station;

TEST_CASE("png: an image written is read back pixel for pixel - bad paths are error values") {
    lotstation::test::TempDir dir;
    Image original{64, 48, 3, {}};
    for (int i = 0; i < 64 * 48 * 3; ++i)
        original.pixels.push_back(static_cast<std::uint8_t>(i * 7 % 251));
    REQUIRE(writePng(dir.file("sub/frame.png"), original));
    const auto back = readPng(dir.file("sub/frame.png"));
    REQUIRE(back);
    CHECK(back->width == 64);
    CHECK(back->height == 48);
    CHECK(back->pixels == original.pixels);
    CHECK_FALSE(readPng(dir.file("missing.png")));
    CHECK_FALSE(writePng(dir.file("empty.png"), Image{}));
    lotstation::test::writeFile(dir.file("junk.png"), "not a png");
    CHECK(readPng(dir.file("junk.png")).error().message.starts_with("cannot read"));
}

TEST_CASE("tones: each feedback sounds different, stays in range and starts and ends silent") {
    const auto accepted = feedbackTone(FeedbackKind::Accepted, 48000);
    const auto refused = feedbackTone(FeedbackKind::Refused, 48000);
    const auto unknown = feedbackTone(FeedbackKind::Unknown, 48000);
    CHECK(accepted.size() ==
          static_cast<std::size_t>(0.07 * 48000) + 1440 + static_cast<std::size_t>(0.09 * 48000));
    CHECK(refused.size() > accepted.size()); // a refusal is long enough to notice
    CHECK(unknown.size() == 7200);
    for (const auto* tone : {&accepted, &refused, &unknown}) {
        CHECK(std::all_of(tone->begin(), tone->end(), [](float s) { return s >= -1.0f && s <= 1.0f; }));
        CHECK(std::abs(tone->front()) < 0.01f);
        CHECK(std::abs(tone->back()) < 0.01f);
        CHECK(*std::max_element(tone->begin(), tone->end()) > 0.2f);
    }
    CHECK(feedbackTone(FeedbackKind::Accepted, 0).empty());
}
