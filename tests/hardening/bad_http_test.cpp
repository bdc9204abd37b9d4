// The bad input table, HTTP part: what a broken or hostile station sends the central server. A real
// SyncServer on a loopback port, spoken to over a plain socket (so that nothing on the client side tidies the
// request up). Each row names the status and the error a person reading the answer sees, and proves the
// server wrote nothing: the same movements, the same acknowledged sequence.
#include "lotstation/sync/central_store.hpp"
#include "lotstation/sync/protocol.hpp"
#include "lotstation/sync/server.hpp"
#include "test_support.hpp"

#include <arpa/inet.h>
#include <functional>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

namespace {

namespace storage = lotstation::storage;
namespace sync = lotstation::sync;
using Json = nlohmann::json;

struct Answer {
    int status = 0;
    std::string body;
};

// One HTTP/1.1 request on a fresh connection; the answer's status and body.
Answer request(int port, const std::string& method, const std::string& target, const std::string& token,
               const std::string& body) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.empty()) text += "Authorization: Bearer " + token + "\r\n";
    if (method == "POST")
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n" + body;
    for (std::size_t sent = 0; sent < text.size();) {
        const auto n = write(fd, text.data() + sent, text.size() - sent);
        if (n <= 0) break; // the server may refuse before reading it all (413)
        sent += static_cast<std::size_t>(n);
    }
    std::string reply;
    char buffer[4096];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;)
        reply.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    Answer answer;
    REQUIRE(reply.rfind("HTTP/1.1 ", 0) == 0);
    answer.status = std::stoi(reply.substr(9, 3));
    const auto headersEnd = reply.find("\r\n\r\n");
    if (headersEnd != std::string::npos) answer.body = reply.substr(headersEnd + 4);
    return answer;
}

struct ServerSnapshot {
    std::int64_t movements = 0;
    std::int64_t acked = 0;
    bool operator==(const ServerSnapshot&) const = default;
};

// A central server with one registered station ("dock") that has pushed its first two movements.
class HttpBench {
  public:
    HttpBench() {
        {
            auto store = sync::CentralStore::open(m_dir.file("server"));
            REQUIRE(store);
            m_token = *store->addStation("dock");
        }
        sync::ServerOptions options;
        options.dataDir = m_dir.file("server");
        options.port = 0;
        options.maxBodyBytes = 64 * 1024;
        auto created = sync::SyncServer::create(options);
        REQUIRE_MESSAGE(created, (created ? "" : created.error().message));
        m_server.emplace(std::move(*created));
        m_server->start();

        auto ledger = storage::Ledger::open(
            m_dir.file("dock.db"), {.identity = storage::StationIdentity{"station-dock", "Dock", "D"}});
        REQUIRE(ledger);
        REQUIRE(ledger->addLocation({"DOCK", "Dock", storage::LocationKind::Dock}));
        REQUIRE(ledger->addSupplier({"SUP", "Supplier"}));
        REQUIRE(ledger->addItem({.sku = "OIL", .name = "Oil", .uom = storage::Uom::Gram}));
        REQUIRE(ledger->addUser({.name = "ann"}));
        for (const auto* supplierLot : {"S-1", "S-2", "S-3"}) {
            REQUIRE(ledger->receive({.sku = "OIL",
                                     .supplier = "SUP",
                                     .supplierLot = supplierLot,
                                     .quantity = 1000,
                                     .location = "DOCK",
                                     .user = "ann"}));
        }
        const auto outbox = ledger->outbox(0, 10).value();
        const auto first = push(sync::encodePush(*ledger, std::span(outbox).first(2)));
        REQUIRE_MESSAGE(first.status == 200, first.body);
        m_next = Json::parse(sync::encodePush(*ledger, std::span(outbox).subspan(2)));
    }

    [[nodiscard]] Answer push(const std::string& body, const std::string& token = "") const {
        return request(m_server->port(), "POST", "/v1/push", token.empty() ? m_token : token, body);
    }
    [[nodiscard]] Answer get(const std::string& target, const std::string& token) const {
        return request(m_server->port(), "GET", target, token, "");
    }
    [[nodiscard]] const std::string& token() const { return m_token; }
    [[nodiscard]] int port() const { return m_server->port(); }
    // A valid push of the station's third movement, to spoil in one place.
    [[nodiscard]] Json nextPush() const { return m_next; }

    [[nodiscard]] ServerSnapshot snapshot() const {
        auto store = sync::CentralStore::open(m_dir.file("server"));
        REQUIRE(store);
        return {static_cast<std::int64_t>(store->contents().value().movements.size()),
                store->stations().value().front().acked};
    }

