#pragma once
// What `lotstation scan PATH... [--json]` needs: every registered code in images, folders (recursively),
// video files, or a camera / stream, and a readable error for every input that could not be read.
#include "lotstation/scan/decoder.hpp"
#include "lotstation/scan/dedupe.hpp"
#include "lotstation/scan/scanned_code.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::scan {

struct FoundCode;
struct FileScanError;

struct FileScanOptions {
    DecoderSettings decoder;
    DedupeSettings dedupe; // videos and cameras: a code held in view is reported once
    // Cameras and streams run this long (wall-clock) or until maxFrames frames, whichever comes first.
    std::chrono::milliseconds liveDuration{5'000};
    std::uint64_t maxFrames = 300;
    // Called as each code registers and as each input fails, before the scan goes on: a caller following a
    // live camera prints them as they happen. The report holds them all as well.
    std::function<void(const FoundCode&)> onCode;
    std::function<void(const FileScanError&)> onError;
};

struct FoundCode {
    std::string source;                 // the file, or the camera / stream as given
    std::optional<std::uint64_t> frame; // 1-based frame number in a video or camera feed
    ScannedCode code;
};

struct FileScanError {
    std::string source;
    std::string message;
};

struct FileScanReport {
    std::vector<FoundCode> codes;
    std::vector<FileScanError> errors;
    std::uint64_t imagesRead = 0;
    std::uint64_t framesRead = 0;
};

// Inputs are scanned in the order given; inside a folder, in path order. Files in folders that are neither
// images nor videos are passed over; inputs that cannot be read become errors and the scan goes on.
[[nodiscard]] FileScanReport scanFiles(const std::vector<std::string>& inputs,
                                       const FileScanOptions& options = {});

} // namespace lotstation::scan
