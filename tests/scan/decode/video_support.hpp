#pragma once
// A generated camera-like video: QR labels moving across a noisy frame, slightly warped and blurred.
#include <filesystem>
#include <string>
#include <vector>

namespace lotstation::test {

struct VideoScript {
    std::vector<std::string> labels; // shown one after another
    int framesPerLabel = 36;
    int gapFrames = 30; // empty frames after each label
    int width = 1280;
    int height = 720;
};

// Writes the video (MJPG in AVI, 30 fps); returns false when the writer is unavailable.
[[nodiscard]] bool writeLabelVideo(const std::filesystem::path& path, const VideoScript& script);

} // namespace lotstation::test
