#pragma once
// Runs a FrameSource on its own thread (a camera read blocks for up to a frame interval; the UI thread must
// never wait on it) and hands every frame to a sink, typically DecodeWorker::submit. The UI reads a snapshot
// of the source's status and the latest frame for the preview; both calls return at once.
#include "lotstation/scan/frame.hpp"
#include "lotstation/scan/frame_source.hpp"

#include <functional>
#include <memory>
#include <optional>

namespace lotstation::scan {

struct FramePumpSettings {
    SourceSettings source;
    // File sources (images, folders, video files) are played at this rate; cameras and streams set their own.
    double filePace = 30.0;
};

// Called on the pump's thread for every frame; must not block for long (DecodeWorker::submit does not).
using FrameSink = std::function<void(const Frame&)>;

class FramePump {
  public:
    FramePump(SourceSpec spec, FramePumpSettings settings, FrameSink sink);
    ~FramePump(); // stops and joins; returns within about one frame interval
    FramePump(const FramePump&) = delete;
    FramePump& operator=(const FramePump&) = delete;

    [[nodiscard]] SourceStatus status() const;
    [[nodiscard]] std::optional<Frame> latestFrame() const; // shares the pixels, no copy
    void stop();

  private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace lotstation::scan
