#pragma once
// What the scale's thread and its owner share, under one mutex. The thread writes readings and status; the
// owner takes readings and queues commands.
#include "lotstation/scale/scale.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace lotstation::scale {

enum class Command { Zero, Tare };

struct Scale::Shared {
    explicit Shared(ScaleSettings s) : settings(std::move(s)) {}

    const ScaleSettings settings;
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::deque<Reading> mailbox;
    ScaleStatus status;
    std::uint64_t updates = 0;
    bool stopping = false;
    std::deque<Command> commands;
    std::thread thread;

    // Each takes the lock and wakes waiters.
    void publish(Reading reading);
    void setLive(Protocol protocol);
    void setLost(const std::string& reason);
    void setLastCommand(const std::string& outcome);
    void countGarbage();
    [[nodiscard]] bool stopRequested() const;
    [[nodiscard]] std::deque<Command> takeCommands();
    // Sleeps for `duration` unless stop() comes first; false when stopping.
    [[nodiscard]] bool pause(std::chrono::milliseconds duration) const;
};

// The thread's body: connect, read, lose, retry until stopped.
void runScale(Scale::Shared& shared);

} // namespace lotstation::scale
