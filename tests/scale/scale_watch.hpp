#pragma once
// Bounded waits on what a Scale reports: every wait ends on an observed event or its timeout, never on a
// sleep that hopes the thread got there.
#include "lotstation/scale/scale.hpp"

#include <functional>
#include <vector>

namespace lotstation::scale::testing {

struct ScaleWatch {
    explicit ScaleWatch(Scale& watched) : scale(watched) {}
    Scale& scale;
    std::vector<Reading> readings; // everything polled so far
    std::uint64_t seen = 0;

    // Polls until `done(*this)` holds or `timeout` passes; returns whether it held.
    bool until(const std::function<bool(const ScaleWatch&)>& done,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            for (auto& reading : scale.poll()) readings.push_back(std::move(reading));
            if (done(*this)) return true;
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) return false;
            seen = scale.waitForUpdate(seen, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
        }
    }

    [[nodiscard]] ScaleStatus status() const { return scale.status(); }

    [[nodiscard]] const Reading* lastWeight(bool stableOnly = false) const {
        for (auto it = readings.rbegin(); it != readings.rend(); ++it)
            if (it->condition == Condition::Weight && (!stableOnly || it->weight.stable)) return &*it;
        return nullptr;
    }

    [[nodiscard]] bool sawStable(const std::string& value, const std::string& unit) const {
        for (const auto& reading : readings)
            if (reading.condition == Condition::Weight && reading.weight.stable && reading.weight.value == value &&
                reading.weight.unit == unit)
                return true;
        return false;
    }

    [[nodiscard]] bool saw(Condition condition) const {
        for (const auto& reading : readings)
            if (reading.condition == condition) return true;
        return false;
    }
};

// Settings for a simulated scale: short limits so the lost / retry paths take well under a second.
inline ScaleSettings simSettings(const std::string& path, std::optional<Protocol> protocol) {
    ScaleSettings settings;
    settings.device = path;
    settings.protocol = protocol;
    settings.pollInterval = std::chrono::milliseconds(30);
    settings.replyTimeout = std::chrono::milliseconds(400);
    settings.silenceLimit = std::chrono::milliseconds(800);
    settings.retryInterval = std::chrono::milliseconds(100);
    settings.listenWindow = std::chrono::milliseconds(300);
    return settings;
}

} // namespace lotstation::scale::testing
