// Two processes write one ledger file at the same moment (a command line beside the station, or the
// background sync connection): every check an operation makes (here: is enough on hand?) must hold for the
// state its writes apply to. Each round forks two writers that take the last stock of one lot at once;
// exactly one may succeed, the other must be told there is not enough (not "database is locked": the busy
// timeout makes it wait its turn), and the ledger must verify afterwards.
#include "ledger_fixture.hpp"

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

enum Outcome { Consumed = 0, NotEnough = 1, OtherError = 2 };

// In the child: its own connection (never the parent's), ready, wait for the start, then consume it all.
int consumeAtOnce(const std::filesystem::path& path, const std::string& run, const std::string& lot,
                  std::int64_t quantity, int ready, int go) {
    auto ledger = Ledger::open(path, OpenOptions{.busyTimeoutMs = 20'000});
    if (!ledger) {
        std::fprintf(stderr, "open: %s\n", ledger.error().message.c_str());
        return OtherError;
    }
    const char byte = 'r';
    if (::write(ready, &byte, 1) != 1) return OtherError;
    char ignored = 0;
    (void)::read(go, &ignored, 1); // returns at EOF: the parent closed its end, both writers start now
    auto consumed =
        ledger->consume({.run = run, .lot = lot, .quantity = quantity, .location = "DOCK", .user = "ana"});
    if (consumed) return Consumed;
    if (consumed.error().kind == ErrorKind::Refused &&
        consumed.error().message.starts_with("only 0 g of lot"))
        return NotEnough;
    std::fprintf(stderr, "consume: %s\n", consumed.error().message.c_str());
    return OtherError;
}

} // namespace

TEST_CASE("two processes take the last stock of a lot at once: exactly one gets it, every time") {
    Shop shop;
    constexpr int kRounds = 50;
    constexpr std::int64_t kStock = 1'000'000; // 1 kg
    int exactlyOne = 0, otherErrors = 0;
    for (int round = 0; round < kRounds; ++round) {
        const auto lot = shop.receive("SOAP-OIL", kStock, "OILCO", "RACE-" + std::to_string(round));
        const auto run =
            must(shop.l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "ana"}));
        int ready[2], go[2];
        REQUIRE(::pipe(ready) == 0);
        REQUIRE(::pipe(go) == 0);
        pid_t children[2];
        for (auto& child : children) {
            child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                ::close(ready[0]);
                ::close(go[1]);
                // _exit: the child must not run the parent's destructors (its ledger connection, the test
                // framework's state).
                ::_exit(consumeAtOnce(shop.path, run.code, lot, kStock, ready[1], go[0]));
            }
        }
        ::close(ready[1]);
        ::close(go[0]);
        char byte = 0;
        for (int i = 0; i < 2; ++i)
            REQUIRE(::read(ready[0], &byte, 1) == 1);
        ::close(go[1]); // both children are waiting: start them together
        ::close(ready[0]);
        int outcomes[3] = {0, 0, 0};
        for (const auto child : children) {
            int status = 0;
            REQUIRE(::waitpid(child, &status, 0) == child);
            REQUIRE(WIFEXITED(status));
            const int code = WEXITSTATUS(status);
            REQUIRE(code >= 0);
            REQUIRE(code <= 2);
            ++outcomes[code];
        }
        if (outcomes[Consumed] == 1 && outcomes[NotEnough] == 1) ++exactlyOne;
        otherErrors += outcomes[OtherError];
        CHECK_MESSAGE(shop.l().onHand(lot).value() == 0, "round " << round);
    }
    CHECK(exactlyOne == kRounds);
    CHECK(otherErrors == 0);
    CHECK(shop.l().verify().value().empty());
}
