#pragma once
// Timing helpers for the ledger benchmark: a stopwatch and percentiles over samples.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>
#include <time.h>
#include <vector>

namespace lotstation::bench {

class Stopwatch {
  public:
    Stopwatch() : m_start(std::chrono::steady_clock::now()) {}
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }
    [[nodiscard]] double ms() const { return seconds() * 1000.0; }

  private:
    std::chrono::steady_clock::time_point m_start;
};

// CPU time of the calling thread: under a loaded machine wall time includes waiting for a core, CPU time
// does not. Both are reported.
[[nodiscard]] inline double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Nearest-rank percentile (p in 0..100) of the samples, in the samples' unit.
[[nodiscard]] inline double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0.0;
    std::ranges::sort(samples);
    const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size()) + 0.999999);
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

// Deterministic: the same --movements gives the same database.
using Rng = std::mt19937_64;

[[nodiscard]] inline std::size_t pick(Rng& rng, std::size_t n) {
    return static_cast<std::size_t>(rng() % n);
}

} // namespace lotstation::bench
