#include "lotstation/scan/frame_source.hpp"

#include "decode/opencv_frame.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <system_error>
#include <vector>

namespace lotstation::scan {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string lowerExtension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool isRetryable(SourceKind kind) {
    return kind == SourceKind::Camera || kind == SourceKind::Stream;
}

std::string describe(const SourceSpec& spec) {
    switch (spec.kind) {
    case SourceKind::Camera:
        return spec.location.empty() ? "camera " + std::to_string(spec.cameraIndex)
                                     : "camera " + spec.location;
    case SourceKind::Stream:
        return "stream " + spec.location;
    case SourceKind::VideoFile:
        return "video " + spec.location;
    case SourceKind::ImageFile:
        return "image " + spec.location;
    case SourceKind::ImageFolder:
        return "folder " + spec.location;
    case SourceKind::Generated:
        return spec.location;
    }
    return spec.location;
}

} // namespace

bool isImagePath(const fs::path& path) {
    static constexpr std::string_view kExtensions[] = {".png",  ".jpg",  ".jpeg", ".bmp", ".gif", ".tif",
                                                       ".tiff", ".webp", ".pgm",  ".ppm", ".pbm"};
    const auto ext = lowerExtension(path);
    return std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
}

bool isVideoPath(const fs::path& path) {
    static constexpr std::string_view kExtensions[] = {".avi",  ".mp4", ".mkv", ".mov",  ".webm", ".mjpeg",
                                                       ".mjpg", ".m4v", ".mpg", ".mpeg", ".wmv"};
    const auto ext = lowerExtension(path);
    return std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
}

SourceSpec parseSourceSpec(std::string_view text) {
    for (std::string_view prefix : {"camera:", "cam:"}) {
        if (startsWith(text, prefix)) {
            const std::string rest(text.substr(prefix.size()));
            if (!rest.empty() &&
                std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return SourceSpec::camera(std::stoi(rest));
            return SourceSpec::device(rest);
        }
    }
    if (text.find("://") != std::string_view::npos) return SourceSpec::stream(std::string(text));
    if (startsWith(text, "/dev/video")) return SourceSpec::device(std::string(text));
    const fs::path path{std::string(text)};
    std::error_code ec;
    if (fs::is_directory(path, ec)) return SourceSpec::imageFolder(path.string());
    if (isImagePath(path)) return SourceSpec::imageFile(path.string());
    return SourceSpec::videoFile(path.string());
}

std::string_view stateName(SourceState state) {
    switch (state) {
    case SourceState::Opening:
        return "opening";
    case SourceState::Running:
        return "running";
    case SourceState::Lost:
        return "lost";
    case SourceState::Retrying:
        return "retrying";
    case SourceState::Ended:
        return "ended";
    }
    return "unknown";
}

Result<Frame> readImageFile(const fs::path& path, Clock::time_point captureTime) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return fail(ErrorKind::NotFound, path.string() + ": no such file");
    try {
        const cv::Mat image = cv::imread(path.string(), cv::IMREAD_UNCHANGED);
        if (image.empty())
            return fail(ErrorKind::Invalid, path.string() + ": not an image OpenCV can read");
        cv::Mat eight = image;
        if (image.depth() != CV_8U) image.convertTo(eight, CV_8U, image.depth() == CV_16U ? 1.0 / 257 : 1.0);
        Frame frame = detail::frameFromMat(eight, captureTime, 0);
        if (frame.empty()) return fail(ErrorKind::Invalid, path.string() + ": unsupported pixel layout");
        return frame;
    } catch (const std::exception& e) {
        return fail(ErrorKind::Io, path.string() + ": " + e.what());
    }
}

struct FrameSource::Impl {
    SourceSpec spec;
    SourceSettings settings;
    SourceStatus status;
    cv::VideoCapture capture;
    std::vector<fs::path> images; // folder / single image
    std::size_t nextImage = 0;
    std::chrono::milliseconds backoff{0};

    void lose(std::string reason, Clock::time_point now) {
        capture.release();
        status.state = SourceState::Lost;
        status.reason = std::move(reason);
        ++status.failedAttempts;
        if (isRetryable(spec.kind)) {
            backoff = backoff.count() == 0 ? settings.firstRetry : std::min(backoff * 2, settings.maxRetry);
            status.retryAt = now + backoff;
        } else {
            status.retryAt.reset();
        }
    }

    void open(Clock::time_point now) {
        status.state = SourceState::Opening;
        switch (spec.kind) {
        case SourceKind::ImageFile:
        case SourceKind::ImageFolder:
            openImages(now);
            return;
        case SourceKind::Generated:
            if (!spec.generator) return lose(spec.location + ": nothing paints its frames", now);
            status.state = SourceState::Running;
            status.reason.clear();
            return;
        default:
            openCapture(now);
            return;
        }
    }

