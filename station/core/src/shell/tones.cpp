#include "lotstation/station/tones.hpp"

#include <algorithm>
#include <cmath>

namespace lotstation::station {
namespace {

struct Beep {
    double hz;
    double seconds;
    double square; // 0 = pure sine, 1 = harsh: a refusal should sound wrong
};

void append(std::vector<float>& out, const Beep& beep, int rate) {
    const auto count = static_cast<std::size_t>(beep.seconds * rate);
    const auto fade = std::min<std::size_t>(count / 4, static_cast<std::size_t>(rate / 200)); // 5 ms
    for (std::size_t i = 0; i < count; ++i) {
        const double phase = 2.0 * 3.14159265358979323846 * beep.hz * static_cast<double>(i) / rate;
        const double sine = std::sin(phase);
        const double shaped = (1.0 - beep.square) * sine + beep.square * (sine >= 0 ? 1.0 : -1.0) * 0.6;
        double envelope = 1.0;
        if (i < fade)
            envelope = static_cast<double>(i) / static_cast<double>(fade);
        else if (count - i <= fade)
            envelope = static_cast<double>(count - i - 1) / static_cast<double>(fade);
        out.push_back(static_cast<float>(0.5 * shaped * envelope));
    }
}

void silence(std::vector<float>& out, double seconds, int rate) {
    out.insert(out.end(), static_cast<std::size_t>(seconds * rate), 0.0f);
}

} // namespace

std::vector<float> feedbackTone(FeedbackKind kind, int sampleRate) {
    std::vector<float> out;
    if (sampleRate <= 0) return out;
    switch (kind) {
    case FeedbackKind::Accepted:
        append(out, {1046.5, 0.07, 0.0}, sampleRate);
        silence(out, 0.03, sampleRate);
        append(out, {1568.0, 0.09, 0.0}, sampleRate);
        break;
    case FeedbackKind::Refused:
        append(out, {220.0, 0.18, 0.7}, sampleRate);
        silence(out, 0.05, sampleRate);
        append(out, {196.0, 0.30, 0.7}, sampleRate);
        break;
    case FeedbackKind::Unknown:
        append(out, {740.0, 0.15, 0.0}, sampleRate);
        break;
    }
    return out;
}

} // namespace lotstation::station
