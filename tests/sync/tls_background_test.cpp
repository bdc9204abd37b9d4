// HTTPS with a certificate made here by the openssl command line; the background sync with its status.
#include "sync_fixture.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <thread>

using namespace lotstation;
using namespace lotstation::sync;
using namespace lotstation::sync::test;

namespace {

// A self-signed certificate for 127.0.0.1, valid for a day.
bool makeCertificate(const ScratchDir& dir) {
    const auto command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                         "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
                         (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() +
                         "' 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

template <typename Predicate>
bool waitFor(Predicate done, std::chrono::seconds limit = std::chrono::seconds(20)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

} // namespace

TEST_CASE("TLS: a station syncs over HTTPS when it trusts the certificate and refuses when it does not") {
    ScratchDir dir;
    if (!makeCertificate(dir)) LOTSTATION_SKIP("the openssl command is not available");
    ServerOptions tls;
    tls.tlsCert = dir / "cert.pem";
    tls.tlsKey = dir / "key.pem";
    Central central(dir / "server", tls);
    REQUIRE(central.url().rfind("https://", 0) == 0);
    std::vector<Station> stations{makeStation(dir, central, "dock", "D"),
                                  makeStation(dir, central, "line", "L")};

    ClientOptions untrusting; // verifies against the system's CAs only
    auto refused = stations[0].client(central.url(), untrusting).syncOnce();
    REQUIRE_FALSE(refused);
    CHECK((refused.error().kind == ErrorKind::Unavailable));

    auto plain = "http://" + central.url().substr(std::string_view("https://").size());
    auto cleartext = stations[0].client(plain).syncOnce();
    REQUIRE_FALSE(cleartext);

    ClientOptions trusting;
    trusting.caCert = dir / "cert.pem";
    for (int round = 0; round < 2; ++round) {
        for (const auto& station : stations) {
            if (round == 1) {
                auto ledger = station.open();
                (void)doWork(ledger, 3, station.name);
            }
            auto summary = station.client(central.url(), trusting).syncOnce();
            REQUIRE_MESSAGE(summary, (summary ? "" : summary.error().message));
        }
    }
    for (const auto& station : stations) {
        auto summary = station.client(central.url(), trusting).syncOnce();
        REQUIRE(summary);
    }
    checkConverged(central.ledgerPath(), stations, 12);

    ServerOptions halfTls;
    halfTls.dataDir = dir / "other";
    halfTls.tlsCert = dir / "cert.pem";
    CHECK_FALSE(SyncServer::create(halfTls));
    halfTls.tlsKey = dir / "cert.pem"; // not a key
    CHECK_FALSE(SyncServer::create(halfTls));
}

TEST_CASE(
    "background sync: pushes new work by itself backs off while the server is away reports its status") {
    ScratchDir dir;
    Central central(dir / "server");
    auto dock = makeStation(dir, central, "dock", "D");
    auto line = makeStation(dir, central, "line", "L");
    syncAll(central.url(), {dock, line}, 1);
    auto client = dock.client(central.url());
    BackgroundOptions fast;
    fast.interval = std::chrono::milliseconds(50);
    fast.minBackoff = std::chrono::milliseconds(20);
    fast.maxBackoff = std::chrono::milliseconds(200);
    client.start(fast);
    CHECK(client.status().running);
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 10, "bg");
    }
    CHECK(waitFor([&] { return client.status().pending == 0 && client.status().acked == 20; }));
    CHECK(client.status().lastContact.has_value());
    CHECK_FALSE(client.status().lastError.has_value());

    central.stop();
    {
        auto ledger = dock.open();
        (void)doWork(ledger, 2, "away");
    }
    CHECK(waitFor([&] { return client.status().lastError.has_value(); }));
    CHECK(client.status().pending == 4);

    central.restart();
    // The server came back on another port: the app would reconnect with a new client; the old one keeps
    // failing cleanly, and a new one catches up.
    client.stop();
    CHECK_FALSE(client.status().running);
    auto again = dock.client(central.url());
    again.start(fast);
    CHECK(waitFor([&] { return again.status().pending == 0 && !again.status().lastError; }));
    again.stop();
    syncAll(central.url(), {line, dock}, 1);
    checkConverged(central.ledgerPath(), {dock, line}, 24);
}
