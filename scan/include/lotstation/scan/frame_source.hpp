#pragma once
// Where frames come from: a camera (index or device path), a network stream, a video file, one image or a
// folder of images. Hides OpenCV. A camera that never opens or vanishes is a state with a reason and a retry
// time, never an exception: the station shows it and keeps going.
#include "lotstation/core/error.hpp"
#include "lotstation/scan/frame.hpp"

#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lotstation::scan {

enum class SourceKind { Camera, Stream, VideoFile, ImageFile, ImageFolder, Generated };

// Paints frame number `index` (0, 1, 2, ...) of a made-up scene: a demo or training feed that goes through
// the same pump, decoder and dedupe as a real camera. Called on the pump's thread.
using FrameGenerator = std::function<Frame(std::uint64_t index)>;

struct SourceSpec {
    SourceKind kind = SourceKind::Camera;
    int cameraIndex = 0;      // SourceKind::Camera when location is empty
    std::string location;     // device path, stream URL, file or folder path; a generated feed's name
    FrameGenerator generator; // SourceKind::Generated only

    [[nodiscard]] static SourceSpec camera(int index) { return {SourceKind::Camera, index, {}}; }
    [[nodiscard]] static SourceSpec device(std::string path) {
        return {SourceKind::Camera, -1, std::move(path)};
    }
    [[nodiscard]] static SourceSpec stream(std::string url) {
        return {SourceKind::Stream, -1, std::move(url)};
    }
    [[nodiscard]] static SourceSpec videoFile(std::string path) {
        return {SourceKind::VideoFile, -1, std::move(path)};
    }
    [[nodiscard]] static SourceSpec imageFile(std::string path) {
        return {SourceKind::ImageFile, -1, std::move(path)};
    }
    [[nodiscard]] static SourceSpec imageFolder(std::string path) {
        return {SourceKind::ImageFolder, -1, std::move(path)};
    }
    [[nodiscard]] static SourceSpec generated(std::string name, FrameGenerator generator) {
        return {SourceKind::Generated, -1, std::move(name), std::move(generator)};
    }
};

// "camera:0" / "cam:1", "/dev/video0", "rtsp://…" / "http(s)://…", a folder, an image or a video file (by
// extension; an existing file that is neither is treated as video, OpenCV has the last word).
[[nodiscard]] SourceSpec parseSourceSpec(std::string_view text);

[[nodiscard]] bool isImagePath(const std::filesystem::path& path);
[[nodiscard]] bool isVideoPath(const std::filesystem::path& path);

struct SourceSettings {
    int width = 0; // requested capture size; 0 keeps the device default
    int height = 0;
    double fps = 0;    // requested capture rate; 0 keeps the device default
    bool loop = false; // folders, images and video files start over at the end
    std::chrono::milliseconds firstRetry{500};
    std::chrono::milliseconds maxRetry{10'000};
};

enum class SourceState {
    Opening,  // not tried yet, or trying now
    Running,  // delivering frames
    Lost,     // failed; reason says why. Cameras and streams retry at retryAt, files do not.
    Retrying, // waiting for retryAt
    Ended,    // a file source reached its end (and does not loop)
};

struct SourceStatus {
    SourceState state = SourceState::Opening;
    std::string reason;
    std::optional<std::chrono::steady_clock::time_point> retryAt;
    int failedAttempts = 0;
    std::uint64_t framesDelivered = 0;
};

[[nodiscard]] std::string_view stateName(SourceState state);

class FrameSource {
  public:
    explicit FrameSource(SourceSpec spec, SourceSettings settings = {});
    ~FrameSource();
    FrameSource(FrameSource&&) noexcept;
    FrameSource& operator=(FrameSource&&) noexcept;
    FrameSource(const FrameSource&) = delete;
    FrameSource& operator=(const FrameSource&) = delete;

    // The next frame, stamped with `now`, or nullopt when none is available (status() says why). Opens and
    // re-opens as needed; a camera read may block for up to one frame interval. Never throws.
    [[nodiscard]] std::optional<Frame> next(std::chrono::steady_clock::time_point now);
    [[nodiscard]] const SourceStatus& status() const;
    [[nodiscard]] const SourceSpec& spec() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// One image file as a frame (gray or RGB), or why it could not be read.
[[nodiscard]] Result<Frame>
readImageFile(const std::filesystem::path& path, std::chrono::steady_clock::time_point captureTime = {});

} // namespace lotstation::scan
