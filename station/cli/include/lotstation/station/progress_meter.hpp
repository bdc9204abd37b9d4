#pragma once
// Progress of long commands on stderr: a bar with counts and time left on a terminal, a plain line every
// 10 % otherwise. Work that ends within `quietFor` (a second by default) shows nothing: only long work
// needs a bar, and scripts reading stderr of a quick command see only its messages. Ctrl-C while it runs asks the work to stop (the work then writes nothing): SIGINT is
// blocked for the meter's life and looked for at each report, so no signal handler or global flag is needed.
#include "lotstation/storage/progress.hpp"

#include <chrono>
#include <csignal>
#include <iosfwd>
#include <string>

namespace lotstation::station::cli {

class ProgressMeter {
  public:
    ProgressMeter(std::ostream& err, std::string what, bool terminal,
                  std::chrono::milliseconds quietFor = std::chrono::seconds(1));
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
    std::chrono::milliseconds m_quietFor;
    int m_lastTenth = -1;
    bool m_drew = false;
    std::chrono::steady_clock::time_point m_start;
    sigset_t m_previous{};
};

// Whether stderr is a terminal (the bar) or not (plain lines).
[[nodiscard]] bool stderrIsTerminal();

} // namespace lotstation::station::cli
