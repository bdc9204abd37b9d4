#include "lotstation/station/camera_feed.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace lotstation::station {

Image toPreviewImage(const scan::Frame& frame, int maxWidth) {
    Image image;
    if (frame.empty()) return image;
    // Every k x k block becomes one pixel (its mean): a 1080p frame fills a ~700 px panel, so a full-size
    // copy would only cost memory and upload time.
    const int k = maxWidth > 0 ? std::max(1, (frame.width + maxWidth - 1) / maxWidth) : 1;
    image.width = frame.width / k;
    image.height = frame.height / k;
    image.channels = 3;
    image.pixels.resize(image.rowBytes() * static_cast<std::size_t>(image.height));
    const int channels = scan::bytesPerPixel(frame.format);
    for (int y = 0; y < image.height; ++y) {
        std::uint8_t* out = image.pixels.data() + image.rowBytes() * static_cast<std::size_t>(y);
        if (k == 1 && frame.format == scan::PixelFormat::Rgb8) {
            std::memcpy(out, frame.row(y), image.rowBytes());
            continue;
        }
        for (int x = 0; x < image.width; ++x, out += 3) {
            int sum[3] = {0, 0, 0};
            for (int dy = 0; dy < k; ++dy) {
                const std::uint8_t* in =
                    frame.row(y * k + dy) + static_cast<std::ptrdiff_t>(x * k * channels);
                for (int dx = 0; dx < k; ++dx, in += channels)
                    for (int c = 0; c < 3; ++c)
                        sum[c] += in[channels == 3 ? c : 0];
            }
            for (int c = 0; c < 3; ++c)
                out[c] = static_cast<std::uint8_t>(sum[c] / (k * k));
        }
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

namespace {

scan::Quad scaled(scan::Quad quad, double scale) {
    for (auto& corner : quad.corners) {
        corner.x = static_cast<int>(std::lround(corner.x * scale));
        corner.y = static_cast<int>(std::lround(corner.y * scale));
    }
    return quad;
}

} // namespace

std::vector<scan::ScannedCode> CameraFeed::update(std::chrono::steady_clock::time_point now) {
    m_status = m_pump->status();
    if (auto frame = m_pump->latestFrame(); frame && !frame->empty()) {
        if (!m_submittedAny || frame->sequence != m_lastSubmitted) {
            m_lastSubmitted = frame->sequence;
            m_submittedAny = true;
            m_preview = toPreviewImage(*frame, m_settings.previewMaxWidth);
            m_previewScale = m_preview.empty() ? 1.0 : double(m_preview.width) / frame->width;
            m_worker->submit(std::move(*frame));
        }
    }
    std::vector<scan::ScannedCode> registered;
    for (auto& outcome : m_worker->poll()) {
        m_outlines.clear();
        for (const auto& code : outcome.seen)
            if (code.position) m_outlines.push_back(scaled(*code.position, m_previewScale));
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
