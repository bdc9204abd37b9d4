// lotstation-bench-scan [CORPUS_DIR]
// Prints, in one run: per corpus folder and for a synthetic 1080p feed, detection and median / p95 ms per
// image for our decoder, plain ZXing 1.4 (ReadBarcodes, try-harder) and zbar; then frame-arrival ->
// registered-scan latency through the decoder worker on a 30 fps 1080p feed.
#include "lotstation/scan/decode_worker.hpp"
#include "lotstation/scan/decoder.hpp"
#include "lotstation/scan/frame_source.hpp"
#include "peer_match.hpp"
#include "lotstation/scan/scan_files.hpp"
#include "peers.hpp"
#include "stats.hpp"
#include "synthetic_feed.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace lotstation;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// User + system CPU time of this process so far (all threads, library pools included), in ms.
double processCpuMs() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval& t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool matches(const std::vector<std::string>& texts, const std::string& expected) {
    return bench::peerMatches(texts, expected);
}

struct Tally {
    int hits = 0;
    int crashes = 0;
    std::vector<double> ms;
    void print() const {
        std::printf(" %5d%s %7.1f %7.1f |", hits, crashes ? "!" : " ", bench::quantile(ms, 0.5),
                    bench::quantile(ms, 0.95));
    }
    [[nodiscard]] double cpuPerFrame() const { return ms.empty() ? 0 : cpuMs / double(ms.size()); }
    double cpuMs = 0; // user + system
};

bench::GrayImage viewOf(const cv::Mat& gray) {
    return {gray.data, gray.cols, gray.rows, static_cast<int>(gray.step)};
}

scan::Frame frameOf(const cv::Mat& gray) {
    std::vector<std::uint8_t> pixels(gray.datastart, gray.dataend);
    return scan::makeFrame(gray.cols, gray.rows, scan::PixelFormat::Gray8, std::move(pixels));
}

std::vector<std::string> textsOf(const std::vector<scan::ScannedCode>& codes) {
    std::vector<std::string> texts;
    for (const auto& c : codes)
        texts.push_back(c.text);
    return texts;
}

void header(const char* first) {
    std::printf("%-18s %4s | %-22s | %-22s | %-22s |\n", first, "n", "ours: det  med   p95",
                "plain ZXing: det med p95", "zbar: det  med   p95");
}

void corpusTable(const fs::path& corpus) {
    std::printf(
        "\n== corpus (%s): detection = images read correctly (falsepositives: images with a false read;\n"
        "   multi: codes found; qrcode-7: sequence parts), ms per image; ! = plain ZXing aborted on some\n"
        "   (each plain ZXing decode runs in a child process, so its aborts are counted; ours run in this one)\n\n",
        corpus.string().c_str());
    std::vector<std::string> aborted;
    header("folder");
    std::vector<fs::path> folders;
    for (const auto& e : fs::directory_iterator(corpus))
        if (e.is_directory()) folders.push_back(e.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        const auto name = folder.filename().string();
        const bool falsePositives = name.starts_with("falsepositives");
        const bool multi = name.starts_with("multi");
        const bool sequence = name == "qrcode-7";
        Tally ours, zxing, zbar;
        int n = 0;
        std::vector<fs::path> images;
        for (const auto& e : fs::directory_iterator(folder))
            if (scan::isImagePath(e.path())) images.push_back(e.path());
        std::sort(images.begin(), images.end());
        const std::string sequenceText = sequence ? slurp(folder / "01.txt") : "";
        for (const auto& image : images) {
            std::optional<std::string> expected;
            for (const char* ext : {".txt", ".bin"}) {
                auto p = image;
                p.replace_extension(ext);
                if (fs::exists(p)) expected = slurp(p);
            }
            if (!expected && !falsePositives && !multi && !sequence) continue;
            ++n;
            const cv::Mat gray = cv::imread(image.string(), cv::IMREAD_GRAYSCALE);
            const auto frame = scan::readImageFile(image);
            if (gray.empty() || !frame) continue;
            auto score = [&](Tally& tally, const std::vector<std::string>& texts, double ms, bool crashed) {
                tally.ms.push_back(ms);
                tally.crashes += crashed;
                if (falsePositives)
                    tally.hits += texts.empty() ? 0 : 1;
                else if (multi)
                    tally.hits += static_cast<int>(texts.size());
                else if (sequence)
                    tally.hits += std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
                        return !t.empty() && sequenceText.find(t) != std::string::npos;
                    });
                else
                    tally.hits += matches(texts, *expected);
            };
            const auto start = Clock::now();
            const auto codes = scan::decodeStill(*frame);
            score(ours, textsOf(codes), msSince(start), false);
            const auto z = bench::plainZxing(viewOf(gray));
            score(zxing, z.texts, z.milliseconds, z.crashed);
            if (z.crashed) aborted.push_back(name + "/" + image.filename().string());
            const auto b = bench::zbar(viewOf(gray));
            score(zbar, b.texts, b.milliseconds, false);
        }
        std::printf("%-18s %4d |", name.c_str(), n);
        ours.print();
        zxing.print();
        zbar.print();
        std::printf("\n");
    }
    std::printf("\nimages plain ZXing aborted on: %zu (ours: 0, in-process)", aborted.size());
    for (const auto& a : aborted)
        std::printf(" %s", a.c_str());
    std::printf("\n");
}

