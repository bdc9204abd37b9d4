#include "icons.hpp"

#include <cmath>

namespace lotstation::station::ui {
namespace {

constexpr float kPi = 3.14159265f;

// Icon coordinates run from -1 to 1 in both directions; this maps them to the screen.
struct Pen {
    ImDrawList* list;
    ImVec2 centre;
    float half;
    ImU32 colour;
    float thickness;

    [[nodiscard]] ImVec2 at(float x, float y) const {
        return ImVec2(centre.x + x * half, centre.y + y * half);
    }
    void line(float x0, float y0, float x1, float y1) const {
        list->AddLine(at(x0, y0), at(x1, y1), colour, thickness);
    }
    void rect(float x0, float y0, float x1, float y1, float rounding = 0.0f) const {
        list->AddRect(at(x0, y0), at(x1, y1), colour, rounding * half, 0, thickness);
    }
    void circle(float x, float y, float r) const {
        list->AddCircle(at(x, y), r * half, colour, 0, thickness);
    }
    void dot(float x, float y, float r) const { list->AddCircleFilled(at(x, y), r * half, colour); }
    void arrowHead(float x, float y, float dx, float dy, float length) const {
        // Two strokes back from the tip, 35 degrees either side of the direction of travel.
        const float angle = std::atan2(dy, dx);
        for (float side : {-0.6f, 0.6f}) {
            const float a = angle + kPi + side;
            line(x, y, x + std::cos(a) * length, y + std::sin(a) * length);
        }
    }
    void arc(float x, float y, float r, float from, float to) const {
        list->PathArcTo(at(x, y), r * half, from, to, 24);
        list->PathStroke(colour, 0, thickness);
    }
};

void gear(const Pen& pen) {
    pen.circle(0, 0, 0.55f);
    pen.circle(0, 0, 0.2f);
    for (int i = 0; i < 8; ++i) {
        const float a = static_cast<float>(i) * kPi / 4;
        pen.line(std::cos(a) * 0.55f, std::sin(a) * 0.55f, std::cos(a) * 0.85f, std::sin(a) * 0.85f);
    }
}

} // namespace

void drawScreenIcon(ImDrawList* list, Screen screen, ImVec2 centre, float size, ImU32 colour) {
    const Pen pen{list, centre, size / 2, colour, std::max(2.0f, size * 0.06f)};
    switch (screen) {
    case Screen::Receive: // an arrow going down into an open box
        pen.line(-0.8f, 0.0f, -0.8f, 0.85f);
        pen.line(-0.8f, 0.85f, 0.8f, 0.85f);
        pen.line(0.8f, 0.85f, 0.8f, 0.0f);
        pen.line(0, -0.9f, 0, 0.45f);
        pen.arrowHead(0, 0.45f, 0, 1, 0.4f);
        break;
    case Screen::Produce: // a flask
        pen.line(-0.25f, -0.85f, 0.25f, -0.85f);
        pen.line(-0.18f, -0.85f, -0.18f, -0.25f);
        pen.line(0.18f, -0.85f, 0.18f, -0.25f);
        pen.line(-0.18f, -0.25f, -0.75f, 0.8f);
        pen.line(0.18f, -0.25f, 0.75f, 0.8f);
        pen.line(-0.75f, 0.8f, 0.75f, 0.8f);
        pen.line(-0.47f, 0.3f, 0.47f, 0.3f);
        break;
    case Screen::Ship: // a van
        pen.rect(-0.9f, -0.5f, 0.25f, 0.45f, 0.05f);
        pen.line(0.25f, -0.2f, 0.6f, -0.2f);
        pen.line(0.6f, -0.2f, 0.9f, 0.1f);
        pen.line(0.9f, 0.1f, 0.9f, 0.45f);
        pen.line(0.25f, 0.45f, 0.9f, 0.45f);
        pen.circle(-0.5f, 0.62f, 0.17f);
        pen.circle(0.55f, 0.62f, 0.17f);
        break;
    case Screen::Move: // two arrows, one each way
        pen.line(-0.8f, -0.35f, 0.8f, -0.35f);
        pen.arrowHead(0.8f, -0.35f, 1, 0, 0.35f);
        pen.line(0.8f, 0.35f, -0.8f, 0.35f);
        pen.arrowHead(-0.8f, 0.35f, -1, 0, 0.35f);
        break;
    case Screen::Count: // a clipboard with ticked lines
        pen.rect(-0.65f, -0.75f, 0.65f, 0.9f, 0.08f);
        pen.rect(-0.25f, -0.92f, 0.25f, -0.65f, 0.05f);
        for (float y : {-0.3f, 0.1f, 0.5f}) {
            pen.line(-0.45f, y, -0.3f, y + 0.13f);
            pen.line(-0.3f, y + 0.13f, -0.1f, y - 0.12f);
            pen.line(0.05f, y, 0.45f, y);
        }
        break;
    case Screen::Lookup: // a magnifier
        pen.circle(-0.2f, -0.2f, 0.5f);
        pen.line(0.17f, 0.17f, 0.8f, 0.8f);
        break;
    case Screen::Recall: // a warning triangle
        pen.line(0, -0.85f, 0.9f, 0.75f);
        pen.line(0.9f, 0.75f, -0.9f, 0.75f);
        pen.line(-0.9f, 0.75f, 0, -0.85f);
        pen.line(0, -0.3f, 0, 0.25f);
        pen.dot(0, 0.5f, 0.08f);
        break;
    case Screen::Stock: // a calendar page
        pen.rect(-0.8f, -0.65f, 0.8f, 0.85f, 0.08f);
        pen.line(-0.8f, -0.3f, 0.8f, -0.3f);
        pen.line(-0.4f, -0.85f, -0.4f, -0.5f);
        pen.line(0.4f, -0.85f, 0.4f, -0.5f);
        for (int row = 0; row < 2; ++row)
            for (int column = 0; column < 3; ++column)
                pen.dot(-0.45f + static_cast<float>(column) * 0.45f, 0.05f + static_cast<float>(row) * 0.45f,
                        0.08f);
        break;
    case Screen::Labels: // a tag with its hole
        pen.line(-0.85f, -0.45f, 0.35f, -0.45f);
        pen.line(0.35f, -0.45f, 0.85f, 0.0f);
        pen.line(0.85f, 0.0f, 0.35f, 0.45f);
        pen.line(0.35f, 0.45f, -0.85f, 0.45f);
        pen.line(-0.85f, 0.45f, -0.85f, -0.45f);
        pen.circle(0.35f, 0.0f, 0.12f);
        break;
    case Screen::Sync: // two arrows chasing round a circle
        pen.arc(0, 0, 0.7f, kPi * 1.1f, kPi * 1.9f);
        pen.arrowHead(0.7f * std::cos(kPi * 1.9f), 0.7f * std::sin(kPi * 1.9f), 0.6f, 1.0f, 0.35f);
        pen.arc(0, 0, 0.7f, kPi * 0.1f, kPi * 0.9f);
        pen.arrowHead(0.7f * std::cos(kPi * 0.9f), 0.7f * std::sin(kPi * 0.9f), -0.6f, -1.0f, 0.35f);
        break;
    case Screen::Settings:
        gear(pen);
        break;
    case Screen::Quality: // a shield with a check mark
        pen.line(-0.75f, -0.65f, 0.0f, -0.9f);
        pen.line(0.0f, -0.9f, 0.75f, -0.65f);
        pen.line(0.75f, -0.65f, 0.6f, 0.3f);
        pen.line(0.6f, 0.3f, 0.0f, 0.9f);
        pen.line(0.0f, 0.9f, -0.6f, 0.3f);
        pen.line(-0.6f, 0.3f, -0.75f, -0.65f);
        pen.line(-0.35f, 0.0f, -0.05f, 0.3f);
        pen.line(-0.05f, 0.3f, 0.4f, -0.3f);
        break;
    case Screen::Login: // a person
        pen.circle(0, -0.4f, 0.35f);
        pen.arc(0, 0.95f, 0.8f, kPi * 1.05f, kPi * 1.95f);
        break;
    case Screen::Records: // a card file: a box of index cards, the front one with lines
        pen.line(-0.8f, -0.2f, 0.8f, -0.2f);
        pen.line(0.8f, -0.2f, 0.8f, 0.8f);
        pen.line(0.8f, 0.8f, -0.8f, 0.8f);
        pen.line(-0.8f, 0.8f, -0.8f, -0.2f);
        pen.line(-0.6f, -0.2f, -0.6f, -0.7f);
        pen.line(-0.6f, -0.7f, 0.6f, -0.7f);
        pen.line(0.6f, -0.7f, 0.6f, -0.2f);
        pen.line(-0.45f, 0.15f, 0.45f, 0.15f);
        pen.line(-0.45f, 0.45f, 0.2f, 0.45f);
        break;
    case Screen::Setup: // a house: a new business's home
        pen.line(-0.8f, -0.05f, 0.0f, -0.8f);
        pen.line(0.0f, -0.8f, 0.8f, -0.05f);
        pen.line(-0.6f, -0.2f, -0.6f, 0.8f);
        pen.line(-0.6f, 0.8f, 0.6f, 0.8f);
        pen.line(0.6f, 0.8f, 0.6f, -0.2f);
        break;
    case Screen::Costs: // a bar chart on its axes
        pen.line(-0.85f, -0.85f, -0.85f, 0.8f);
        pen.line(-0.85f, 0.8f, 0.85f, 0.8f);
        pen.rect(-0.6f, 0.1f, -0.25f, 0.8f);
        pen.rect(-0.1f, -0.35f, 0.25f, 0.8f);
        pen.rect(0.4f, -0.75f, 0.75f, 0.8f);
        break;
    case Screen::Home:
        break;
    }
}

} // namespace lotstation::station::ui
