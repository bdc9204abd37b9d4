#pragma once
// Logging in: scan a badge, or pick your name and type your PIN on the keypad. Wrong PINs lock the station
// for a while after a few tries. A state machine over the ledger's users; time is passed in.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/station/workflows/flow_outcome.hpp"
#include "lotstation/station/workflows/screen_flow.hpp"
#include "lotstation/storage/ledger.hpp"

#include <optional>
#include <string>
#include <variant>

namespace lotstation::station {

struct LoginPolicy {
    bool badgeNeedsPin = false; // a badge alone is enough unless the business wants both
    int maxAttempts = 5;
    Clock::duration lockout = std::chrono::seconds(60);
    std::size_t maxPinLength = 12;
};

// A user an admin added without a PIN (or whose PIN an admin reset) chooses one at log-in: typed twice.
enum class LoginStep { ScanOrPick, EnterPin, ChoosePin, RepeatPin };

struct LoginState {
    LoginStep step = LoginStep::ScanOrPick;
    std::optional<std::string> who; // the name or badge the PIN is for
    std::string pin;                // typed digits; views show dots
    std::string chosenPin;          // the new PIN's first entry, until it is typed again
    std::optional<std::string> problem;
    int failedAttempts = 0;
    std::optional<TimePoint> lockedUntil;
};

namespace login {
struct BadgeScanned {
    std::string code;
};
struct ChooseUser {
    std::string name;
};
struct PinKey {
    KeypadKey key;
};
struct SubmitPin {};
struct Cancel {};
} // namespace login

using LoginIntent =
    std::variant<login::BadgeScanned, login::ChooseUser, login::PinKey, login::SubmitPin, login::Cancel>;

class LoginFlow {
  public:
    using Intent = LoginIntent;
    using State = LoginState;

    explicit LoginFlow(storage::Ledger& ledger, LoginPolicy policy = {})
        : m_ledger(ledger), m_policy(policy) {}

    FlowOutcome apply(const LoginIntent& intent, const FlowContext& context = {});

    [[nodiscard]] const LoginState& state() const { return m_state; }
    // Set once a login succeeded; the shell takes it and starts the operator's session.
    [[nodiscard]] const std::optional<storage::User>& user() const { return m_user; }
    void logOut() { m_user.reset(); }

  private:
    FlowOutcome badge(const std::string& code, TimePoint now);
    FlowOutcome submit(TimePoint now);
    FlowOutcome choosePin();
    FlowOutcome loggedIn(storage::User user);

    storage::Ledger& m_ledger; // a PIN attempt writes the lock-out count
    LoginPolicy m_policy;
    LoginState m_state;
    std::optional<storage::User> m_user;
};

} // namespace lotstation::station
