// Properties of the central server's request handling: the operations behind POST /v1/push, GET /v1/pull,
// /v1/master and /v1/status and the token check in front of them, called in-process (no sockets: exactly
// what the HTTP layer hands them after reading a request).
//
// Input: the first byte picks the request, the rest is its content.
//   0 push   the rest is the body;
//   1 pull   the rest is "<cursor>\n<limit>";
//   2 token  the rest is a bearer token: no station may be found for it;
//   3 master and status (no input): answered, nothing written.
// Properties: every answer is a JSON object with a status the protocol names; a refused request (an error
// without "applied") writes nothing; an accepted push adds exactly the movements it says it applied and acks
// what it says; reads write nothing; the ledger still verifies after every write.
#include "central_core.hpp"
#include "properties.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

namespace lotstation::fuzz {
namespace {

using Json = nlohmann::json;

// The station every seed push comes from (fuzz/corpus/sync_request was made by a ledger with this id).
constexpr std::string_view kStationId = "fuzz-station";

struct ServerState {
    std::int64_t movements = 0;
    std::int64_t lots = 0;
    std::int64_t items = 0;
    std::int64_t locations = 0;
    std::int64_t acked = 0;
    std::int64_t conflicts = 0;
    std::string stationId;
    bool operator==(const ServerState&) const = default;
};

// A central store in a scratch folder (in RAM where there is one) with one registered station. Kept for the
// whole process: libFuzzer runs millions of inputs, and creating a store for each would spend the time in
// schema migrations instead of in the request handling under test. Valid pushes therefore accumulate, as
// they do on a real server.
class FuzzServer {
  public:
    FuzzServer() {
        const std::filesystem::path shm = "/dev/shm";
        const auto base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
        m_dir = base / ("lotstation-fuzz-sync-" + std::to_string(std::random_device{}()));
        {
            auto admin = sync::CentralStore::open(m_dir);
            require(admin.has_value(), "cannot create the central store");
            auto token = admin->addStation("fuzz");
            require(token.has_value(), "cannot register a station");
            m_token = *token;
        }
        auto opened = sync::openCentral(m_dir);
        require(opened.has_value(), "cannot open the central store");
        m_store = std::move(*opened);
        m_store->db()
            .prepare("UPDATE sync_stations SET station_id = ?1 WHERE name = 'fuzz'")
            .bindAll(kStationId)
            .run();
    }
    ~FuzzServer() {
        m_store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    FuzzServer(const FuzzServer&) = delete;
    FuzzServer& operator=(const FuzzServer&) = delete;

    [[nodiscard]] sync::CentralStore::Impl& store() { return *m_store; }
    [[nodiscard]] sync::Caller caller() {
        auto found = m_store->authenticate(m_token);
        require(found.has_value(), "the registered station's own token is not accepted");
        return *found;
    }
    [[nodiscard]] const std::string& token() const { return m_token; }

    [[nodiscard]] ServerState state() {
        ServerState s;
        s.movements = m_store->ledger.movementCount().value();
        s.lots = count("lots");
        s.items = count("items");
        s.locations = count("locations");
        s.conflicts = m_store->openConflicts();
        auto station = m_store->db().prepare("SELECT acked_seq, coalesce(station_id, '') FROM sync_stations");
        require(station.step(), "the station row is gone");
        s.acked = station.int64(0);
        s.stationId = station.text(1);
        return s;
    }

  private:
    std::int64_t count(const std::string& table) {
        auto s = m_store->db().prepare("SELECT count(*) FROM " + table);
        s.step();
        return s.int64(0);
    }

    std::filesystem::path m_dir;
    std::string m_token;
    std::unique_ptr<sync::CentralStore::Impl> m_store;
};

FuzzServer& server() {
    static FuzzServer instance; // see FuzzServer: one store per process, on purpose
    return instance;
}

Json answerOf(const sync::Reply& reply, std::string_view request) {
    static const std::set<int> kStatuses{200, 400, 403, 409, 413, 422};
    require(kStatuses.contains(reply.status),
            std::string(request) + " answered HTTP " + std::to_string(reply.status) + ": " + reply.body);
    auto answer = Json::parse(reply.body, nullptr, false);
    require(!answer.is_discarded() && answer.is_object(),
            std::string(request) + " answered something that is not a JSON object: " + reply.body);
    if (reply.status != 200 || answer.contains("error")) {
        require(answer.contains("error") && answer["error"].is_string(),
                std::string(request) + " refused without an error code: " + reply.body);
    }
    return answer;
}

void checkPush(FuzzServer& fuzz, std::string_view body) {
    const auto before = fuzz.state();
    const auto reply = fuzz.store().push(fuzz.caller(), body, sync::PullLimits{});
    const auto answer = answerOf(reply, "push");
    const auto after = fuzz.state();
    require(after.stationId == before.stationId, "a push changed which station the token belongs to");
    if (!answer.contains("applied")) {
        // Refused before anything was applied: nothing at all may have changed.
        require(reply.status != 200, "a push answered 200 without saying what it applied");
        require(after == before,
                "a refused push (" + answer.value("error", std::string()) + ") wrote something");
        return;
    }
    require(answer["applied"].is_number_integer() && answer["acked"].is_number_integer(),
            "a push answer without integer applied / acked: " + reply.body);
    const auto applied = answer["applied"].get<std::int64_t>();
    require(applied >= 0, "a push applied a negative number of movements");
    require(after.movements == before.movements + applied,
            "a push said it applied " + std::to_string(applied) + " movements but " +
                std::to_string(after.movements - before.movements) + " arrived");
    require(answer["acked"].get<std::int64_t>() == after.acked,
            "a push acked another sequence than it stored");
    require(after.acked >= before.acked, "a push took an acknowledgement back");
    require(reply.committed == (applied > 0), "a push's committed flag disagrees with what it applied");
    if (applied > 0) {
        const auto findings = fuzz.store().ledger.verify().value();
        require(findings.empty(), "the central ledger no longer verifies after a push: " +
                                      (findings.empty() ? std::string() : findings.front().message));
    }
}

void checkPull(FuzzServer& fuzz, std::string_view rest) {
    const auto newline = rest.find('\n');
    const auto cursor = rest.substr(0, newline);
    const auto limit = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    const auto before = fuzz.state();
    const auto reply = fuzz.store().pull(fuzz.caller(), cursor, limit, sync::PullLimits{});
    const auto answer = answerOf(reply, "pull");
    require(fuzz.state() == before, "a pull wrote something");
    if (reply.status != 200) return;
    require(answer["movements"].is_array() && answer["cursor"].is_string() && answer["more"].is_boolean(),
            "a pull answer without movements, cursor or more: " + reply.body);
    for (const auto& movement : answer["movements"]) {
        require(movement.is_object() && movement.value("station", std::string()) != kStationId,
                "a pull handed a station its own movements back");
    }
}

} // namespace

void checkSyncRequest(Bytes input) {
    auto& fuzz = server();
    const auto kind = input.empty() ? 3 : input[0] % 4;
    const auto rest = asText(input.empty() ? input : input.subspan(1));
    switch (kind) {
    case 0:
        checkPush(fuzz, rest);
        break;
    case 1:
        checkPull(fuzz, rest);
        break;
    case 2:
        require(rest == fuzz.token() || !fuzz.store().authenticate(rest),
                "a token nobody was given was accepted");
        break;
    default: {
        const auto before = fuzz.state();
        (void)answerOf(fuzz.store().master(), "master");
        (void)answerOf(fuzz.store().status(fuzz.caller(), sync::PullLimits{}), "status");
        require(fuzz.state() == before, "reading master data or status wrote something");
    }
    }
}

} // namespace lotstation::fuzz
