#include "lotstation/station/workflows/login_flow.hpp"

#include <doctest/doctest.h>

using namespace lotstation::station;
using namespace std::chrono_literals;
namespace storage = lotstation::storage;

namespace {

const TimePoint t0 = TimePoint{} + 1000s;

storage::Ledger usersLedger() {
    auto ledger = storage::Ledger::open(":memory:");
    REQUIRE(ledger);
    REQUIRE(ledger->addUser(storage::NewUser{"Ana", storage::UserRole::Operator, "BADGE-ANA", "4711"}));
    REQUIRE(ledger->addUser(storage::NewUser{"Sam", storage::UserRole::Supervisor, "BADGE-SAM", "2468"}));
    return std::move(*ledger);
}

void typePin(LoginFlow& flow, std::string_view digits) {
    for (char c : digits)
        flow.apply(login::PinKey{static_cast<KeypadKey>(c - '0')}, FlowContext{{}, t0});
}

} // namespace

TEST_CASE("login: a registered badge logs in at once - an unknown one is refused") {
    auto ledger = usersLedger();
    LoginFlow flow(ledger);
    const auto refused = flow.apply(login::BadgeScanned{"BADGE-NOBODY"}, FlowContext{{}, t0});
    CHECK(refused.feedback == FeedbackKind::Refused);
    CHECK(refused.message == "This badge is not registered");
    CHECK_FALSE(flow.user());
    const auto accepted = flow.apply(login::BadgeScanned{"BADGE-ANA"}, FlowContext{{}, t0});
    CHECK(accepted.feedback == FeedbackKind::Accepted);
    CHECK(accepted.message == "Hello, Ana");
    REQUIRE(flow.user());
    CHECK((flow.user()->role == storage::UserRole::Operator));
    flow.logOut();
    CHECK_FALSE(flow.user());
}

TEST_CASE("login: pick a name and type the PIN - keys edit it, the dot is ignored") {
    auto ledger = usersLedger();
    LoginFlow flow(ledger);
    flow.apply(login::SubmitPin{}, FlowContext{{}, t0}); // nothing chosen yet: nothing happens
    flow.apply(login::ChooseUser{"Sam"}, FlowContext{{}, t0});
    CHECK((flow.state().step == LoginStep::EnterPin));
    CHECK(flow.apply(login::SubmitPin{}, FlowContext{{}, t0}).message == "Type your PIN first");
    typePin(flow, "249");
    flow.apply(login::PinKey{KeypadKey::Backspace}, FlowContext{{}, t0});
    flow.apply(login::PinKey{KeypadKey::Dot}, FlowContext{{}, t0});
    typePin(flow, "68");
    CHECK(flow.state().pin == "2468");
    const auto outcome = flow.apply(login::SubmitPin{}, FlowContext{{}, t0});
    CHECK(outcome.feedback == FeedbackKind::Accepted);
    REQUIRE(flow.user());
    CHECK(flow.user()->name == "Sam");
    CHECK((flow.user()->role == storage::UserRole::Supervisor));
    CHECK(flow.state().pin.empty());
    CHECK((flow.state().step == LoginStep::ScanOrPick));
}

TEST_CASE("login: wrong PINs lock the station - cancelling does not reset the count - the lock expires") {
    auto ledger = usersLedger();
    LoginFlow flow(ledger, LoginPolicy{false, 3, 60s, 12});
    flow.apply(login::ChooseUser{"Ana"}, FlowContext{{}, t0});
    for (int attempt = 0; attempt < 2; ++attempt) {
        typePin(flow, "0000");
        const auto wrong = flow.apply(login::SubmitPin{}, FlowContext{{}, t0});
        CHECK(wrong.feedback == FeedbackKind::Refused);
        CHECK(flow.state().pin.empty());
        CHECK_FALSE(flow.state().lockedUntil);
    }
    flow.apply(login::Cancel{}, FlowContext{{}, t0});
    flow.apply(login::ChooseUser{"Ana"}, FlowContext{{}, t0});
    typePin(flow, "1111");
    CHECK(flow.apply(login::SubmitPin{}, FlowContext{{}, t0}).message == "Too many wrong PINs: try again in 60 s");
    typePin(flow, "4711"); // the right PIN, but locked
    CHECK(flow.apply(login::SubmitPin{}, FlowContext{{}, t0 + 30s}).message == "Too many wrong PINs: try again in 30 s");
    CHECK_FALSE(flow.user());
    typePin(flow, "4711");
    CHECK(flow.apply(login::SubmitPin{}, FlowContext{{}, t0 + 61s}).feedback == FeedbackKind::Accepted);
    CHECK(flow.user()->name == "Ana");
}

TEST_CASE("login: when the business wants badge and PIN, the badge leads to the PIN step") {
    auto ledger = usersLedger();
    LoginFlow flow(ledger, LoginPolicy{true, 5, 60s, 4});
    CHECK(flow.apply(login::BadgeScanned{"BADGE-ANA"}, FlowContext{{}, t0}).message == "Badge read: now your PIN");
    CHECK_FALSE(flow.user());
    CHECK((flow.state().step == LoginStep::EnterPin));
    typePin(flow, "471199"); // the PIN length is capped
    CHECK(flow.state().pin == "4711");
    CHECK(flow.apply(login::SubmitPin{}, FlowContext{{}, t0}).feedback == FeedbackKind::Accepted);
    CHECK(flow.user()->name == "Ana");
}
