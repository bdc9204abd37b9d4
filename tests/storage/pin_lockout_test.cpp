// Wrong PINs lock a user out in the ledger itself (not only in the login screen): the count and the lock
// live in the database, so closing the app or using the command line does not get around them.
#include "ledger_fixture.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

struct WithPins : Shop {
    WithPins() {
        must(l().addUser({.name = "ada", .role = UserRole::Admin, .badge = "B-ADA", .pin = "4711"}));
        must(l().addUser({.name = "bo", .role = UserRole::Operator, .pin = "2468", .by = "ada"}));
    }
    std::string refusal(std::string_view who, std::string_view pin) {
        const auto result = l().recordPinAttempt(who, pin);
        REQUIRE_FALSE(result.has_value());
        CHECK((result.error().kind == ErrorKind::Refused));
        return result.error().message;
    }
};

} // namespace

TEST_CASE("PIN lock-out: five wrong PINs lock the user out, the right PIN included, across a restart") {
    WithPins w;
    for (int attempt = 1; attempt <= 4; ++attempt) {
        CAPTURE(attempt);
        CHECK(w.refusal("ada", "0000") == "wrong user or PIN");
    }
    CHECK(w.refusal("ada", "0000") == "wrong user or PIN; too many wrong PINs: try again in 5 min");
    CHECK(w.refusal("ada", "4711") == "too many wrong PINs: try again in 5 min");
    CHECK(w.refusal("B-ADA", "4711") == "too many wrong PINs: try again in 5 min"); // the badge too
    CHECK(must(w.l().recordPinAttempt("bo", "2468")).name == "bo");                        // others are not locked

    w.reopen(); // the app restarted, or the command line opened the file
    w.time.advance(4min);
    CHECK(w.refusal("ada", "4711") == "too many wrong PINs: try again in 60 s");
    w.time.advance(1min);
    CHECK(must(w.l().recordPinAttempt("ada", "4711")).name == "ada");
}

TEST_CASE("PIN lock-out: the right PIN resets the count; the count survives a restart") {
    WithPins w;
    for (int attempt = 0; attempt < 4; ++attempt)
        CHECK(w.refusal("bo", "1111") == "wrong user or PIN");
    CHECK(must(w.l().recordPinAttempt("bo", "2468")).name == "bo");
    for (int attempt = 0; attempt < 4; ++attempt)
        CHECK(w.refusal("bo", "1111") == "wrong user or PIN");
    w.reopen();
    CHECK(w.refusal("bo", "1111") == "wrong user or PIN; too many wrong PINs: try again in 5 min");
    CHECK(w.count("pin_failures") == 1);
    w.time.advance(5min);
    CHECK(must(w.l().recordPinAttempt("bo", "2468")).name == "bo");
    CHECK(w.count("pin_failures") == 0); // nothing kept once the user is back in
}

TEST_CASE("PIN lock-out: an unknown name locks out the same way, so it tells a stranger nothing") {
    WithPins w;
    for (int attempt = 0; attempt < 4; ++attempt)
        CHECK(w.refusal("nobody", "4711") == "wrong user or PIN");
    CHECK(w.refusal("nobody", "4711") == "wrong user or PIN; too many wrong PINs: try again in 5 min");
    CHECK(w.refusal("nobody", "4711") == "too many wrong PINs: try again in 5 min");
    CHECK(must(w.l().recordPinAttempt("ada", "4711")).name == "ada");
}

TEST_CASE("PIN lock-out: the limit and the period are options of the ledger") {
    TestClock time;
    lotstation::test::TempDir dir;
    auto ledger = must(Ledger::open(dir.file("l.db"), {.identity = StationIdentity{"s", "S", "S"},
                                                       .clock = time.clock(),
                                                       .pinLockout = {.maxWrongPins = 2, .lockout = 30s}}));
    must(ledger.addUser({.name = "ada", .role = UserRole::Admin, .pin = "4711"}));
    CHECK(ledger.recordPinAttempt("ada", "1").error().message == "wrong user or PIN");
    CHECK(ledger.recordPinAttempt("ada", "1").error().message ==
          "wrong user or PIN; too many wrong PINs: try again in 30 s");
    CHECK(ledger.recordPinAttempt("ada", "4711").error().message == "too many wrong PINs: try again in 30 s");
    time.advance(30s);
    CHECK(must(ledger.recordPinAttempt("ada", "4711")).name == "ada");
}
