#include "lotstation/scan/dedupe.hpp"

namespace lotstation::scan {
namespace {

std::string keyOf(const ScannedCode& code) {
    return std::to_string(static_cast<int>(code.symbology)) + '\x1f' + code.text;
}

} // namespace

std::vector<ScannedCode> Dedupe::update(const std::vector<ScannedCode>& seen,
                                        std::chrono::steady_clock::time_point now) {
    // Age what was not seen in this frame; forget what has been gone long enough.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        auto& entry = it->second;
        ++entry.framesMissing; // reset below for the codes in this frame
        const bool gone =
            entry.framesMissing > m_settings.goneAfterFrames && now - entry.lastSeen >= m_settings.goneAfter;
        it = gone ? m_entries.erase(it) : std::next(it);
    }
    std::vector<ScannedCode> registered;
    for (const auto& code : seen) {
        const auto key = keyOf(code);
        auto [it, fresh] = m_entries.try_emplace(key, Entry{now, now, 0});
        auto& entry = it->second;
        const bool repeat =
            !fresh && m_settings.repeatAfter && now - entry.registered >= *m_settings.repeatAfter;
        const bool already = !fresh && entry.framesMissing == 0; // twice in one frame: register once
        entry.lastSeen = now;
        entry.framesMissing = 0;
        if ((fresh || repeat) && !already) {
            entry.registered = now;
            registered.push_back(code);
        }
    }
    return registered;
}

} // namespace lotstation::scan
