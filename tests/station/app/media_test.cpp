#include "lotstation/station/image.hpp"
#include "lotstation/station/synthetic_camera.hpp"
#include "lotstation/station/tones.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace lotstation::station;

TEST_CASE("png: an image written is read back pixel for pixel - bad paths are error values") {
    lotstation::test::TempDir dir;
    SyntheticCamera camera(64, 48);
    const Image original = *camera.frame(7).image;
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

TEST_CASE("synthetic camera: the code moves, its outline matches its dark and light modules") {
    SyntheticCamera camera(320, 240);
    const auto first = camera.frame(0);
    REQUIRE(first.codeOutline);
    const auto quad0 = *first.codeOutline;
    const Image image0 = *first.image;
    const auto later = camera.frame(45);
    REQUIRE(later.codeOutline);
    CHECK(later.codeOutline->corners[0].x != quad0.corners[0].x);
    CHECK(later.image->pixels != image0.pixels);
    // Just inside the top-left corner of the code is the finder pattern's dark outer ring.
    const auto& c = quad0.corners;
    const int cx = (c[0].x + c[1].x + c[2].x + c[3].x) / 4, cy = (c[0].y + c[1].y + c[2].y + c[3].y) / 4;
    const int px = c[0].x + (cx - c[0].x) / 20, py = c[0].y + (cy - c[0].y) / 20;
    const auto pixel = [&](int x, int y) {
        return image0.pixels[(static_cast<std::size_t>(y) * 320 + x) * 3];
    };
    CHECK(pixel(px, py) < 60);
    // Just outside it is the light quiet zone.
    CHECK(pixel(c[0].x - (cx - c[0].x) / 10, c[0].y - (cy - c[0].y) / 10) > 200);
    CHECK(camera.frame(0).image->pixels == image0.pixels); // same index, same picture
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
