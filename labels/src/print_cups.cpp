// Printing through CUPS with `lp`, run as a child process with an argument vector: no shell, so a queue name
// or title can never be read as a command. The data goes through a temporary file that lp spools before it
// exits.
#include "lotstation/labels/print.hpp"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace lotstation::labels {

namespace {

LabelError cupsError(std::string message) {
    return LabelError{ErrorKind::Unavailable, std::move(message)};
}

class TempFile {
  public:
    TempFile() {
        std::error_code ec;
        auto pattern = (std::filesystem::temp_directory_path(ec) / "lotstation-label-XXXXXX").string();
        m_fd = ::mkstemp(pattern.data());
        if (m_fd >= 0) m_path = pattern;
    }
    ~TempFile() {
        if (m_fd >= 0) ::close(m_fd);
        if (!m_path.empty()) ::unlink(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    [[nodiscard]] bool write(std::string_view bytes) const {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
    [[nodiscard]] int fd() const { return m_fd; }
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    int m_fd = -1;
    std::string m_path;
};

class SpawnActions {
  public:
    SpawnActions() { ::posix_spawn_file_actions_init(&m_actions); }
    ~SpawnActions() { ::posix_spawn_file_actions_destroy(&m_actions); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

  private:
    posix_spawn_file_actions_t m_actions{};
};

std::string trim(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

std::expected<std::string, LabelError> submitToCups(const CupsTarget& target, std::string_view bytes,
                                                    int copies, std::string_view title) {
    if (target.queue.empty()) return std::unexpected(cupsError("no CUPS queue named"));
    TempFile data;
    TempFile output; // lp's stdout and stderr, read back for the operator
    if (data.fd() < 0 || output.fd() < 0 || !data.write(bytes))
        return std::unexpected(
            LabelError{ErrorKind::Io, "cannot write the print data to a temporary file"});

    std::vector<std::string> args{target.lpProgram,       "-d", target.queue,      "-n",
                                  std::to_string(copies), "-t", std::string(title)};
    if (target.format == CupsDataFormat::RawZpl) {
        args.emplace_back("-o");
        args.emplace_back("raw");
    }
    args.emplace_back("--");
    args.push_back(data.path());
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    SpawnActions actions;
    ::posix_spawn_file_actions_adddup2(actions.get(), output.fd(), STDOUT_FILENO);
    ::posix_spawn_file_actions_adddup2(actions.get(), output.fd(), STDERR_FILENO);
    pid_t child = 0;
    const int rc =
        ::posix_spawnp(&child, target.lpProgram.c_str(), actions.get(), nullptr, argv.data(), environ);
    if (rc != 0)
        return std::unexpected(cupsError("cannot run '" + target.lpProgram + "' (" + std::strerror(rc) +
                                         "): is CUPS installed (package cups-client)?"));
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    std::string said;
    std::array<char, 512> buffer{};
    ::lseek(output.fd(), 0, SEEK_SET);
    for (ssize_t n; (n = ::read(output.fd(), buffer.data(), buffer.size())) > 0;)
        said.append(buffer.data(), static_cast<std::size_t>(n));
    said = trim(said);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::unexpected(cupsError("lp could not print to queue '" + target.queue + "'" +
                                         (said.empty() ? std::string() : ": " + said)));
    return said.empty() ? "sent to CUPS queue " + target.queue : said;
}

} // namespace lotstation::labels
