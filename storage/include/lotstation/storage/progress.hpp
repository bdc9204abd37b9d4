#pragma once
// How far long work is (verify, imports, exports, reports, recall exports), and the way to stop it.
// The work calls `Progress(done, total)` every so often (total <= 0 when it is not known in advance);
// a callback that returns false asks it to stop: the work then fails with Refused "cancelled" and has
// written nothing (its transaction rolled back, or no file left behind).
#include "lotstation/storage/error.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace lotstation::storage {

using Progress = std::function<bool(std::int64_t done, std::int64_t total)>;

// Counts steps of work and calls `progress` every `every` of them; false once it asked to stop.
class ProgressTicker {
  public:
    ProgressTicker(const Progress& progress, std::int64_t total, std::int64_t every = 4096)
        : m_progress(progress), m_total(total), m_every(every) {}
    [[nodiscard]] bool tick() {
        ++m_done;
        if (!m_progress || m_done % m_every != 0) return true;
        return m_progress(m_done, m_total);
    }
    [[nodiscard]] bool finish() { return !m_progress || m_progress(m_done, m_total); }
    [[nodiscard]] std::int64_t done() const { return m_done; }

  private:
    const Progress& m_progress;
    std::int64_t m_total;
    std::int64_t m_every;
    std::int64_t m_done = 0;
};

// The one refusal a stopped piece of work returns: "verify cancelled: nothing was written".
[[nodiscard]] inline auto cancelled(std::string_view what) {
    return fail(ErrorKind::Refused, std::string(what) + " cancelled: nothing was written");
}

} // namespace lotstation::storage
