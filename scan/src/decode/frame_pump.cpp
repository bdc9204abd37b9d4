#include "lotstation/scan/frame_pump.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace lotstation::scan {

using Clock = std::chrono::steady_clock;

struct FramePump::Shared {
    FramePumpSettings settings;
    FrameSink sink;
    std::optional<FrameSource> source;

    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    SourceStatus status;
    std::optional<Frame> latest;
    std::thread thread;

    // Sleeps until `until` or until stop(); false when stopping.
    bool sleepUntil(Clock::time_point until) {
        std::unique_lock lock(mutex);
        return !wake.wait_until(lock, until, [&] { return stopping; });
    }

    void run() {
        const bool paced =
            source->spec().kind != SourceKind::Camera && source->spec().kind != SourceKind::Stream;
        const auto interval = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(1.0 / (settings.filePace > 0 ? settings.filePace : 30.0)));
        auto nextTick = Clock::now();
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (stopping) return;
            }
            std::optional<Frame> frame = source->next(Clock::now());
            const SourceStatus snapshot = source->status();
            {
                std::lock_guard lock(mutex);
                status = snapshot;
                if (frame) latest = *frame;
            }
            if (frame) {
                try {
                    sink(*frame);
                } catch (const std::exception&) {
                    // A failing sink loses this frame, not the camera.
                }
                if (paced) {
                    nextTick += interval;
                    if (!sleepUntil(nextTick)) return;
                }
                continue;
            }
            // No frame: wait for the retry time, or (ended, or lost for good) until stopped.
            Clock::time_point until = Clock::now() + std::chrono::milliseconds(100);
            if (snapshot.state == SourceState::Lost || snapshot.state == SourceState::Retrying)
                until = snapshot.retryAt ? *snapshot.retryAt : Clock::time_point::max();
            else if (snapshot.state == SourceState::Ended)
                until = Clock::time_point::max();
            if (!sleepUntil(until)) return;
            nextTick = Clock::now();
        }
    }
};

FramePump::FramePump(SourceSpec spec, FramePumpSettings settings, FrameSink sink)
    : m_shared(std::make_shared<Shared>()) {
    m_shared->settings = settings;
    m_shared->sink = std::move(sink);
    m_shared->source.emplace(std::move(spec), settings.source);
    m_shared->thread = std::thread([shared = m_shared] { shared->run(); });
}

FramePump::~FramePump() {
    stop();
}

void FramePump::stop() {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
    }
    m_shared->wake.notify_all();
    if (m_shared->thread.joinable()) m_shared->thread.join();
}

SourceStatus FramePump::status() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->status;
}

std::optional<Frame> FramePump::latestFrame() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->latest;
}

} // namespace lotstation::scan
