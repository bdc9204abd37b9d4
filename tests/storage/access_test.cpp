// Roles enforced by the ledger itself: each refusal names the user, the role and what the action needs, and
// writes nothing; each allowed case records who and why on the movement.
#include "ledger_fixture.hpp"
#include "lotstation/storage/access.hpp"
#include "lotstation/storage/recall.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::test;

namespace {

// ana (operator), sam (supervisor), ada (admin); a bar lot at FG, two oil lots at DOCK with use-by dates
// and an open run of BAR.
struct Staffed : Shop {
    std::string bar, oilSoon, oilLater;
    Run run;
    Staffed() {
        must(l().addUser({.name = "ada", .role = UserRole::Admin}));
        bar = receive("BAR", 100, "OILCO", "B-1", 350'000, "FG");
        oilLater = receive("SOAP-OIL", 5'000'000, "OILCO", "OIL-LATER", {}, "DOCK", day(2027, 6, 30));
        oilSoon = receive("SOAP-OIL", 5'000'000, "OILCO", "OIL-SOON", {}, "DOCK", day(2026, 9, 30));
        run = must(l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "ana"}));
    }
    Result<std::vector<Movement>> hold(const std::string& user, LotStatus status = LotStatus::Hold) {
        return l().hold({.lots = {bar}, .status = status, .reason = "smells off", .user = user});
    }
    Result<std::vector<Movement>> release(const std::string& user) {
        return l().release({.lots = {bar}, .reason = "lab says fine", .user = user});
    }
};

void refusedWithoutWriting(Staffed& s, const Error& error, const std::string& message,
                           const std::string& stateBefore) {
    CHECK((error.kind == ErrorKind::Refused));
    CHECK(error.message == message);
    CHECK(s.state() == stateBefore);
}

} // namespace

TEST_CASE("access: the roles and what each may do") {
    for (const auto action : {Action::Hold, Action::Recall, Action::Release, Action::Reverse,
                              Action::ApproveOverride, Action::ManageUsers}) {
        CAPTURE(describe(action));
        CHECK(allowed(UserRole::Admin, action));
        CHECK(allowed(UserRole::Supervisor, action) == (action != Action::ManageUsers));
        CHECK(allowed(UserRole::Operator, action) == (action == Action::Hold));
    }
    CHECK(refusalMessage({.name = "ana", .role = UserRole::Operator}, Action::Release) ==
          "ana is an operator: releasing a hold needs a supervisor");
    CHECK(refusalMessage({.name = "sam", .role = UserRole::Supervisor}, Action::ManageUsers) ==
          "sam is a supervisor: adding a user needs an admin");
}

TEST_CASE("access: an operator may hold a lot but not release it; supervisors and admins may") {
    Staffed s;
    const auto held = must(s.hold("ana"));
    REQUIRE(held.size() == 1);
    CHECK(held[0].user == "ana");
    CHECK(held[0].reason == "smells off");

    const auto before = s.state();
    refusedWithoutWriting(s, s.release("ana").error(),
                          "ana is an operator: releasing a hold needs a supervisor", before);
    CHECK((must(s.l().lot(s.bar)).status == LotStatus::Hold));

    const auto bySupervisor = must(s.release("sam"));
    CHECK(bySupervisor[0].user == "sam");
    CHECK(bySupervisor[0].reason == "lab says fine");
    CHECK((bySupervisor[0].lotStatus == LotStatus::Available));
    must(s.hold("ana"));
    CHECK(must(s.release("ada"))[0].user == "ada");
}

TEST_CASE("access: recalling, and changing a recalled lot, need a supervisor") {
    Staffed s;
    auto before = s.state();
    refusedWithoutWriting(s, s.hold("ana", LotStatus::Recalled).error(),
                          "ana is an operator: recalling a lot needs a supervisor", before);
    // the same through the recall query, which holds every affected lot in one call
    const auto viaRecall =
        recall(s.l(), s.bar, RecallHold{.status = LotStatus::Recalled, .reason = "x", .user = "ana"});
    REQUIRE_FALSE(viaRecall.has_value());
    CHECK(viaRecall.error().message == "ana is an operator: recalling a lot needs a supervisor");
    CHECK(s.state() == before);

    CHECK(must(s.hold("sam", LotStatus::Recalled))[0].user == "sam");
    // an operator's hold must not quietly turn a recall into a mere hold; a release is refused anyway
    before = s.state();
    refusedWithoutWriting(
        s, s.hold("ana", LotStatus::Hold).error(),
        "lot " + s.bar + " is recalled: ana is an operator, and changing a recalled lot needs a supervisor",
        before);
    refusedWithoutWriting(s, s.release("ana").error(),
                          "ana is an operator: releasing a hold needs a supervisor", before);
    // quarantine and expired are holds an operator may set
    must(s.release("sam"));
    CHECK(must(s.hold("ana", LotStatus::Quarantine))[0].lotStatus == LotStatus::Quarantine);
    CHECK(must(s.hold("ana", LotStatus::Expired))[0].lotStatus == LotStatus::Expired);
}

