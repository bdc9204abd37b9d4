#include "lotstation/station/workflows/login_flow.hpp"
#include "lotstation/station/overloaded.hpp"

#include "lotstation/storage/master_edits.hpp"

#include <utility>

namespace lotstation::station {

namespace {

std::string secondsLeft(Clock::duration left) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
    return std::to_string(seconds) + " s";
}

} // namespace

FlowOutcome LoginFlow::apply(const LoginIntent& intent, const FlowContext& context) {
    const TimePoint now = context.now;
    return std::visit(Overloaded{
                          [&](const login::BadgeScanned& i) { return badge(i.code, now); },
                          [&](const login::ChooseUser& i) {
                              const auto user = m_ledger.user(i.name);
                              m_state.step = user && !user->hasPin ? LoginStep::ChoosePin : LoginStep::EnterPin;
                              m_state.who = i.name;
                              m_state.pin.clear();
                              m_state.problem.reset();
                              return FlowOutcome::quiet();
                          },
                          [&](const login::PinKey& i) {
                              if (m_state.step == LoginStep::ScanOrPick) return FlowOutcome::quiet();
                              m_state.problem.reset();
                              if (i.key == KeypadKey::Clear)
                                  m_state.pin.clear();
                              else if (i.key == KeypadKey::Backspace) {
                                  if (!m_state.pin.empty()) m_state.pin.pop_back();
                              } else if (i.key != KeypadKey::Dot &&
                                         m_state.pin.size() < m_policy.maxPinLength) {
                                  m_state.pin += keypadKeyId(i.key);
                              }
                              return FlowOutcome::quiet();
                          },
                          [&](const login::SubmitPin&) { return submit(now); },
                          [&](const login::Cancel&) {
                              const int failed = m_state.failedAttempts;
                              const auto locked = m_state.lockedUntil;
                              m_state = LoginState{};
                              m_state.failedAttempts = failed; // cancelling must not reset the lockout count
                              m_state.lockedUntil = locked;
                              return FlowOutcome::quiet();
                          },
                      },
                      intent);
}

FlowOutcome LoginFlow::badge(const std::string& code, TimePoint now) {
    auto user = m_ledger.userByBadge(code);
    if (!user) {
        m_state.problem = "This badge is not registered";
        return FlowOutcome::refused(*m_state.problem);
    }
    if (m_policy.badgeNeedsPin && user->hasPin) {
        m_state.step = LoginStep::EnterPin;
        m_state.who = code;
        m_state.pin.clear();
        m_state.problem.reset();
        return FlowOutcome::accepted("Badge read: now your PIN");
    }
    (void)now;
    return loggedIn(std::move(*user));
}

FlowOutcome LoginFlow::choosePin() {
    const std::string typed = std::exchange(m_state.pin, {});
    if (m_state.step == LoginStep::ChoosePin) {
        if (auto valid = storage::checkPin(typed); !valid) {
            m_state.problem = valid.error().message;
            return FlowOutcome::refused(*m_state.problem);
        }
        m_state.chosenPin = typed;
        m_state.step = LoginStep::RepeatPin;
        m_state.problem.reset();
        return FlowOutcome::quiet();
    }
    const std::string first = std::exchange(m_state.chosenPin, {});
    if (typed != first) {
        m_state.step = LoginStep::ChoosePin;
        m_state.problem = "The two PINs differ: choose it again";
        return FlowOutcome::refused(*m_state.problem);
    }
    auto user = storage::setOwnPin(m_ledger, *m_state.who, typed);
    if (!user) {
        m_state.step = LoginStep::ChoosePin;
        m_state.problem = user.error().message;
        return FlowOutcome::refused(*m_state.problem);
    }
    return loggedIn(std::move(*user));
}

FlowOutcome LoginFlow::submit(TimePoint now) {
    if (m_state.step == LoginStep::ChoosePin || m_state.step == LoginStep::RepeatPin) return choosePin();
    if (m_state.step != LoginStep::EnterPin || !m_state.who) return FlowOutcome::quiet();
    if (m_state.lockedUntil && now < *m_state.lockedUntil) {
        m_state.pin.clear();
        m_state.problem = "Too many wrong PINs: try again in " + secondsLeft(*m_state.lockedUntil - now);
        return FlowOutcome::refused(*m_state.problem);
    }
    if (m_state.pin.empty()) {
        m_state.problem = "Type your PIN first";
        return FlowOutcome::refused(*m_state.problem);
    }
    auto user = m_ledger.recordPinAttempt(*m_state.who, m_state.pin);
    m_state.pin.clear(); // never kept longer than one try
    if (!user) {
        ++m_state.failedAttempts;
        if (m_state.failedAttempts >= m_policy.maxAttempts) {
            m_state.lockedUntil = now + m_policy.lockout;
            m_state.failedAttempts = 0;
            m_state.problem = "Too many wrong PINs: try again in " + secondsLeft(m_policy.lockout);
        } else {
            m_state.problem = user.error().message;
        }
        return FlowOutcome::refused(*m_state.problem);
    }
    return loggedIn(std::move(*user));
}

FlowOutcome LoginFlow::loggedIn(storage::User user) {
    std::string message = "Hello, " + user.name;
    m_user = std::move(user);
    m_state = LoginState{};
    return FlowOutcome::accepted(std::move(message));
}

} // namespace lotstation::station
