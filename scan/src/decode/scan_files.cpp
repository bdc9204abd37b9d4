#include "lotstation/scan/scan_files.hpp"

#include "lotstation/scan/frame_source.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <thread>

namespace lotstation::scan {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Errors are reported beside their source; the source readers name the file in their messages too.
FileScanError errorFor(const std::string& source, std::string message) {
    const std::string prefix = source + ": ";
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
    return {source, std::move(message)};
}

void found(FileScanReport& report, const FileScanOptions& options, FoundCode code) {
    if (options.onCode) options.onCode(code);
    report.codes.push_back(std::move(code));
}

void failed(FileScanReport& report, const FileScanOptions& options, FileScanError error) {
    if (options.onError) options.onError(error);
    report.errors.push_back(std::move(error));
}

void scanImage(const fs::path& path, const FileScanOptions& options, FileScanReport& report) {
    auto frame = readImageFile(path, Clock::now());
    if (!frame) {
        failed(report, options, errorFor(path.string(), frame.error().message));
        return;
    }
    ++report.imagesRead;
    for (auto& code : decodeStill(*frame, options.decoder))
        found(report, options, {path.string(), std::nullopt, code});
}

// Video files and live sources go through the camera pipeline (live decoder + dedupe). Video frames are
// timed as a 30 fps feed so dedupe intervals mean the same as with a camera; live sources use real time.
void scanFeed(const std::string& input, SourceSpec spec, const FileScanOptions& options,
              FileScanReport& report) {
    const bool live = spec.kind == SourceKind::Camera || spec.kind == SourceKind::Stream;
    FrameSource source(std::move(spec));
    LiveDecoderSettings liveSettings;
    liveSettings.decoder = options.decoder;
    LiveDecoder decoder(liveSettings);
    Dedupe dedupe(options.dedupe);
    const auto start = Clock::now();
    std::uint64_t frames = 0;
    for (;;) {
        const auto now =
            live ? Clock::now() : start + std::chrono::milliseconds(33) * static_cast<long>(frames);
        if (frames >= options.maxFrames && live) break;
        if (live && now - start >= options.liveDuration) break;
        auto frame = source.next(now);
        if (!frame) {
            const auto& status = source.status();
            if (status.state == SourceState::Ended) break;
            if (status.state == SourceState::Lost || status.state == SourceState::Retrying) {
                if (!live || !status.retryAt) break;
                if (*status.retryAt - start >= options.liveDuration) break;
                std::this_thread::sleep_until(*status.retryAt);
            }
            continue;
        }
        ++frames;
        auto seen = decoder.decode(*frame);
        for (auto& code : dedupe.update(seen, now)) {
            code.origin = live ? ScanOrigin::Camera : ScanOrigin::File;
            found(report, options, {input, std::optional<std::uint64_t>(frames), std::move(code)});
        }
    }
    report.framesRead += frames;
    const auto& status = source.status();
    if (frames == 0)
        failed(report, options, errorFor(input, status.reason.empty() ? "no frames" : status.reason));
}

void scanFolder(const fs::path& folder, const FileScanOptions& options, FileScanReport& report) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it =
             fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && (isImagePath(it->path()) || isVideoPath(it->path())))
            files.push_back(it->path());
    }
    if (ec) failed(report, options, {folder.string(), "cannot list folder: " + ec.message()});
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        if (isImagePath(file))
            scanImage(file, options, report);
        else
            scanFeed(file.string(), SourceSpec::videoFile(file.string()), options, report);
    }
}

} // namespace

FileScanReport scanFiles(const std::vector<std::string>& inputs, const FileScanOptions& options) {
    FileScanReport report;
    for (const auto& input : inputs) {
        const auto spec = parseSourceSpec(input);
        switch (spec.kind) {
        case SourceKind::ImageFolder:
            scanFolder(fs::path(input), options, report);
            break;
        case SourceKind::ImageFile:
            scanImage(fs::path(input), options, report);
            break;
        default:
            scanFeed(input, spec, options, report);
            break;
        }
    }
    return report;
}

} // namespace lotstation::scan