void feedTable(const std::vector<bench::FeedClip>& clips, const std::vector<cv::Mat>& empties) {
    std::printf("\n== synthetic 1080p feed: %zu labels x %zu frames + %zu empty frames; detection = label "
                "frames read\n"
                "   (empty frames: false reads must be 0), ms per frame\n\n",
                clips.size(), clips.front().frames.size(), empties.size());
    header("1920x1080");
    Tally ours, zxing, zbar;
    int labelFrames = 0, falseReads[3] = {0, 0, 0};
    scan::LiveDecoder live;
    auto run = [&](const cv::Mat& gray, const std::string& label) {
        const auto frame = frameOf(gray);
        auto start = Clock::now();
        const double cpuStart = processCpuMs();
        const auto texts = textsOf(live.decode(frame));
        ours.ms.push_back(msSince(start));
        ours.cpuMs += processCpuMs() - cpuStart;
        const auto z = bench::plainZxing(viewOf(gray));
        zxing.ms.push_back(z.milliseconds);
        zxing.cpuMs += z.cpuMilliseconds;
        zxing.crashes += z.crashed;
        const auto b = bench::zbar(viewOf(gray));
        zbar.ms.push_back(b.milliseconds);
        if (label.empty()) {
            falseReads[0] += !texts.empty();
            falseReads[1] += !z.texts.empty();
            falseReads[2] += !b.texts.empty();
            return;
        }
        ++labelFrames;
        ours.hits += matches(texts, label);
        zxing.hits += matches(z.texts, label);
        zbar.hits += matches(b.texts, label);
    };
    for (std::size_t c = 0; c < clips.size(); ++c) {
        for (const auto& f : clips[c].frames)
            run(f, clips[c].label);
        run(empties[c % empties.size()], "");
        run(empties[(c + 1) % empties.size()], "");
    }
    std::printf("%-18s %4d |", "frames", static_cast<int>(ours.ms.size()));
    ours.print();
    zxing.print();
    zbar.print();
    std::printf("\n%-18s %4d | false reads on empty frames: ours %d, plain ZXing %d, zbar %d\n",
                "label frames", labelFrames, falseReads[0], falseReads[1], falseReads[2]);
    std::printf("CPU (user + system) per frame: ours (live decoder, one call per frame) %.1f ms, plain ZXing "
                "%.1f ms (its child process, fork included)\n",
                ours.cpuPerFrame(), zxing.cpuPerFrame());
}

