// Raw printing to a printer's TCP port (Zebra and most label printers listen on 9100): connect and send with
// timeouts, so an absent printer costs the operator seconds, not a hang.
#include "lotstation/labels/print.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netdb.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace lotstation::labels {

namespace {

class Socket {
  public:
    explicit Socket(int fd) : m_fd(fd) {}
    ~Socket() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    [[nodiscard]] int fd() const { return m_fd; }

  private:
    int m_fd;
};

std::string seconds(std::chrono::milliseconds timeout) {
    const auto ms = timeout.count();
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

LabelError printerError(const RawTcpTarget& target, const std::string& problem) {
    return LabelError{ErrorKind::Unavailable,
                      "printer " + target.host + ":" + std::to_string(target.port) + " " + problem};
}

// Waits for the socket to become ready; false on timeout.
bool waitFor(int fd, short events, std::chrono::milliseconds timeout) {
    pollfd entry{fd, events, 0};
    int ready = 0;
    do {
        ready = ::poll(&entry, 1, static_cast<int>(timeout.count()));
    } while (ready < 0 && errno == EINTR);
    return ready > 0;
}

std::expected<void, LabelError> connectWithTimeout(const Socket& socket, const addrinfo& address,
                                                   const RawTcpTarget& target) {
    if (::connect(socket.fd(), address.ai_addr, address.ai_addrlen) == 0) return {};
    if (errno == ECONNREFUSED)
        return std::unexpected(
            printerError(target, "refused the connection: is it switched on and is the port right?"));
    if (errno != EINPROGRESS)
        return std::unexpected(
            printerError(target, std::string("cannot be reached (") + std::strerror(errno) + ")"));
    if (!waitFor(socket.fd(), POLLOUT, target.connectTimeout))
        return std::unexpected(
            printerError(target, "did not answer within " + seconds(target.connectTimeout)));
    int error = 0;
    socklen_t length = sizeof(error);
    ::getsockopt(socket.fd(), SOL_SOCKET, SO_ERROR, &error, &length);
    if (error == ECONNREFUSED)
        return std::unexpected(
            printerError(target, "refused the connection: is it switched on and is the port right?"));
    if (error != 0)
        return std::unexpected(
            printerError(target, std::string("cannot be reached (") + std::strerror(error) + ")"));
    return {};
}

} // namespace

std::expected<std::size_t, LabelError> sendRawTcp(const RawTcpTarget& target, std::string_view bytes) {
    if (target.host.empty() || target.port <= 0 || target.port > 65535)
        return std::unexpected(printerError(target, "is not a valid host:port"));
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(target.port);
    if (const int rc = ::getaddrinfo(target.host.c_str(), port.c_str(), &hints, &found); rc != 0)
        return std::unexpected(printerError(target, std::string("not found: ") + ::gai_strerror(rc)));
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);

    Socket socket(
        ::socket(found->ai_family, found->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, found->ai_protocol));
    if (socket.fd() < 0)
        return std::unexpected(printerError(target, std::string("socket: ") + std::strerror(errno)));
    if (auto connected = connectWithTimeout(socket, *found, target); !connected)
        return std::unexpected(connected.error());

    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(socket.fd(), bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!waitFor(socket.fd(), POLLOUT, target.sendTimeout))
                return std::unexpected(
                    printerError(target, "stopped taking data for " + seconds(target.sendTimeout) + " (" +
                                             std::to_string(sent) + " of " + std::to_string(bytes.size()) +
                                             " bytes sent)"));
            continue;
        }
        return std::unexpected(
            printerError(target, std::string("dropped the connection: ") + std::strerror(errno)));
    }
    ::shutdown(socket.fd(), SHUT_WR); // tell the printer the job is complete
    return sent;
}

} // namespace lotstation::labels
