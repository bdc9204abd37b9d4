// Refusals: a sequence number repeated with other content stops the station's pushing and overwrites
// nothing; bad tokens, wrong station ids, malformed and oversized bodies get a clear JSON error and write
// nothing.
#include "lotstation/sync/protocol.hpp"
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;
using Json = nlohmann::json;

namespace {

void copyDatabase(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
    for (const char* suffix : {"-wal", "-shm"}) {
        std::filesystem::remove(to.string() + suffix);
        if (std::filesystem::exists(from.string() + suffix))
            std::filesystem::copy_file(from.string() + suffix, to.string() + suffix);
    }
}

// The body is JSON {"error": ..., "detail": ...} with the expected code.
void checkErrorBody(const httplib::Result& answer, int status, const std::string& code) {
    REQUIRE(answer);
    CHECK(answer->status == status);
    auto body = Json::parse(answer->body, nullptr, false);
    REQUIRE_MESSAGE(body.is_object(), "not JSON: " << answer->body);
    CHECK(body.value("error", "") == code);
    CHECK_FALSE(body.value("detail", "").empty());
}

} // namespace

TEST_CASE(
    "same sequence with other content: refused with 409 pushing stops and says why nothing overwritten") {
    ScratchDir dir;
    Central central(dir / "server");
    auto station = makeStation(dir, central, "dock", "D");
    auto other = makeStation(dir, central, "line", "L");
    syncAll(central.url(), {station, other}, 1);
    {
        auto ledger = station.open();
        (void)doWork(ledger, 2, "before");
    }
    syncAll(central.url(), {station}, 1);
    copyDatabase(station.path, dir / "dock-backup.sqlite"); // the station's own backup, acked up to 4
    {
        auto ledger = station.open();
        (void)doWork(ledger, 1, "lost");
    }
    syncAll(central.url(), {station, other}, 1); // the server now holds 1..6
    const auto original = storage::Ledger::open(central.ledgerPath())->movementsSince(0, 100).back().movement;

    // The station's database is restored from its backup and records other movements as 5 and 6.
    copyDatabase(dir / "dock-backup.sqlite", station.path);
    {
        auto ledger = station.open();
        (void)doWork(ledger, 1, "diverged");
    }
    auto client = station.client(central.url());
    auto refused = client.syncOnce();
    REQUIRE_FALSE(refused);
    CHECK((refused.error().kind == ErrorKind::Conflict));
    CHECK(refused.error().message.find("other content") != std::string::npos);
    auto status = client.status();
    REQUIRE(status.pushStopped);
    CHECK(status.pushStopped->find("other content") != std::string::npos);
    CHECK(status.pending == 2);

    // Stopped for good: the next sync does not push again, and still says why.
    auto again = client.syncOnce();
    REQUIRE_FALSE(again);
    CHECK((again.error().kind == ErrorKind::Conflict));

    // Nothing was overwritten: the server still has the first movement 6, and the other station too.
    auto server = storage::Ledger::open(central.ledgerPath());
    REQUIRE(server);
    CHECK(server->movementCount() == 6);
    auto kept = server->movement(original.id);
    REQUIRE(kept);
    CHECK(kept->hash == original.hash);
    CHECK(other.open().movement(original.id)->hash == original.hash);
}

TEST_CASE(
    "bad token wrong station id malformed JSON oversized body: a clear JSON error and nothing written") {
    ScratchDir dir;
    ServerOptions options;
    options.maxBodyBytes = 64 * 1024;
    options.maxPushMovements = 2;
    Central central(dir / "server", options);
    auto dock = makeStation(dir, central, "dock", "D");
    auto line = makeStation(dir, central, "line", "L");
    syncAll(central.url(), {dock, line}, 1);
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 2, "ok");
    }
    syncAll(central.url(), {dock}, 1); // binds dock's token to dock's station id
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 1, "pending");
    }
    auto ledger = dock.open();
    const auto pending = ledger.outbox(4, 10);
    REQUIRE(pending.size() == 2);
    const auto goodBody = encodePush(ledger, pending);
    const auto before = storage::Ledger::open(central.ledgerPath())->movementCount();

    httplib::Client http(central.url());
    const httplib::Headers dockAuth{{"Authorization", "Bearer " + dock.token}};
    const httplib::Headers lineAuth{{"Authorization", "Bearer " + line.token}};

    checkErrorBody(http.Post("/v1/push", goodBody, "application/json"), 401, "unauthorized");
    checkErrorBody(
        http.Post("/v1/push", {{"Authorization", "Bearer lst_0000"}}, goodBody, "application/json"), 401,
        "unauthorized");
    checkErrorBody(http.Get("/v1/pull", {{"Authorization", "Basic " + dock.token}}), 401, "unauthorized");
    // The line's token with the dock's movements: the token belongs to another station.
    checkErrorBody(http.Post("/v1/push", lineAuth, goodBody, "application/json"), 403, "wrong-station");
    // The dock's token claiming another station id.
    auto claimed = Json::parse(goodBody);
    claimed["station"] = "someone-else";
    checkErrorBody(http.Post("/v1/push", dockAuth, claimed.dump(), "application/json"), 400, "malformed");
    for (auto& m : claimed["movements"])
        m["station"] = "someone-else";
    checkErrorBody(http.Post("/v1/push", dockAuth, claimed.dump(), "application/json"), 403, "wrong-station");

    checkErrorBody(http.Post("/v1/push", dockAuth, "{\"station\": ", "application/json"), 400, "malformed");
    checkErrorBody(http.Post("/v1/push", dockAuth, "[1, 2]", "application/json"), 400, "malformed");
    auto badField = Json::parse(goodBody);
    badField["movements"][1]["seq"] = "six";
    auto answer = http.Post("/v1/push", dockAuth, badField.dump(), "application/json");
    checkErrorBody(answer, 400, "malformed");
    CHECK(Json::parse(answer->body)["detail"].get<std::string>().find("movements[1].seq") !=
          std::string::npos);
    auto tampered = Json::parse(goodBody);
    tampered["movements"][0]["quantity"] = 1;
    checkErrorBody(http.Post("/v1/push", dockAuth, tampered.dump(), "application/json"), 422,
                   "invalid-movement");
    checkErrorBody(http.Post("/v1/push", dockAuth, std::string(100 * 1024, ' '), "application/json"), 413,
                   "too-large");
    auto tooMany = Json::parse(goodBody);
    tooMany["movements"].push_back(tooMany["movements"][0]);
    checkErrorBody(http.Post("/v1/push", dockAuth, tooMany.dump(), "application/json"), 413, "too-large");
    checkErrorBody(http.Get("/v1/pull?limit=zero", dockAuth), 400, "malformed");
    checkErrorBody(http.Get("/v1/pull?cursor=garbage", dockAuth), 400, "malformed");
    checkErrorBody(http.Get("/v2/anything", dockAuth), 404, "not-found");

    CHECK(storage::Ledger::open(central.ledgerPath())->movementCount() == before);

    // The well-formed push still goes through afterwards.
    auto good = http.Post("/v1/push", dockAuth, goodBody, "application/json");
    REQUIRE(good);
    CHECK(good->status == 200);
    CHECK(Json::parse(good->body)["acked"] == 6);
}