// `lotstation scan VIDEO` does what this does: the feed written as a video file, then scanFiles.
void cliVideoTable(const std::vector<bench::FeedClip>& clips, const std::vector<cv::Mat>& empties) {
    const auto path = fs::temp_directory_path() / ("lotstation-bench-feed-" + std::to_string(::getpid()) + ".avi");
    {
        cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30,
                               clips.front().frames.front().size(), false);
        if (!writer.isOpened()) {
            std::printf("\n(cannot write %s: CLI scan table skipped)\n", path.string().c_str());
            return;
        }
        for (std::size_t c = 0; c < clips.size(); ++c) {
            for (const auto& f : clips[c].frames)
                writer.write(f);
            for (int g = 0; g < 8; ++g)
                writer.write(empties[(c + static_cast<std::size_t>(g)) % empties.size()]);
        }
    }
    const double cpuStart = processCpuMs();
    const auto start = Clock::now();
    const auto report = scan::scanFiles({path.string()}, {});
    const double wall = msSince(start), cpu = processCpuMs() - cpuStart;
    fs::remove(path);
    const double frames = std::max<double>(1, static_cast<double>(report.framesRead));
    std::printf("\n== CLI scan of the feed as an MJPEG video (scanFiles, as `lotstation scan FILE.avi`): %llu frames, "
                "%zu codes registered\n   per frame: wall %.1f ms, CPU (user + system, video decoding included) %.1f "
                "ms\n",
                static_cast<unsigned long long>(report.framesRead), report.codes.size(), wall / frames, cpu / frames);
}

