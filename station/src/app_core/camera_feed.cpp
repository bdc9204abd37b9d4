#include "lotstation/station/camera_feed.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace lotstation::station {

Image toPreviewImage(const scan::Frame& frame) {
    Image image;
    if (frame.empty()) return image;
    image.width = frame.width;
    image.height = frame.height;
    image.channels = 3;
    image.pixels.resize(image.rowBytes() * static_cast<std::size_t>(frame.height));
    for (int y = 0; y < frame.height; ++y) {
        const std::uint8_t* in = frame.row(y);
        std::uint8_t* out = image.pixels.data() + image.rowBytes() * static_cast<std::size_t>(y);
        if (frame.format == scan::PixelFormat::Rgb8) {
            std::memcpy(out, in, image.rowBytes());
            continue;
        }
        for (int x = 0; x < frame.width; ++x, out += 3)
            out[0] = out[1] = out[2] = in[x];
    }
    return image;
}

CameraFeed::CameraFeed(scan::SourceSpec spec, CameraFeedSettings settings)
    : m_spec(std::move(spec)), m_settings(settings),
      m_worker(std::make_unique<scan::DecodeWorker>(m_settings.decode)) {
    // The pump only keeps the latest frame; update() decides what the decoder sees, on the UI's beat.
    m_pump = std::make_unique<scan::FramePump>(m_spec, m_settings.pump, [](const scan::Frame&) {});
}

CameraFeed::~CameraFeed() {
    m_pump->stop();
    m_worker->stop();
}

std::vector<scan::ScannedCode> CameraFeed::update(std::chrono::steady_clock::time_point now) {
    m_status = m_pump->status();
    if (auto frame = m_pump->latestFrame(); frame && !frame->empty()) {
        if (!m_submittedAny || frame->sequence != m_lastSubmitted) {
            m_lastSubmitted = frame->sequence;
            m_submittedAny = true;
            m_preview = toPreviewImage(*frame);
            m_worker->submit(std::move(*frame));
        }
    }
    std::vector<scan::ScannedCode> registered;
    for (auto& outcome : m_worker->poll()) {
        m_outlines.clear();
        for (const auto& code : outcome.seen)
            if (code.position) m_outlines.push_back(*code.position);
        m_outlinesAt = now;
        for (auto& code : outcome.registered)
            registered.push_back(std::move(code));
    }
    // A file that ended stays on screen with its last frame, and so do that frame's codes.
    if (m_status.state != scan::SourceState::Ended && now - m_outlinesAt > m_settings.outlineFor)
        m_outlines.clear();
    return registered;
}

std::string CameraFeed::sourceName() const {
    if (m_spec.kind == scan::SourceKind::Camera && m_spec.location.empty())
        return "Camera " + std::to_string(m_spec.cameraIndex);
    if (m_spec.kind == scan::SourceKind::Stream || m_spec.kind == scan::SourceKind::Camera)
        return m_spec.location;
    const std::string name = std::filesystem::path(m_spec.location).filename().string();
    return name.empty() ? m_spec.location : name;
}

std::string CameraFeed::statusText(std::chrono::steady_clock::time_point now) const {
    switch (m_status.state) {
    case scan::SourceState::Opening:
        return "Opening " + sourceName();
    case scan::SourceState::Running:
        return sourceName();
    case scan::SourceState::Ended:
        return "Ended: " + sourceName();
    case scan::SourceState::Lost:
    case scan::SourceState::Retrying:
        break;
    }
    std::string text = "Lost: " + (m_status.reason.empty() ? sourceName() : m_status.reason);
    if (m_status.retryAt) {
        const auto left = std::chrono::duration<double>(*m_status.retryAt - now).count();
        const long seconds = std::max(1L, std::lround(std::ceil(left)));
        text += ", retrying in " + std::to_string(seconds) + " s";
    }
    return text;
}

} // namespace lotstation::station
