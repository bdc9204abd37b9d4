// SyncServer: cpp-httplib in front of two CentralStore connections (one writes pushes, one serves reads).
#include "central_backend.hpp"
#include "lotstation/sync/master_edit.hpp"
#include "lotstation/sync/server.hpp"
#include "wire.hpp"

#include <atomic>
#include <httplib.h>
#include <mutex>
#include <thread>

namespace lotstation::sync {
namespace {

constexpr const char* kJson = "application/json";

std::string bearerToken(const httplib::Request& request) {
    const auto header = request.get_header_value("Authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() <= kPrefix.size() || header.compare(0, kPrefix.size(), kPrefix) != 0) return {};
    return header.substr(kPrefix.size());
}

void send(httplib::Response& response, const Reply& reply) {
    response.status = reply.status;
    response.set_content(reply.body, kJson);
}

void refuse(httplib::Response& response, int status, std::string_view code, std::string_view detail) {
    send(response, Reply{status, wire::errorBody(code, detail), false});
}

} // namespace

struct SyncServer::Impl {
    ServerOptions options;
    PullLimits limits;
    std::unique_ptr<CentralBackend> writer;
    std::unique_ptr<CentralBackend> reader;
    std::mutex writeMutex;
    std::mutex readMutex;
    std::unique_ptr<httplib::Server> http;
    int port = 0;
    std::thread thread;
    std::atomic<int> committedPushes{0};

    // Runs `body(caller)` for a request with a valid token; refuses with 401 otherwise. Database failures
    // become a 500 with the reason, never a crash of the server.
    template <typename Body>
    void authorised(const httplib::Request& request, httplib::Response& response, CentralBackend& store,
                    std::mutex& mutex, Body&& body) {
        try {
            std::scoped_lock lock(mutex);
            auto caller = store.authenticate(bearerToken(request));
            if (!caller) {
                refuse(
                    response, 401, "unauthorized",
                    "send 'Authorization: Bearer <token>' with a token from 'lotstation-server station add'");
                return;
            }
            body(*caller);
        } catch (const std::exception& e) {
            refuse(response, 500, "internal", e.what());
        }
    }

    void routes() {
        http->Get("/v1/status", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *reader, readMutex,
                       [&](const Caller& caller) { send(response, reader->status(caller, limits)); });
        });
        http->Post("/v1/push", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *writer, writeMutex, [&](const Caller& caller) {
                auto reply = writer->push(caller, request.body, limits);
                if (reply.committed && options.dropAnswerEvery > 0 &&
                    ++committedPushes % options.dropAnswerEvery == 0) {
                    // Fault switch (tests only): committed, but the answer never arrives.
                    response.set_content_provider(
                        reply.body.size(), kJson,
                        [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
                    return;
                }
                send(response, reply);
            });
        });
        http->Get("/v1/pull", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *reader, readMutex, [&](const Caller& caller) {
                send(response, reader->pull(caller, request.get_param_value("cursor"),
                                            request.get_param_value("limit"), limits));
            });
        });
        http->Post("/v1/records", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *writer, writeMutex,
                       [&](const Caller& caller) { send(response, writer->pushRecords(caller, request.body, limits)); });
        });
        http->Get("/v1/records", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *reader, readMutex, [&](const Caller& caller) {
                send(response, reader->pullRecords(caller, request.get_param_value("cursor"),
                                                   request.get_param_value("limit"), limits));
            });
        });
        http->Get("/v1/master", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *reader, readMutex,
                       [&](const Caller&) { send(response, reader->master()); });
        });
        // A linked station's Records screen: one change of master data, checked and audited as the server's
        // own command line would (the person's role is the one on the server).
        http->Post("/v1/master", [this](const httplib::Request& request, httplib::Response& response) {
            authorised(request, response, *writer, writeMutex, [&](const Caller&) {
                std::string saved;
                auto edited = writer->editMaster([&](storage::Ledger& ledger) -> storage::Result<void> {
                    auto applied = applyMasterEdit(ledger, request.body);
                    if (!applied) return std::unexpected(applied.error());
                    saved = *applied;
                    return {};
                });
                if (edited)
                    send(response, Reply{200, wire::Json{{"saved", saved}}.dump(), true});
                else if (edited.error().kind == ErrorKind::Io || edited.error().kind == ErrorKind::Unavailable)
                    refuse(response, 503, "unavailable", edited.error().message);
                else
                    refuse(response, 422, "refused", edited.error().message);
            });
        });
        // Every refusal httplib makes itself (404, 413, 400 ...) gets a JSON body too.
        http->set_error_handler(
            httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
                if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
                switch (response.status) {
                case 404:
                    refuse(response, 404, "not-found",
                           "no such route; see the protocol: /v1/status, /v1/push, /v1/pull, /v1/records, /v1/master");
                    break;
                case 413:
                    refuse(response, 413, "too-large", "the request body is larger than this server accepts");
                    break;
                default:
                    refuse(response, response.status, "refused",
                           "the request was refused (HTTP " + std::to_string(response.status) + ")");
                }
                return httplib::Server::HandlerResponse::Handled;
            }));
    }
};

