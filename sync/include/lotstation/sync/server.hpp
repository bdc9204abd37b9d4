#pragma once
// The central sync server: HTTP (or HTTPS when a certificate and key are given) in front of a CentralStore.
// Routes and bodies are documented in sync/PROTOCOL.md.
#include "lotstation/sync/error.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace lotstation::sync {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8750; // 0: any free port (see SyncServer::port)
    std::filesystem::path dataDir = "lotstation-server-data";
    std::string store; // a postgresql:// URL: the store is there instead of in dataDir
    std::optional<std::filesystem::path> tlsCert; // PEM; both or neither
    std::optional<std::filesystem::path> tlsKey;
    std::size_t maxBodyBytes = 32u << 20;
    std::chrono::seconds readTimeout{30};
    std::chrono::seconds writeTimeout{30};
    std::size_t maxPushMovements = 10000;
    std::size_t maxPullLimit = 5000;
    // Fault switch for tests only: after every Nth push that committed something, the connection is cut
    // instead of answering (the station never hears of the commit). 0: off.
    int dropAnswerEvery = 0;
};

class SyncServer {
  public:
    // Opens the store and binds the socket (so port() is known); serving starts with run() or start().
    [[nodiscard]] static Result<SyncServer> create(ServerOptions options);

    SyncServer(SyncServer&&) noexcept;
    SyncServer& operator=(SyncServer&&) noexcept;
    ~SyncServer(); // stops

    [[nodiscard]] int port() const;
    [[nodiscard]] std::string url() const; // "http://127.0.0.1:PORT" or "https://..."
    [[nodiscard]] std::string epoch() const;

    void run();   // serves on this thread until stop()
    void start(); // serves on a thread of its own
    void stop();

  private:
    struct Impl;
    explicit SyncServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace lotstation::sync
