// Pseudo-terminals (socat / ser2net bridges to network scales, and the tests' simulated scales): libserialport
// does not list them, so they are opened with termios. Line settings are applied the same way; a pty ignores
// the baud rate.
#include "port_backends.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace lotstation::scale {
namespace {

std::string errnoText() { return std::strerror(errno); }

class PseudoTerminalPort final : public SerialPort::Impl {
  public:
    explicit PseudoTerminalPort(int fd) : m_fd(fd) {}
    ~PseudoTerminalPort() override { ::close(m_fd); }
    PseudoTerminalPort(const PseudoTerminalPort&) = delete;
    PseudoTerminalPort& operator=(const PseudoTerminalPort&) = delete;

    Result<void> write(std::string_view bytes, std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!bytes.empty()) {
            const auto written = ::write(m_fd, bytes.data(), bytes.size());
            if (written > 0) {
                bytes.remove_prefix(static_cast<std::size_t>(written));
                continue;
            }
            if (written < 0 && errno != EAGAIN && errno != EINTR)
                return fail(ErrorKind::Unavailable, device + " went away: " + errnoText());
            if (std::chrono::steady_clock::now() >= deadline)
                return fail(ErrorKind::Unavailable, device + " did not take the command in time");
            pollfd waitFor{m_fd, POLLOUT, 0};
            ::poll(&waitFor, 1, 20);
        }
        return {};
    }

    Result<std::string> read(std::chrono::milliseconds timeout) override {
        pollfd waitFor{m_fd, POLLIN, 0};
        const int ready = ::poll(&waitFor, 1, static_cast<int>(timeout.count()));
        if (ready < 0 && errno != EINTR) return fail(ErrorKind::Unavailable, device + ": " + errnoText());
        if (ready <= 0) return std::string{};
        char buffer[256];
        const auto got = ::read(m_fd, buffer, sizeof buffer);
        if (got > 0) return std::string(buffer, static_cast<std::size_t>(got));
        if (got < 0 && (errno == EAGAIN || errno == EINTR)) return std::string{};
        // The other end closed (EIO on Linux) or hung up: the cable is out.
        return fail(ErrorKind::Unavailable, device + " went away (" + (got == 0 ? "hung up" : errnoText()) + ")");
    }

    void discardInput() override { ::tcflush(m_fd, TCIFLUSH); }

  private:
    int m_fd;
};

speed_t speedOf(int baud) {
    switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: return B9600;
    }
}

} // namespace

Result<std::unique_ptr<SerialPort::Impl>> openPseudoTerminal(const std::string& device, const LineSettings& line) {
    const int fd = ::open(device.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return fail(ErrorKind::Unavailable, "cannot open " + device + ": " + errnoText());
    auto port = std::make_unique<PseudoTerminalPort>(fd);
    port->device = device;
    termios settings{};
    if (::tcgetattr(fd, &settings) != 0)
        return fail(ErrorKind::Io, device + " is not a serial port or terminal: " + errnoText());
    ::cfmakeraw(&settings);
    settings.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
    settings.c_cflag |= CLOCAL | CREAD;
    settings.c_cflag |= line.dataBits == 7 ? CS7 : line.dataBits == 6 ? CS6 : line.dataBits == 5 ? CS5 : CS8;
    if (line.parity != Parity::None) settings.c_cflag |= PARENB;
    if (line.parity == Parity::Odd) settings.c_cflag |= PARODD;
    if (line.stopBits == 2) settings.c_cflag |= CSTOPB;
    ::cfsetispeed(&settings, speedOf(line.baud));
    ::cfsetospeed(&settings, speedOf(line.baud));
    if (::tcsetattr(fd, TCSANOW, &settings) != 0)
        return fail(ErrorKind::Io, device + " refused the line settings: " + errnoText());
    return std::unique_ptr<SerialPort::Impl>(std::move(port));
}

} // namespace lotstation::scale
