#pragma once
// The camera preview's source of truth: a real frame source on its own thread (FramePump) and the decoder
// on another (DecodeWorker). The window calls update() once per drawn frame; it never waits on the camera
// or the decoder, and gets back the scans that newly registered, to hand to Station like wedge scans.
#include "lotstation/scan/decode_worker.hpp"
#include "lotstation/scan/frame_pump.hpp"
#include "lotstation/station/image.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::station {

struct CameraFeedSettings {
    scan::FramePumpSettings pump;
    scan::DecodeWorkerSettings decode;
    // Outlines older than this are dropped: a code that left the view should not stay boxed.
    std::chrono::milliseconds outlineFor{400};
    // Wider frames are shrunk by a whole factor for the preview (1080p -> 960 x 540); 0 keeps them as they
    // are.
    int previewMaxWidth = 1280;
};

class CameraFeed {
  public:
    explicit CameraFeed(scan::SourceSpec spec, CameraFeedSettings settings = {});
    ~CameraFeed();
    CameraFeed(const CameraFeed&) = delete;
    CameraFeed& operator=(const CameraFeed&) = delete;

    // One UI frame: hands the newest frame to the decoder (never blocks), takes what it found, and returns
    // the scans that registered since the last call.
    [[nodiscard]] std::vector<scan::ScannedCode> update(std::chrono::steady_clock::time_point now);

    // The newest frame as RGB for the preview texture; nullptr until the source delivered one.
    [[nodiscard]] const Image* preview() const { return m_preview.empty() ? nullptr : &m_preview; }
    // Changes whenever preview() holds a new frame, so the window uploads each camera frame once.
    [[nodiscard]] std::uint64_t previewSequence() const { return m_lastSubmitted; }
    // Where codes were seen in the latest decoded frame, in preview() pixels.
    [[nodiscard]] const std::vector<scan::Quad>& outlines() const { return m_outlines; }
    [[nodiscard]] const scan::SourceStatus& status() const { return m_status; }
    // "Camera 0", "video.mp4", "Lost: cannot open camera 0, retrying in 2 s", "Ended: video.mp4".
    [[nodiscard]] std::string statusText(std::chrono::steady_clock::time_point now) const;
    [[nodiscard]] std::string sourceName() const;
    [[nodiscard]] bool delivering() const { return m_status.state == scan::SourceState::Running; }

  private:
    scan::SourceSpec m_spec;
    CameraFeedSettings m_settings;
    // Destroyed in reverse order: the pump stops first, then the worker it no longer feeds.
    std::unique_ptr<scan::DecodeWorker> m_worker;
    std::unique_ptr<scan::FramePump> m_pump;
    scan::SourceStatus m_status;
    std::uint64_t m_lastSubmitted = 0;
    bool m_submittedAny = false;
    Image m_preview;
    double m_previewScale = 1.0; // preview pixels per frame pixel
    std::vector<scan::Quad> m_outlines;
    std::chrono::steady_clock::time_point m_outlinesAt{};
};

// Builds an RGB preview image from a gray or RGB frame (any stride), shrunk by a whole factor to at most
// `maxWidth` pixels wide (0: full size).
[[nodiscard]] Image toPreviewImage(const scan::Frame& frame, int maxWidth = 0);

} // namespace lotstation::station