    void openImages(Clock::time_point now) {
        images.clear();
        nextImage = 0;
        const fs::path root(spec.location);
        std::error_code ec;
        if (spec.kind == SourceKind::ImageFile) {
            if (!fs::is_regular_file(root, ec)) return lose(spec.location + ": no such image file", now);
            images.push_back(root);
        } else {
            if (!fs::is_directory(root, ec)) return lose(spec.location + ": no such folder", now);
            for (const auto& entry : fs::directory_iterator(root, ec))
                if (entry.is_regular_file() && isImagePath(entry.path())) images.push_back(entry.path());
            std::sort(images.begin(), images.end());
            if (images.empty()) return lose(spec.location + ": folder holds no images", now);
        }
        status.state = SourceState::Running;
        status.reason.clear();
    }

    void openCapture(Clock::time_point now) {
        bool opened = false;
        if (spec.kind == SourceKind::Camera && spec.location.empty())
            opened = capture.open(spec.cameraIndex, cv::CAP_ANY);
        else if (spec.kind == SourceKind::VideoFile && !fs::is_regular_file(fs::path(spec.location)))
            return lose(spec.location + ": no such video file", now);
        else
            opened = capture.open(spec.location, cv::CAP_ANY);
        if (!opened || !capture.isOpened()) return lose(describe(spec) + " could not be opened", now);
        if (settings.width > 0) capture.set(cv::CAP_PROP_FRAME_WIDTH, settings.width);
        if (settings.height > 0) capture.set(cv::CAP_PROP_FRAME_HEIGHT, settings.height);
        if (settings.fps > 0) capture.set(cv::CAP_PROP_FPS, settings.fps);
        status.state = SourceState::Running;
        status.reason.clear();
        status.retryAt.reset();
    }

    std::optional<Frame> nextImageFrame(Clock::time_point now) {
        // Unreadable images in a folder are skipped; a folder of nothing readable ends (or is lost).
        for (std::size_t tries = 0; tries < images.size(); ++tries) {
            if (nextImage >= images.size()) {
                if (!settings.loop) {
                    status.state = SourceState::Ended;
                    return std::nullopt;
                }
                nextImage = 0;
            }
            auto frame = readImageFile(images[nextImage++], now);
            if (frame) return std::move(*frame);
            status.reason = frame.error().message;
        }
        lose(spec.location + ": no readable image", now);
        return std::nullopt;
    }

    std::optional<Frame> nextCaptureFrame(Clock::time_point now) {
        cv::Mat image;
        if (!capture.read(image) || image.empty()) {
            if (spec.kind == SourceKind::VideoFile && status.framesDelivered > 0) {
                if (settings.loop && capture.set(cv::CAP_PROP_POS_FRAMES, 0) && capture.read(image) &&
                    !image.empty())
                    return detail::frameFromMat(image, now, 0);
                status.state = SourceState::Ended;
                capture.release();
                return std::nullopt;
            }
            lose(describe(spec) +
                     (status.framesDelivered > 0 ? " stopped delivering frames" : " delivers no frames"),
                 now);
            return std::nullopt;
        }
        backoff = std::chrono::milliseconds{0}; // a frame arrived: the next loss starts the back-off afresh
        return detail::frameFromMat(image, now, 0);
    }

    std::optional<Frame> next(Clock::time_point now) {
        if (status.state == SourceState::Ended) return std::nullopt;
        if (status.state == SourceState::Lost || status.state == SourceState::Retrying) {
            if (!status.retryAt) return std::nullopt; // files do not come back by waiting
            if (now < *status.retryAt) {
                status.state = SourceState::Retrying;
                return std::nullopt;
            }
            open(now);
        } else if (status.state == SourceState::Opening) {
            open(now);
        }
        if (status.state != SourceState::Running) return std::nullopt;
        std::optional<Frame> frame;
        if (spec.kind == SourceKind::Generated) {
            frame = spec.generator(status.framesDelivered);
            frame->captureTime = now;
        } else {
            frame = images.empty() ? nextCaptureFrame(now) : nextImageFrame(now);
        }
        if (frame && !frame->empty()) {
            frame->sequence = ++status.framesDelivered;
            return frame;
        }
        return std::nullopt;
    }
};

FrameSource::FrameSource(SourceSpec spec, SourceSettings settings) : m_impl(std::make_unique<Impl>()) {
    m_impl->spec = std::move(spec);
    m_impl->settings = settings;
}
FrameSource::~FrameSource() = default;
FrameSource::FrameSource(FrameSource&&) noexcept = default;
FrameSource& FrameSource::operator=(FrameSource&&) noexcept = default;

std::optional<Frame> FrameSource::next(Clock::time_point now) {
    try {
        return m_impl->next(now);
    } catch (const std::exception& e) {
        // OpenCV backends throw cv::Exception on odd devices and streams: a lost source, not a crash.
        m_impl->lose(describe(m_impl->spec) + ": " + e.what(), now);
        return std::nullopt;
    }
}

const SourceStatus& FrameSource::status() const {
    return m_impl->status;
}
const SourceSpec& FrameSource::spec() const {
    return m_impl->spec;
}

} // namespace lotstation::scan
