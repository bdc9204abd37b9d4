#pragma once
// The sounds that go with the flashes, generated rather than shipped as files: a rising double beep when a
// scan is accepted, a low long buzz when it is refused, one middle beep when it is not understood.
#include "lotstation/station/feedback.hpp"

#include <vector>

namespace lotstation::station {

// Mono float samples in [-1, 1] at the given rate, with short fades so the speaker does not click.
[[nodiscard]] std::vector<float> feedbackTone(FeedbackKind kind, int sampleRate);

} // namespace lotstation::station
