#pragma once
// The window's side of media: the camera frame as a GL texture, the back buffer as an image, tones on the
// speaker. Each holds its resource for its lifetime and never throws; a missing audio device means silence.
#include "lotstation/station/feedback.hpp"
#include "lotstation/station/image.hpp"

#include <cstdint>
#include "lotstation/core/error.hpp"
#include <optional>
#include <imgui.h>
#include <string>

namespace lotstation::station::ui {

class PreviewTexture {
  public:
    PreviewTexture() = default;
    ~PreviewTexture();
    PreviewTexture(const PreviewTexture&) = delete;
    PreviewTexture& operator=(const PreviewTexture&) = delete;

    void upload(const Image& frame); // RGB or RGBA, any size; reallocates only when the size changes
    // The same, skipped when `version` is the one already on the GPU: a 1080p frame is ~6 MB to copy, and
    // the window draws faster than most cameras deliver.
    void uploadVersion(const Image& frame, std::uint64_t version);
    [[nodiscard]] ImTextureID id() const;

  private:
    unsigned m_texture = 0;
    int m_width = 0;
    int m_height = 0;
    int m_channels = 0;
    std::optional<std::uint64_t> m_version; // of the camera frame on the GPU; empty after a plain upload
};

// The frame just rendered, read from the back buffer before the swap, top row first, RGB.
[[nodiscard]] Result<Image> captureBackBuffer(int width, int height);

class TonePlayer {
  public:
    TonePlayer();
    ~TonePlayer();
    TonePlayer(const TonePlayer&) = delete;
    TonePlayer& operator=(const TonePlayer&) = delete;

    void play(FeedbackKind kind); // replaces whatever is still sounding
    [[nodiscard]] bool available() const { return m_device != 0; }

  private:
    std::uint32_t m_device = 0;
    int m_rate = 48000;
    bool m_ownsSubsystem = false;
};

} // namespace lotstation::station::ui
