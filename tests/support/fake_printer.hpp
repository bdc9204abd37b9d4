#pragma once
// A raw-TCP (port 9100) label printer for tests: really listening on 127.0.0.1, on a port the kernel picks,
// keeping what it receives; and a port nothing listens on.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace lotstation::test {

// A printer that is really listening on 127.0.0.1, on a port the kernel picks; it keeps what it receives.
class FakePrinter {
  public:
    FakePrinter() {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        REQUIRE(::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
        REQUIRE(::listen(m_listener, 1) == 0);
        socklen_t length = sizeof(address);
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0) return;
            char buffer[4096];
            for (ssize_t n; (n = ::read(client, buffer, sizeof(buffer))) > 0;)
                m_received.append(buffer, static_cast<std::size_t>(n));
            ::close(client);
        });
    }
    ~FakePrinter() {
        ::shutdown(m_listener, SHUT_RDWR);
        if (m_thread.joinable()) m_thread.join();
        ::close(m_listener);
    }
    FakePrinter(const FakePrinter&) = delete;
    FakePrinter& operator=(const FakePrinter&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    // Waits for the connection to end, then returns everything received.
    [[nodiscard]] std::string received() {
        if (m_thread.joinable()) m_thread.join();
        return m_received;
    }

  private:
    int m_listener = -1;
    int m_port = 0;
    std::thread m_thread;
    std::string m_received;
};

// A port nothing listens on: bound once by us, then released.
inline int closedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    socklen_t length = sizeof(address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

} // namespace lotstation::test