  private:
    lotstation::test::TempDir m_dir;
    std::string m_token;
    std::optional<sync::SyncServer> m_server;
    Json m_next;
};

struct HttpRow {
    const char* what;
    std::function<Answer(const HttpBench&)> send;
    int status;
    const char* message; // in the answer's "detail"
};

Json spoilt(const HttpBench& bench, const std::function<void(Json&)>& spoil) {
    auto body = bench.nextPush();
    spoil(body);
    return body;
}

} // namespace

TEST_CASE("bad input: HTTP requests the sync server refuses and writes nothing for") {
    const std::vector<HttpRow> rows{
        {"not JSON", [](const HttpBench& b) { return b.push("{oops"); }, 400,
         "the body is not a JSON object"},
        {"a JSON array", [](const HttpBench& b) { return b.push("[1, 2]"); }, 400,
         "the body is not a JSON object"},
        {"no movements", [](const HttpBench& b) { return b.push(R"({"station": "station-dock"})"); }, 400,
         "body.movements is missing"},
        {"movements not a list",
         [](const HttpBench& b) { return b.push(R"({"station": "station-dock", "movements": 5})"); }, 400,
         "body.movements must be an array"},
        {"a movement without its hash",
         [](const HttpBench& b) {
             return b.push(spoilt(b, [](Json& j) { j["movements"][0].erase("hash"); }).dump());
         },
         400, "movements[0].hash is missing"},
        {"a quantity changed on the way",
         [](const HttpBench& b) {
             return b.push(spoilt(b, [](Json& j) { j["movements"][0]["quantity"] = 999'999; }).dump());
         },
         422, "hash does not match its content"},
        {"a quantity as text",
         [](const HttpBench& b) {
             return b.push(spoilt(b, [](Json& j) { j["movements"][0]["quantity"] = "1000"; }).dump());
         },
         400, "movements[0].quantity must be an integer"},
        {"a time that is not a time",
         [](const HttpBench& b) {
             return b.push(
                 spoilt(b, [](Json& j) { j["movements"][0]["at"] = "2026-02-30T10:00:00.000Z"; }).dump());
         },
         400, "movements[0].at"},
        {"an unknown movement kind",
         [](const HttpBench& b) {
             return b.push(spoilt(b, [](Json& j) { j["movements"][0]["kind"] = "teleport"; }).dump());
         },
         400, "teleport"},
        {"a movement of another station in the batch",
         [](const HttpBench& b) {
             return b.push(spoilt(b, [](Json& j) { j["movements"][0]["station"] = "station-x"; }).dump());
         },
         400, "is from station station-x, not station-dock"},
        {"another station's batch with this station's token",
         [](const HttpBench& b) {
             return b.push(spoilt(b, [](Json& j) {
                               j["station"] = "station-x";
                               j["movements"][0]["station"] = "station-x";
                           }).dump());
         },
         403, "this token belongs to station dock"},
        {"no token",
         [](const HttpBench& b) { return request(b.port(), "POST", "/v1/push", "", b.nextPush().dump()); },
         401, "Authorization: Bearer"},
        {"a token nobody was given",
         [](const HttpBench& b) { return b.push(b.nextPush().dump(), std::string(64, 'f')); }, 401,
         "Authorization: Bearer"},
        {"a body larger than the server takes",
         [](const HttpBench& b) { return b.push(std::string(100 * 1024, ' ')); }, 413,
         "larger than this server accepts"},
        {"pull with a limit that is not a number",
         [](const HttpBench& b) { return b.get("/v1/pull?limit=abc", b.token()); }, 400,
         "limit must be a positive integer"},
        {"pull with a cursor the server never handed out",
         [](const HttpBench& b) { return b.get("/v1/pull?cursor=nonsense", b.token()); }, 400,
         "the cursor is not one this server hands out"},
        {"a route that does not exist",
         [](const HttpBench& b) { return b.get("/v1/delete-everything", b.token()); }, 404, "no such route"},
    };
    HttpBench bench;
    const auto before = bench.snapshot();
    REQUIRE(before.movements == 2);
    for (const auto& row : rows) {
        const auto answer = row.send(bench);
        INFO(row.what << " -> HTTP " << answer.status << ": " << answer.body);
        CHECK(answer.status == row.status);
        const auto body = Json::parse(answer.body, nullptr, false);
        REQUIRE(body.is_object());
        CHECK(body.value("error", std::string()).size() > 0);
        CHECK(body.value("detail", std::string()).find(row.message) != std::string::npos);
        CHECK(bench.snapshot() == before);
    }
    // The same push unspoilt goes through: the refusals were about the requests, not the server.
    const auto good = bench.push(bench.nextPush().dump());
    CHECK(good.status == 200);
    CHECK(bench.snapshot().movements == 3);
}
