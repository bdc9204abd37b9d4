#include "hash_checks.hpp"

namespace lotstation::storage {

HashChecks::HashChecks(std::span<const RemoteMovement> remotes)
    : m_remotes(remotes), m_results(remotes.size(), kUnchecked),
      m_checker([this](const std::stop_token& stop) { run(stop); }) {}

HashChecks::~HashChecks() {
    m_checker.request_stop();
    // A checker stopped early leaves the rest unchecked; the applier is done asking by now.
}

void HashChecks::run(const std::stop_token& stop) {
    constexpr std::size_t kWakeEvery = 64; // the applier is woken in steps, not per movement
    for (std::size_t i = 0; i < m_remotes.size() && !stop.stop_requested(); ++i) {
        const auto& m = m_remotes[i].movement;
        try {
            m_results[i] = movementHash(m) == m.hash ? kMatches : kDiffers;
        } catch (...) {
            // Left unchecked: the applier hashes it itself and meets the same failure there, as before.
        }
        m_done.store(i + 1, std::memory_order_release);
        if ((i + 1) % kWakeEvery == 0) m_done.notify_one();
    }
    m_done.store(m_remotes.size(), std::memory_order_release); // also when stopped: nobody waits forever
    m_done.notify_one();
}

bool HashChecks::matches(std::size_t index) {
    auto done = m_done.load(std::memory_order_acquire);
    while (done <= index) {
        m_done.wait(done, std::memory_order_acquire);
        done = m_done.load(std::memory_order_acquire);
    }
    if (m_results[index] == kUnchecked) {
        const auto& m = m_remotes[index].movement;
        return movementHash(m) == m.hash;
    }
    return m_results[index] == kMatches;
}

} // namespace lotstation::storage
