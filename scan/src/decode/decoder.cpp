#include "lotstation/scan/decoder.hpp"

#include "decode/code_likeness.hpp"
#include "decode/opencv_frame.hpp"
#include "decode/zxing_call.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

namespace lotstation::scan {
namespace {

using Clock = std::chrono::steady_clock;

detail::GrayView viewOf(const cv::Mat& gray) {
    return {gray.data, gray.cols, gray.rows, static_cast<int>(gray.step)};
}

void stamp(std::vector<ScannedCode>& codes, const Frame& frame, ScanOrigin origin) {
    for (auto& c : codes) {
        c.frameTime = frame.captureTime;
        c.origin = origin;
    }
}

} // namespace

SymbologySet SymbologySet::all() {
    return {Symbology::QrCode,  Symbology::DataMatrix,
            Symbology::Code128, Symbology::Ean13,
            Symbology::Ean8,    Symbology::UpcA,
            Symbology::UpcE,    Symbology::Itf,
            Symbology::DataBar, Symbology::DataBarExpanded,
            Symbology::Code39,  Symbology::Pdf417};
}

// Still images get a chain of attempts, each only when everything before it found nothing: plain, then
// image treatments that each recovered corpus images ZXing alone misses (measured on ../shared/corpus):
// a global threshold (uneven light), unsharp masking and local contrast (soft 1D photos), an adaptive
// threshold (curved labels), enlarging (small, blurred symbols whose modules are ~1 px).
// The treatments cost ~10x the plain attempt, so they run only where something code-like was seen: a 2D
// symbol ZXing located but could not decode, or a patch of bars (code_likeness.hpp). A photo without any
// code then costs about what plain ZXing costs.
std::vector<ScannedCode> decodeStill(const Frame& frame, const DecoderSettings& settings) {
    const cv::Mat gray = detail::grayOf(frame);
    if (gray.empty()) return {};
    detail::PassOptions options;
    options.maxSymbols = settings.maxSymbols;
    bool matrixCandidate = false;
    auto attempt = [&](const cv::Mat& image, double scale) {
        for (auto threshold : {detail::Threshold::Local, detail::Threshold::GlobalHistogram}) {
            options.threshold = threshold;
            auto codes = detail::readCodes(viewOf(image), settings.symbologies, options, {scale, 0, 0},
                                           &matrixCandidate);
            if (!codes.empty()) return codes;
        }
        return std::vector<ScannedCode>{};
    };
    auto codes = attempt(gray, 1.0);
    if (codes.empty() && !matrixCandidate && !detail::hasBarLikePatch(gray)) return codes;
    if (codes.empty()) {
        cv::Mat blurred, sharpened;
        cv::GaussianBlur(gray, blurred, {0, 0}, 2.0);
        cv::addWeighted(gray, 2.0, blurred, -1.0, 0, sharpened);
        codes = attempt(sharpened, 1.0);
    }
    if (codes.empty()) {
        cv::Mat equalised;
        cv::createCLAHE(3.0, {8, 8})->apply(gray, equalised);
        codes = attempt(equalised, 1.0);
    }
    if (codes.empty()) {
        // Curved, unevenly lit 1D labels (cans, bottles): a Gaussian-weighted local threshold over ~31 px
        // separates bars that both of ZXing's binarizers merge.
        cv::Mat binary;
        cv::adaptiveThreshold(gray, binary, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, 31, 2);
        codes = attempt(binary, 1.0);
    }
    const int shortSide = std::min(gray.cols, gray.rows);
    if (codes.empty() && shortSide < 600) {
        cv::Mat larger;
        cv::resize(gray, larger, {}, 2.0, 2.0, cv::INTER_CUBIC);
        codes = attempt(larger, 0.5);
    }
    if (codes.empty() && shortSide < 400) {
        cv::Mat larger, blurred, sharpened;
        cv::resize(gray, larger, {}, 3.0, 3.0, cv::INTER_CUBIC);
        cv::GaussianBlur(larger, blurred, {0, 0}, 4.0);
        cv::addWeighted(larger, 2.5, blurred, -1.5, 0, sharpened);
        codes = attempt(sharpened, 1.0 / 3.0);
    }
    stamp(codes, frame, ScanOrigin::File);
    return codes;
}

// Per-frame effort policy for camera feeds
// ----------------------------------------
// 1. fast pass, no try-harder, no rotation: 2D symbols on the frame shrunk to fastPassWidth (bilinear),
//    1D symbols at full resolution (scanning a few rows is cheap, and thin bars need every pixel). Finds what
//    an operator holds up to the camera at a fraction of the full-frame cost.
// 2. region pass: when a code was seen recently, the region around it at full resolution with try-harder,
//    so a code that is small or at an angle keeps being read while it is in view.
// 3. tile pass: when nothing was found and the budget allows, one full-resolution tile (of twelve, in
//    turn) with try-harder and rotation: within twelve frames (0.4 s) the whole frame gets the expensive
//    look, and no frame pays for all of it.
// Passes 2 and 3 are skipped when a newer frame is already waiting (the worker says so), so a code coming
// into view does not wait behind an optional pass on an older frame.
struct LiveDecoder::State {
    LiveDecoderSettings settings;
    LivePassReport report;
    std::optional<cv::Rect> lastRegion;
    Clock::time_point lastHit{};
    int nextTile = 0;
};

LiveDecoder::LiveDecoder(LiveDecoderSettings settings) : m_state(std::make_unique<State>()) {
    m_state->settings = settings;
    // A camera feed is already decoded in parallel with its capture (frame pump and decoder threads), and
    // OpenCV's calls here are small (one resize, a grey conversion): its TBB worker pool only spun in
    // sched_yield beside us (2.6 s of kernel time per 1080p minute on two cores). One thread: OpenCV runs
    // its functions in the calling thread. The setting is process-wide, which is what a station wants.
    cv::setNumThreads(1);
}
LiveDecoder::~LiveDecoder() = default;
LiveDecoder::LiveDecoder(LiveDecoder&&) noexcept = default;
LiveDecoder& LiveDecoder::operator=(LiveDecoder&&) noexcept = default;

const LivePassReport& LiveDecoder::lastReport() const {
    return m_state->report;
}

std::vector<ScannedCode> LiveDecoder::decode(const Frame& frame, const std::atomic<bool>* newerFrameWaiting) {
    auto& s = *m_state;
    const auto start = Clock::now();
    s.report = {};
    std::vector<ScannedCode> codes;
    const cv::Mat gray = detail::grayOf(frame);
    if (gray.empty()) return codes;
    const auto& decoder = s.settings.decoder;
    const auto budget = s.settings.frameBudget;
    auto elapsed = [&] {
        return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    };
    // The optional passes yield to a newer frame: its fast pass matters more than this frame's hard look.
    auto inTime = [&](std::chrono::microseconds limit) {
        return elapsed() < limit &&
               !(newerFrameWaiting && newerFrameWaiting->load(std::memory_order_relaxed));
    };

    // 1. fast pass: 2D symbols at reduced size, 1D symbols at full width (their bars need the resolution,
    //    and one-row-in-many scanning without try-harder makes that cheap).
    {
        detail::PassOptions fast;
        fast.tryHarder = false;
        fast.tryRotate = false;
        fast.tryDownscale = false;
        fast.maxSymbols = decoder.maxSymbols;
        const auto matrix = detail::matrixPart(decoder.symbologies);
        if (gray.cols > s.settings.fastPassWidth) {
            const double factor = double(gray.cols) / s.settings.fastPassWidth;
            cv::Mat small;
            // INTER_LINEAR: INTER_AREA at a non-integer factor costs ~3x more and read no more codes on the
            // benchmark feed (camera frames are soft enough not to alias).
            cv::resize(gray, small, {s.settings.fastPassWidth, static_cast<int>(gray.rows / factor)}, 0, 0,
                       cv::INTER_LINEAR);
            codes = detail::readCodes(viewOf(small), matrix, fast, {factor, 0, 0});
        } else {
            codes = detail::readCodes(viewOf(gray), matrix, fast);
        }
        detail::mergeCodes(codes,
                           detail::readCodes(viewOf(gray), detail::linearPart(decoder.symbologies), fast));
        s.report.fast = true;
    }

    const auto frameTime = frame.captureTime;
    const bool regionFresh = s.lastRegion && frameTime - s.lastHit <= s.settings.regionMemory;

    // 2. region pass
    if (codes.empty() && regionFresh && inTime(budget)) {
        const cv::Rect region = *s.lastRegion & cv::Rect(0, 0, gray.cols, gray.rows);
        if (region.area() > 0) {
            detail::PassOptions harder;
            harder.tryDownscale = false;
            harder.maxSymbols = decoder.maxSymbols;
            const cv::Mat roi = gray(region);
            detail::mergeCodes(codes, detail::readCodes(viewOf(roi), decoder.symbologies, harder,
                                                        {1.0, region.x, region.y}));
            s.report.region = true;
        }
    }

    // 3. one full-resolution tile, when there is time left
    if (codes.empty() && inTime(budget / 3) && gray.cols > s.settings.fastPassWidth) {
        constexpr int kColumns = 4, kRows = 3;
        const int tile = s.nextTile++ % (kColumns * kRows);
        const int w = gray.cols / kColumns, h = gray.rows / kRows;
        // Tiles overlap by a sixth of their size on each side, so a code on a seam is whole in one of them.
        const cv::Rect cell((tile % kColumns) * w - w / 6, (tile / kColumns) * h - h / 6, w + w / 3,
                            h + h / 3);
        const cv::Rect region = cell & cv::Rect(0, 0, gray.cols, gray.rows);
        detail::PassOptions harder;
        harder.tryDownscale = false;
        harder.maxSymbols = decoder.maxSymbols;
        const cv::Mat roi = gray(region);
        detail::mergeCodes(
            codes, detail::readCodes(viewOf(roi), decoder.symbologies, harder, {1.0, region.x, region.y}));
        s.report.full = true;
    }

    if (!codes.empty()) {
        // Remember where the codes were, generously: the hand holding them moves between frames.
        int x0 = gray.cols, y0 = gray.rows, x1 = 0, y1 = 0;
        for (const auto& c : codes) {
            if (!c.position) continue;
            for (const auto& p : c.position->corners) {
                x0 = std::min(x0, p.x);
                y0 = std::min(y0, p.y);
                x1 = std::max(x1, p.x);
                y1 = std::max(y1, p.y);
            }
        }
        if (x1 > x0 && y1 > y0) {
            const int mx = std::max(48, (x1 - x0) / 2), my = std::max(48, (y1 - y0) / 2);
            s.lastRegion = cv::Rect(x0 - mx, y0 - my, x1 - x0 + 2 * mx, y1 - y0 + 2 * my);
            s.lastHit = frameTime;
        }
    }
    stamp(codes, frame, ScanOrigin::Camera);
    s.report.elapsed = elapsed();
    return codes;
}

} // namespace lotstation::scan