Result<SyncServer> SyncServer::create(ServerOptions options) {
    if (options.tlsCert.has_value() != options.tlsKey.has_value())
        return fail(ErrorKind::Invalid, "TLS needs both a certificate and a key");
    const auto location = options.store.empty() ? options.dataDir.string() : options.store;
    auto writer = openBackend(location);
    if (!writer) return std::unexpected(writer.error());
    auto reader = openBackend(location);
    if (!reader) return std::unexpected(reader.error());

    auto impl = std::make_unique<Impl>();
    impl->writer = std::move(*writer);
    impl->reader = std::move(*reader);
    impl->limits.maxLimit = options.maxPullLimit;
    impl->limits.maxPushMovements = options.maxPushMovements;
    if (options.tlsCert) {
        auto tls = std::make_unique<httplib::SSLServer>(options.tlsCert->c_str(), options.tlsKey->c_str());
        if (!tls->is_valid())
            return fail(ErrorKind::Invalid, "cannot use TLS certificate " + options.tlsCert->string() +
                                                " with key " + options.tlsKey->string());
        impl->http = std::move(tls);
    } else {
        impl->http = std::make_unique<httplib::Server>();
    }
    impl->http->set_payload_max_length(options.maxBodyBytes);
    impl->http->set_read_timeout(options.readTimeout);
    impl->http->set_write_timeout(options.writeTimeout);
    impl->options = std::move(options);
    impl->routes();
    const auto& o = impl->options;
    impl->port = o.port == 0 ? impl->http->bind_to_any_port(o.host)
                             : (impl->http->bind_to_port(o.host, o.port) ? o.port : -1);
    if (impl->port <= 0)
        return fail(ErrorKind::Invalid, "cannot listen on " + o.host + ":" + std::to_string(o.port));
    return SyncServer(std::move(impl));
}

SyncServer::SyncServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SyncServer::SyncServer(SyncServer&&) noexcept = default;
SyncServer& SyncServer::operator=(SyncServer&&) noexcept = default;

SyncServer::~SyncServer() {
    if (m_impl) stop();
}

int SyncServer::port() const {
    return m_impl->port;
}

std::string SyncServer::url() const {
    const auto scheme = m_impl->options.tlsCert ? "https://" : "http://";
    return scheme + m_impl->options.host + ":" + std::to_string(m_impl->port);
}

std::string SyncServer::epoch() const {
    return m_impl->writer->epoch;
}

void SyncServer::run() {
    m_impl->http->listen_after_bind();
}

void SyncServer::start() {
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->http->listen_after_bind(); });
    // Until the listening loop runs, stop() would not reach it.
    for (int i = 0; i < 5000 && !m_impl->http->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void SyncServer::stop() {
    m_impl->http->stop();
    if (m_impl->thread.joinable()) m_impl->thread.join();
}

} // namespace lotstation::sync
