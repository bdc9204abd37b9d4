// The station window's own figures (DESIGN §9): start-up on an existing database, and resident memory with a
// 1080p camera running over a long stretch (growth per minute, for the shift-long soak question). The peer is
// the same window with no camera, measured in the same run, so the camera pipeline's share is visible.
// Run it where a display exists, e.g. `xvfb-run -a build/station/lotstation-bench-station`.
#include "lotstation/station/demo_camera.hpp"
#include "lotstation/station/demo_seed.hpp"
#include "lotstation/station/paths.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct RunFigures {
    double windowUpMs = -1;    // exec -> first frame on screen
    double firstScanMs = -1;   // exec -> first code registered from the camera
    std::vector<double> rssMb; // one sample per second
};

double rssMbOf(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

double msBetween(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// Starts the station window with these arguments, watches its output and memory for `seconds`, then asks it
// to close (SIGTERM becomes SDL_QUIT) and waits.
RunFigures runStation(const fs::path& binary, const std::vector<std::string>& args, int seconds) {
    int pipeFds[2];
    if (pipe(pipeFds) != 0) return {};
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipeFds[1], STDOUT_FILENO);
        close(pipeFds[0]);
        std::vector<char*> argv{const_cast<char*>(binary.c_str())};
        for (const auto& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    close(pipeFds[1]);
    RunFigures figures;
    std::string pending;
    auto nextSample = start + std::chrono::seconds(1);
    while (Clock::now() - start < std::chrono::seconds(seconds)) {
        pollfd poller{pipeFds[0], POLLIN, 0};
        if (poll(&poller, 1, 50) > 0) {
            char buffer[4096];
            const auto got = read(pipeFds[0], buffer, sizeof buffer);
            if (got <= 0) break; // the window closed early
            pending.append(buffer, static_cast<std::size_t>(got));
            for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
                const std::string line = pending.substr(0, end);
                pending.erase(0, end + 1);
                if (line.rfind("window up", 0) == 0) figures.windowUpMs = msBetween(start, Clock::now());
                if (line.rfind("first camera scan", 0) == 0)
                    figures.firstScanMs = msBetween(start, Clock::now());
            }
        }
        if (Clock::now() >= nextSample) {
            figures.rssMb.push_back(rssMbOf(pid));
            nextSample += std::chrono::seconds(1);
        }
    }
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    close(pipeFds[0]);
    return figures;
}

// A 1080p recording of the demo camera: the demo's labels passing the lens, MJPG like a USB webcam's.
bool writeDemoVideo(const fs::path& path, const lotstation::station::DemoCamera& camera, int frames) {
    cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 30.0, {1920, 1080},
                           true);
    if (!writer.isOpened()) return false;
    for (int i = 0; i < frames; ++i) {
        const auto frame = camera.frame(static_cast<std::uint64_t>(i));
        cv::Mat rgb(frame.height, frame.width, CV_8UC3, const_cast<std::uint8_t*>(frame.pixels->data()),
                    static_cast<std::size_t>(frame.stride));
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        writer.write(bgr);
    }
    return true;
}

void report(const char* name, const RunFigures& run) {
    const auto& rss = run.rssMb;
    if (rss.size() < 4) {
        std::printf("%-28s no figures (the window did not stay up)\n", name);
        return;
    }
    // Growth: a least-squares line through the second half (the first half holds start-up and warm caches).
    const std::size_t from = rss.size() / 2;
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = from; i < rss.size(); ++i) {
        const double x = static_cast<double>(i) / 60.0; // minutes
        n += 1, sx += x, sy += rss[i], sxx += x * x, sxy += x * rss[i];
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    std::printf(
        "%-28s window up %7.0f ms   first scan %7s   RSS at 5 s %6.1f MB, max %6.1f MB, end %6.1f MB, "
        "growth %+.2f MB/min over the last %zu s\n",
        name, run.windowUpMs,
        run.firstScanMs < 0 ? "-" : (std::to_string(static_cast<long>(run.firstScanMs)) + " ms").c_str(),
        rss[std::min<std::size_t>(4, rss.size() - 1)], *std::max_element(rss.begin(), rss.end()), rss.back(),
        slope, rss.size() - from);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Station window start-up and memory, with a 1080p camera and without"};
    int seconds = 60;
    std::string keep;
    app.add_option("--seconds", seconds, "How long each window runs")->check(CLI::Range(10, 36000));
    app.add_option("--keep", keep, "Keep the database and video in this folder");
    bool smoke = false;
    app.add_flag("--smoke", smoke, "5 s each; fails when a window does not come up (CTest runs it)");
    CLI11_PARSE(app, argc, argv);
    if (smoke) seconds = 5; // below --seconds' floor: a smoke only checks that both windows come up
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "no display: run under xvfb-run -a\n");
        return 2;
    }
    const fs::path binary = fs::canonical("/proc/self/exe").parent_path() / "lotstation";
    const fs::path work =
        keep.empty() ? fs::temp_directory_path() / ("lotstation-bench-station-" + std::to_string(getpid()))
                     : fs::path(keep);
    fs::create_directories(work);
    const auto database = work / "station.db";
    const auto demo = lotstation::station::createDemoLedger(database, lotstation::storage::systemClock()());
    if (!demo) {
        std::fprintf(stderr, "demo: %s\n", demo.error().message.c_str());
        return 1;
    }
    {
        auto ledger = lotstation::storage::Ledger::open(database);
        const std::vector<fs::path> dirs{lotstation::station::findAssetsDir() / "labels"};
        auto templates = lotstation::labels::loadTemplates(dirs);
        if (!ledger || !templates) {
            std::fprintf(stderr, "cannot open the demo ledger or the label templates\n");
            return 1;
        }
        const std::vector<std::string> lots{demo->producedLots.back(), demo->receivedLots.front()};
        auto files = lotstation::station::writeDemoLabels(*ledger, *templates, lots, {}, work / "labels");
        if (!files) {
            std::fprintf(stderr, "%s\n", files.error().message.c_str());
            return 1;
        }
        std::vector<lotstation::scan::Frame> images;
        for (const auto& file : *files)
            images.push_back(*lotstation::scan::readImageFile(file));
        const lotstation::station::DemoCamera camera(images, 1920, 1080);
        if (!writeDemoVideo(
                work / "camera-1080p.avi", camera,
                static_cast<int>(lotstation::station::DemoCamera::kFramesPerLabel * images.size()))) {
            std::fprintf(stderr, "cannot write the 1080p video\n");
            return 1;
        }
    }
    const std::vector<std::string> common{"--db", database.string(), "--windowed"};
    auto withCamera = common;
    withCamera.insert(withCamera.end(), {"--camera", (work / "camera-1080p.avi").string()});
    auto without = common;
    without.insert(without.end(), {"--camera", (work / "no-such-camera.avi").string()});

    std::printf(
        "station window, %d s each, existing demo database (%lld movements), 1080p MJPG at 30 fps looping\n",
        seconds, static_cast<long long>(demo->movements));
    const auto camera = runStation(binary, withCamera, seconds);
    report("with a 1080p camera", camera);
    const auto peer = runStation(binary, without, seconds);
    report("peer: no camera", peer);
    if (keep.empty()) fs::remove_all(work);
    return camera.windowUpMs >= 0 && peer.windowUpMs >= 0 ? 0 : 1;
}