void latencyTable(const std::vector<bench::FeedClip>& clips, const std::vector<cv::Mat>& empties) {
    constexpr int kRepeats = 3, kShown = 20, kGap = 24;
    std::printf(
        "\n== latency through the decoder worker, 30 fps 1080p feed: %d appearances of %d frames (%d ms),\n"
        "   %d empty frames between. Arrival = the first frame of an appearance that a full-effort still "
        "decode\n"
        "   can read (earlier frames are too slanted for any decoder here); also from the first frame "
        "shown.\n\n",
        kRepeats * static_cast<int>(clips.size()), kShown, kShown * 33, kGap);
    std::vector<scan::Frame> emptyFrames;
    for (const auto& e : empties)
        emptyFrames.push_back(frameOf(e));
    std::vector<std::vector<scan::Frame>> clipFrames;
    for (const auto& c : clips) {
        clipFrames.emplace_back();
        for (int i = 0; i < kShown && i < static_cast<int>(c.frames.size()); ++i)
            clipFrames.back().push_back(frameOf(c.frames[static_cast<std::size_t>(i)]));
    }
    // The first readable frame of each clip, by the most thorough decode we have.
    std::vector<std::size_t> firstReadable;
    for (std::size_t c = 0; c < clips.size(); ++c) {
        std::size_t first = clipFrames[c].size();
        for (std::size_t i = 0; i < clipFrames[c].size() && first == clipFrames[c].size(); ++i)
            if (matches(textsOf(scan::decodeStill(clipFrames[c][i])), clips[c].label)) first = i;
        firstReadable.push_back(first);
        std::printf("%-52s first readable frame: %zu\n", clips[c].label.c_str(), first);
    }
    scan::DecodeWorker worker;
    const double cpuStart = processCpuMs();
    std::vector<double> fromArrival, fromShown, fromFrame;
    std::map<std::string, Clock::time_point> shown; // label -> arrival of the first frame it is in
    int registrations = 0, appearances = 0, wrong = 0;
    std::map<std::string, Clock::time_point> readable; // label -> arrival of its first readable frame
    std::set<std::string> pending;                     // shown, not registered yet
    auto drain = [&] {
        for (const auto& outcome : worker.poll())
            for (const auto& code : outcome.registered) {
                ++registrations;
                if (pending.erase(code.text) == 0) {
                    ++wrong;
                    continue;
                }
                auto ms = [](Clock::duration d) {
                    return std::chrono::duration<double, std::milli>(d).count();
                };
                // Registered before the still decoder could read any frame: count from the registering frame.
                const auto it = readable.find(code.text);
                fromArrival.push_back(
                    ms(outcome.decodedAt - (it != readable.end() ? it->second : outcome.frameTime)));
                fromShown.push_back(ms(outcome.decodedAt - shown[code.text]));
                fromFrame.push_back(ms(outcome.decodedAt - outcome.frameTime));
            }
    };
    std::uint64_t sequence = 0;
    auto next = Clock::now();
    auto submit = [&](scan::Frame frame) {
        std::this_thread::sleep_until(next);
        next += std::chrono::microseconds(33'333);
        frame.captureTime = Clock::now();
        frame.sequence = ++sequence;
        const auto arrival = frame.captureTime;
        worker.submit(std::move(frame));
        drain();
        return arrival;
    };
    for (int r = 0; r < kRepeats; ++r)
        for (std::size_t c = 0; c < clips.size(); ++c) {
            ++appearances;
            for (std::size_t i = 0; i < clipFrames[c].size(); ++i) {
                const auto arrival = submit(clipFrames[c][i]);
                if (i == 0) {
                    shown[clips[c].label] = arrival;
                    readable.erase(clips[c].label);
                    pending.insert(clips[c].label);
                }
                if (i == firstReadable[c]) readable[clips[c].label] = arrival;
            }
            for (int g = 0; g < kGap; ++g)
                submit(emptyFrames[static_cast<std::size_t>(g) % emptyFrames.size()]);
        }
    (void)worker.waitIdle(std::chrono::seconds(5));
    drain();
    const auto stats = worker.stats();
    const double cpu = processCpuMs() - cpuStart;
    std::printf(
        "registered %d of %d appearances (missed %zu, unexpected %d); frames submitted %llu, decoded %llu, "
        "dropped %llu\n",
        registrations - wrong, appearances, pending.size(), wrong,
        static_cast<unsigned long long>(stats.submitted), static_cast<unsigned long long>(stats.decoded),
        static_cast<unsigned long long>(stats.dropped));
    std::printf("readable frame arrival -> registered:   median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n",
                bench::quantile(fromArrival, 0.5), bench::quantile(fromArrival, 0.95),
                bench::quantile(fromArrival, 1.0));
    std::printf("label first shown -> registered:    median %6.1f ms   p95 %6.1f ms\n",
                bench::quantile(fromShown, 0.5), bench::quantile(fromShown, 0.95));
    std::printf("registering frame -> registered:    median %6.1f ms   p95 %6.1f ms\n",
                bench::quantile(fromFrame, 0.5), bench::quantile(fromFrame, 0.95));
    std::printf("CPU (user + system) of the whole process per decoded frame (live station path): %.1f ms\n",
                cpu / std::max<double>(1, static_cast<double>(stats.decoded)));
}

} // namespace

int main(int argc, char** argv) {
    // --smoke: no corpus table (the corpus test measures the peers), short clips: seconds (CTest runs it).
    const bool smoke = argc > 1 && std::string_view(argv[1]) == "--smoke";
    const fs::path corpus = argc > 1 && !smoke ? fs::path(argv[1]) : fs::path(LOTSTATION_BENCH_CORPUS);
    std::printf("lotstation-bench-scan: %u hardware threads\n", std::thread::hardware_concurrency());
    if (smoke)
        std::printf("\n(--smoke: corpus table skipped, short clips)\n");
    else if (fs::is_directory(corpus))
        corpusTable(corpus);
    else
        std::printf("\n(corpus %s not found: corpus table skipped)\n", corpus.string().c_str());
    const auto clips = bench::makeClips(smoke ? 3 : 30);
    const auto empties = bench::makeEmptyFrames(smoke ? 2 : 8);
    feedTable(clips, empties);
    cliVideoTable(clips, empties);
    latencyTable(clips, empties);
    return 0;
}