TEST_CASE("access: reversing a movement needs a supervisor") {
    Staffed s;
    const auto moved = must(s.l().move({.lot = s.bar, .quantity = 30, .to = "STORE", .user = "ana"}));
    const auto before = s.state();
    refusedWithoutWriting(
        s, s.l().reverse({.movementId = moved.id, .reason = "wrong shelf", .user = "ana"}).error(),
        "ana is an operator: reversing a movement needs a supervisor", before);
    const auto reversal =
        must(s.l().reverse({.movementId = moved.id, .reason = "wrong shelf", .user = "sam"}));
    CHECK(reversal.user == "sam");
    CHECK(reversal.reason == "wrong shelf");
    const auto again = must(s.l().move({.lot = s.bar, .quantity = 5, .to = "STORE", .user = "ana"}));
    CHECK(must(s.l().reverse({.movementId = again.id, .reason = "typo", .user = "ada"})).user == "ada");
}

TEST_CASE("access: FEFO is enforced when consuming and only a supervisor overrides it") {
    Staffed s;
    const auto before = s.state();
    const auto later =
        s.l().consume({.run = s.run.code, .lot = s.oilLater, .quantity = 1'000, .user = "ana"});
    REQUIRE_FALSE(later.has_value());
    CHECK((later.error().kind == ErrorKind::NeedsOverride));
    CHECK(later.error().message == "lot " + s.oilSoon + " expires first (2026-09-30; lot " + s.oilLater +
                                       " on 2027-06-30): FEFO takes " + s.oilSoon +
                                       ": using it needs a reason and a supervisor");
    CHECK(s.state() == before);
    // the operator approving her own override is no override
    const auto self = s.l().consume({.run = s.run.code,
                                     .lot = s.oilLater,
                                     .quantity = 1'000,
                                     .override = Override{"the soon lot is at the back", "ana"},
                                     .user = "ana"});
    CHECK(self.error().message == "ana is an operator: approving an override needs a supervisor");
    CHECK(s.state() == before);

    // the first-expiring lot goes without a word; the later one with a supervisor's approval
    must(s.l().consume({.run = s.run.code, .lot = s.oilSoon, .quantity = 1'000, .user = "ana"}));
    const auto approved = must(s.l().consume({.run = s.run.code,
                                              .lot = s.oilLater,
                                              .quantity = 1'000,
                                              .override = Override{"the soon lot is at the back", "sam"},
                                              .user = "ana"}));
    CHECK(approved.overridden == "fefo");
    CHECK(approved.approvedBy == "sam");
    CHECK(approved.user == "ana");
    CHECK(approved.reason == "the soon lot is at the back");

    // once the first lot is held, the later one is first in line again
    must(s.l().hold({.lots = {s.oilSoon}, .reason = "QA", .user = "ana"}));
    must(s.l().consume({.run = s.run.code, .lot = s.oilLater, .quantity = 1'000, .user = "ana"}));
}

TEST_CASE("access: once there is an admin, only an admin adds users") {
    Shop shop; // ana and sam, no admin yet: a station being set up
    must(shop.l().addUser({.name = "ada", .role = UserRole::Admin}));
    const auto usersBefore = shop.l().users().size();
    CHECK(shop.l().addUser({.name = "eve"}).error().message ==
          "who is adding this user? adding a user needs an admin");
    CHECK(shop.l().addUser({.name = "eve", .by = "ana"}).error().message ==
          "ana is an operator: adding a user needs an admin");
    CHECK(shop.l().addUser({.name = "eve", .role = UserRole::Admin, .by = "sam"}).error().message ==
          "sam is a supervisor: adding a user needs an admin");
    CHECK((shop.l().addUser({.name = "eve", .by = "ghost"}).error().kind == ErrorKind::NotFound));
    CHECK(shop.l().users().size() == usersBefore);
    CHECK(must(shop.l().addUser({.name = "eve", .by = "ada"})).name == "eve");
    // users the central server made arrive without a person at this station adding them
    CHECK(must(shop.l().addUserFromCentral({.name = "zoe", .role = UserRole::Supervisor})).name == "zoe");
    CHECK(shop.l().users().size() == usersBefore + 2);
}

TEST_CASE("access: every status change and reversal needs a reason, and spaces are no reason") {
    Staffed s;
    const auto before = s.state();
    for (const auto* reason : {"", "   ", "\t"}) {
        CAPTURE(reason);
        CHECK(s.l().hold({.lots = {s.bar}, .reason = reason, .user = "sam"}).error().message ==
              "a hold needs a reason");
    }
    must(s.hold("sam"));
    const auto held = s.state();
    CHECK(s.l().release({.lots = {s.bar}, .reason = " ", .user = "sam"}).error().message ==
          "a release needs a reason");
    const auto receiveId = s.l().outbox(0, 1).front().movement.id;
    CHECK(s.l().reverse({.movementId = receiveId, .reason = "", .user = "sam"}).error().message ==
          "a reversal needs a reason");
    CHECK(s.l().hold({.lots = {s.bar}, .reason = "x", .user = ""}).error().message ==
          "who is doing this? a user is required");
    CHECK(s.state() == held);
    CHECK(held != before);
}
