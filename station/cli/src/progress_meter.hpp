#pragma once
// Progress of long commands on stderr: a bar with counts and time left on a terminal, a plain line every
// 10 % otherwise. Ctrl-C while it runs asks the work to stop (the work then writes nothing): SIGINT is
// blocked for the meter's life and looked for at each report, so no signal handler or global flag is needed.
#include "lotstation/storage/cost_reports.hpp"

#include <chrono>
#include <csignal>
#include <iosfwd>
#include <string>

namespace lotstation::station::cli {

class ProgressMeter {
  public:
    ProgressMeter(std::ostream& err, std::string what, bool terminal);
    ~ProgressMeter();
    ProgressMeter(const ProgressMeter&) = delete;
    ProgressMeter& operator=(const ProgressMeter&) = delete;

    // The callback the core calls: false once Ctrl-C was pressed.
    [[nodiscard]] storage::Progress callback();
    [[nodiscard]] bool report(std::int64_t done, std::int64_t total);

  private:
    std::ostream& m_err;
    std::string m_what;
    bool m_terminal;
    int m_lastTenth = -1;
    bool m_drew = false;
    std::chrono::steady_clock::time_point m_start;
    sigset_t m_previous{};
};

// Whether stderr is a terminal (the bar) or not (plain lines).
[[nodiscard]] bool stderrIsTerminal();

} // namespace lotstation::station::cli
