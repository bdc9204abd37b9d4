#include "lotstation/scale/scale.hpp"

#include "scale_shared.hpp"

#include <utility>

namespace lotstation::scale {

const char* toString(ScaleState state) {
    switch (state) {
    case ScaleState::Connecting: return "connecting";
    case ScaleState::Live: return "live";
    case ScaleState::Lost: return "lost";
    case ScaleState::Stopped: return "stopped";
    }
    return "lost";
}

void Scale::Shared::publish(Reading reading) {
    std::lock_guard lock(mutex);
    mailbox.push_back(std::move(reading));
    while (mailbox.size() > settings.mailboxCapacity) mailbox.pop_front();
    ++status.readings;
    ++updates;
    changed.notify_all();
}

void Scale::Shared::setLive(Protocol protocol) {
    std::lock_guard lock(mutex);
    status.state = ScaleState::Live;
    status.reason.clear();
    status.protocol = protocol;
    ++updates;
    changed.notify_all();
}

void Scale::Shared::setLost(const std::string& reason) {
    std::lock_guard lock(mutex);
    if (status.state != ScaleState::Lost) ++status.reconnects;
    status.state = ScaleState::Lost;
    status.reason = reason;
    ++updates;
    changed.notify_all();
}

void Scale::Shared::setLastCommand(const std::string& outcome) {
    std::lock_guard lock(mutex);
    status.lastCommand = outcome;
    ++updates;
    changed.notify_all();
}

void Scale::Shared::countGarbage() {
    std::lock_guard lock(mutex);
    ++status.garbageFrames;
}

bool Scale::Shared::stopRequested() const {
    std::lock_guard lock(mutex);
    return stopping;
}

std::deque<Command> Scale::Shared::takeCommands() {
    std::lock_guard lock(mutex);
    return std::exchange(commands, {});
}

bool Scale::Shared::pause(std::chrono::milliseconds duration) const {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, duration, [this] { return stopping; });
    return !stopping;
}

Scale::Scale(ScaleSettings settings) : m_shared(std::make_shared<Shared>(std::move(settings))) {
    m_shared->thread = std::thread([shared = m_shared] { runScale(*shared); });
}

Scale::~Scale() { stop(); }

void Scale::stop() {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        m_shared->changed.notify_all();
    }
    if (m_shared->thread.joinable()) m_shared->thread.join();
    std::lock_guard lock(m_shared->mutex);
    m_shared->status.state = ScaleState::Stopped;
}

std::vector<Reading> Scale::poll() {
    std::lock_guard lock(m_shared->mutex);
    std::vector<Reading> readings(std::make_move_iterator(m_shared->mailbox.begin()),
                                  std::make_move_iterator(m_shared->mailbox.end()));
    m_shared->mailbox.clear();
    return readings;
}

ScaleStatus Scale::status() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->status;
}

void Scale::zero() {
    std::lock_guard lock(m_shared->mutex);
    m_shared->commands.push_back(Command::Zero);
}

void Scale::tare() {
    std::lock_guard lock(m_shared->mutex);
    m_shared->commands.push_back(Command::Tare);
}

std::uint64_t Scale::waitForUpdate(std::uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_shared->mutex);
    m_shared->changed.wait_for(lock, timeout, [&] { return m_shared->updates > seen || m_shared->stopping; });
    return m_shared->updates;
}

Result<Reading> readStable(const ScaleSettings& settings, std::chrono::milliseconds timeout,
                           ScaleStatus* finalStatus) {
    Scale scale(settings);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::uint64_t seen = 0;
    std::optional<Reading> last;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        seen = scale.waitForUpdate(seen, std::max(left, std::chrono::milliseconds(1)));
        for (auto& reading : scale.poll()) {
            if (reading.condition == Condition::Weight && reading.weight.stable &&
                reading.weight.kind != WeightKind::Tare) {
                if (finalStatus != nullptr) *finalStatus = scale.status();
                return reading;
            }
            last = std::move(reading);
        }
    }
    const auto status = scale.status();
    if (finalStatus != nullptr) *finalStatus = status;
    if (status.state == ScaleState::Lost) return fail(ErrorKind::Unavailable, "scale lost: " + status.reason);
    return fail(ErrorKind::Unavailable,
                "no stable weight within " + std::to_string(timeout.count() / 1000) + " s" +
                    (last ? " (last: " + describe(*last) + ")" : std::string(" (no reading at all)")));
}

} // namespace lotstation::scale
