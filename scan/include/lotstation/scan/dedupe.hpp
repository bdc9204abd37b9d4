#pragma once
// A code held in front of the camera registers once, not thirty times a second. It registers again once it
// has been out of view for a while (both a number of decoded frames and a time without it), or, if so
// configured, after a fixed interval even while it stays in view. Time is passed in.
#include "lotstation/scan/scanned_code.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lotstation::scan {

struct DedupeSettings {
    // A code counts as gone after this many decoded frames *and* this much time without it. Both, because
    // a decoder misses a code on some frames while it is in view (blur, glare), and frame rates vary.
    int goneAfterFrames = 8;
    std::chrono::milliseconds goneAfter{700};
    // Register again while continuously in view after this interval; none = never.
    std::optional<std::chrono::milliseconds> repeatAfter;
};

class Dedupe {
  public:
    explicit Dedupe(DedupeSettings settings = {}) : m_settings(settings) {}

    // Feed the codes seen in one decoded frame (possibly none) at time `now`; returns those that register.
    [[nodiscard]] std::vector<ScannedCode> update(const std::vector<ScannedCode>& seen,
                                                  std::chrono::steady_clock::time_point now);
    // Codes currently considered in view.
    [[nodiscard]] std::size_t inView() const { return m_entries.size(); }

  private:
    struct Entry {
        std::chrono::steady_clock::time_point lastSeen;
        std::chrono::steady_clock::time_point registered;
        int framesMissing = 0;
    };
    DedupeSettings m_settings;
    std::unordered_map<std::string, Entry> m_entries; // key: symbology + text
};

} // namespace lotstation::scan
