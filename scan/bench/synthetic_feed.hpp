#pragma once
// A synthetic 1080p camera feed: labels (QR, Code 128, Data Matrix) held in front of a noisy scene at a
// slant, slightly blurred, moving; empty frames between them.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace lotstation::bench {

struct FeedFrame {
    cv::Mat gray;
    std::string label; // empty: no code in this frame
};

struct FeedClip {
    std::string label;
    std::vector<cv::Mat> frames; // the label in view, moving
};

// `framesPerClip` frames for each label.
[[nodiscard]] std::vector<FeedClip> makeClips(int framesPerClip, int width = 1920, int height = 1080);
// A few frames of the empty scene.
[[nodiscard]] std::vector<cv::Mat> makeEmptyFrames(int count, int width = 1920, int height = 1080);

} // namespace lotstation::bench
