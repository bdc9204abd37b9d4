#include "lotstation/station/progress_meter.hpp"

#include "lotstation/core/text.hpp"

#include <algorithm>
#include <ostream>
#include <unistd.h>

namespace lotstation::station::cli {
namespace {

bool interruptPending() {
    sigset_t pending;
    sigemptyset(&pending);
    if (sigpending(&pending) != 0 || sigismember(&pending, SIGINT) != 1) return false;
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, SIGINT);
    int which = 0;
    sigwait(&only, &which); // consume it: the work stops cleanly instead
    return true;
}

} // namespace

bool stderrIsTerminal() {
    return isatty(STDERR_FILENO) == 1;
}

ProgressMeter::ProgressMeter(std::ostream& err, std::string what, bool terminal, std::chrono::milliseconds quietFor)
    : m_err(err), m_what(std::move(what)), m_terminal(terminal), m_quietFor(quietFor),
      m_start(std::chrono::steady_clock::now()) {
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &m_previous);
}

ProgressMeter::~ProgressMeter() {
    if (m_drew && m_terminal) m_err << '\n';
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

storage::Progress ProgressMeter::callback() {
    return [this](std::int64_t done, std::int64_t total) { return report(done, total); };
}

bool ProgressMeter::report(std::int64_t done, std::int64_t total) {
    if (interruptPending()) {
        // The work's own refusal says it was cancelled and that nothing was written.
        if (m_drew && m_terminal) m_err << '\n';
        m_drew = false;
        return false;
    }
    const auto since = std::chrono::steady_clock::now() - m_start;
    if (since < m_quietFor) return true;
    const auto elapsed = std::chrono::duration<double>(since).count();
    if (m_terminal) {
        std::string line = "\r" + m_what + " ";
        if (total > 0) {
            const int width = 30;
            const auto filled = static_cast<int>(width * std::min(done, total) / total);
            line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
                    std::string(static_cast<std::size_t>(width - filled), ' ') + "] ";
            line += groupThousands(done) + " / " + groupThousands(total);
            if (done > 0 && done < total) {
                const auto left = elapsed * static_cast<double>(total - done) / static_cast<double>(done);
                line += "  " + std::to_string(static_cast<long long>(left + 0.5)) + " s left";
            }
        } else {
            line += groupThousands(done);
        }
        m_err << line << "   " << std::flush;
        m_drew = true;
        return true;
    }
    const int tenth = total > 0 ? static_cast<int>(10 * std::min(done, total) / total) : m_lastTenth + 1;
    if (tenth != m_lastTenth) {
        m_lastTenth = tenth;
        m_err << m_what << ": " << groupThousands(done) << (total > 0 ? " of " + groupThousands(total) : std::string()) << '\n';
    }
    return true;
}

} // namespace lotstation::station::cli
