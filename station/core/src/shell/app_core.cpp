#include "lotstation/station/app_core.hpp"
#include "lotstation/station/overloaded.hpp"

#include <algorithm>

namespace lotstation::station {

namespace {

std::optional<KeypadKey> keypadKeyFor(char c) {
    if (c >= '0' && c <= '9') return static_cast<KeypadKey>(c - '0');
    if (c == '.' || c == ',') return KeypadKey::Dot; // a comma is how half of Europe types the decimal point
    return std::nullopt;
}

// The keypad unit a scale's unit is typed in; none for units the keypad has no button for (lb, oz, mg).
std::optional<QuantityUnit> keypadUnitOf(const std::string& unit) {
    if (unit == "kg") return QuantityUnit::Kilogram;
    if (unit == "g") return QuantityUnit::Gram;
    return std::nullopt;
}

} // namespace

AppCore::AppCore(AppConfig config, TimePoint now)
    : m_config(std::move(config)), m_idle(m_config.idleLogout), m_wedge(m_config.wedgeMaxGap) {
    m_state.stationName = m_config.stationName;
    m_state.now = now;
    m_idle.touch(now);
}

void AppCore::setScale(std::optional<ScaleReadout> readout) {
    m_state.scale = std::move(readout);
    followScale();
}

void AppCore::followScale() {
    if (!m_state.keypad || !m_state.keypad->followsScale) return;
    auto& entry = m_state.keypad->entry;
    if (!m_state.scale || !m_state.scale->latest || m_state.scale->latest->condition != scale::Condition::Weight) {
        entry.setText("");
        return;
    }
    const auto& weight = m_state.scale->latest->weight;
    if (auto unit = keypadUnitOf(weight.unit)) entry.setUnit(*unit);
    entry.setText(weight.value);
}

void AppCore::logIn(std::string userName, TimePoint now) {
    m_state.userName = std::move(userName);
    m_idle.touch(now);
}

Effects AppCore::flash(FeedbackKind kind, std::string headline, std::string detail, TimePoint now) {
    m_state.feedback =
        Feedback{kind, std::move(headline), std::move(detail), now, now + m_config.feedbackFor};
    Effects effects;
    effects.tone = kind;
    return effects;
}

Effects AppCore::withLeft(Effects effects) {
    effects.left = std::exchange(m_left, {});
    return effects;
}

void AppCore::leaveAll() {
    m_state.keypad.reset();
    m_state.keyboard.reset();
    m_state.picker.reset();
    m_state.confirm.reset();
    while (m_state.navigation.size() > 1)
        leaveScreen();
}

Effects AppCore::apply(const Intent& intent, TimePoint now) {
    m_state.now = now;
    m_idle.touch(now);
    return withLeft(std::visit(
        Overloaded{
            [&](const intent::Navigate& i) {
                if (m_state.modalOpen()) return Effects{};
                if (i.to == Screen::Home) {
                    leaveAll();
                } else if (m_state.screen() != i.to) {
                    m_state.navigation.push_back(i.to);
                }
                return Effects{};
            },
            [&](const intent::Back&) { return back(now); },
            [&](const intent::GoHome&) {
                leaveAll();
                return Effects{};
            },
            [&](const intent::OpenKeypad& i) {
                QuantityEntry entry(i.unit);
                m_state.keypad = KeypadSession{i.label, entry, i.units, std::nullopt, i.reply};
                // A weight is read from the scale when there is one; the keys stay for typing it instead.
                m_state.keypad->followsScale = i.weighable && m_state.scale && baseUnitOf(i.unit) == storage::Uom::Gram;
                followScale();
                return Effects{};
            },
            [&](const intent::KeypadPress& i) {
                if (!m_state.keypad) return Effects{};
                m_state.keypad->problem.reset();
                if (std::exchange(m_state.keypad->followsScale, false)) m_state.keypad->entry.setText("");
                Effects effects;
                if (!m_state.keypad->entry.press(i.key)) effects.tone = FeedbackKind::Refused;
                return effects;
            },
            [&](const intent::KeypadUnit& i) {
                if (!m_state.keypad) return Effects{};
                m_state.keypad->problem.reset();
                if (std::exchange(m_state.keypad->followsScale, false)) m_state.keypad->entry.setText("");
                m_state.keypad->entry.setUnit(i.unit);
                return Effects{};
            },
            [&](const intent::KeypadOk&) { return keypadOk(now); },
            [&](const intent::KeypadFollowScale&) {
                if (!m_state.keypad || !m_state.scale) return Effects{};
                if (baseUnitOf(m_state.keypad->entry.unit()) != storage::Uom::Gram) return Effects{};
                m_state.keypad->problem.reset();
                m_state.keypad->followsScale = true;
                followScale();
                return Effects{};
            },
            [&](const intent::ScaleTare&) {
                Effects effects;
                if (m_state.scale) effects.scaleCommand = ScaleCommand::Tare;
                return effects;
            },
            [&](const intent::ScaleZero&) {
                Effects effects;
                if (m_state.scale) effects.scaleCommand = ScaleCommand::Zero;
                return effects;
            },
            [&](const intent::KeypadCancel&) {
                m_state.keypad.reset();
                return Effects{};
            },
            [&](const intent::OpenKeyboard& i) {
                m_state.keyboard = KeyboardSession{i.label,  TextEntry(i.text, i.maxCharacters), i.hint, i.secret,
                                                   std::nullopt, i.reply};
                return Effects{};
            },
            [&](const intent::KeyboardPress& i) {
                if (!m_state.keyboard) return Effects{};
                m_state.keyboard->problem.reset();
                Effects effects;
                if (!m_state.keyboard->entry.press(i.key)) effects.tone = FeedbackKind::Refused;
                return effects;
            },
            [&](const intent::KeyboardDone&) { return keyboardDone(now); },
            [&](const intent::KeyboardCancel&) {
                m_state.keyboard.reset();
                return Effects{};
            },
            [&](const intent::OpenPicker& i) {
                m_state.picker = PickerSession{i.title, i.options, i.reply, i.typeOwn};
                return Effects{};
            },
            [&](const intent::PickerTypeOwn&) { return pickerTypeOwn(); },
            [&](const intent::Pick& i) {
                if (!m_state.picker) return Effects{};
                const auto& options = m_state.picker->options;
                const auto chosen = std::find_if(options.begin(), options.end(),
                                                 [&](const PickerOption& o) { return o.id == i.optionId; });
                if (chosen == options.end()) return Effects{};
                Effects effects;
                if (m_state.picker->reply) effects.steps.push_back(m_state.picker->reply(*chosen));
                m_state.picker.reset();
                return effects;
            },
            [&](const intent::ClosePicker&) {
                m_state.picker.reset();
                return Effects{};
            },
            [&](const intent::AskConfirm& i) {
                m_state.confirm = i.request;
                return Effects{};
            },
            [&](const intent::Answer& i) {
                if (!m_state.confirm) return Effects{};
                const ConfirmRequest request = *std::exchange(m_state.confirm, std::nullopt);
                if (!i.yes) return Effects{};
                // Leaving a screen with unsaved entries is the shell's own confirm; others go to a flow.
                if (!request.onYes) {
                    leaveScreen();
                    return Effects{};
                }
                Effects effects;
                effects.steps.push_back(*request.onYes);
                return effects;
            },
            [&](const intent::Scanned& i) { return scanned(i.code, now); },
            [&](const intent::KeyPressed& i) { return key(i.key, now); },
            [&](const intent::TextTyped& i) { return text(i.text, now); },
            [&](const intent::LogOut&) {
                m_state.userName.reset();
                return Effects{};
            },
            [&](const intent::SyncNow&) { return Effects{}; }, // the host's sync client
            [&](const FlowStep&) { return Effects{}; },        // the workflows' business (see Station)
        },
        static_cast<const ShellIntent&>(intent)));
}

Effects AppCore::tick(TimePoint now) {
    m_state.now = now;
    if (m_state.feedback && now >= m_state.feedback->until) m_state.feedback.reset();
    if (m_state.userName && m_idle.expired(now)) {
        const std::string who = *m_state.userName;
        m_state.userName.reset();
        leaveAll();
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(m_idle.timeout()).count();
        return withLeft(flash(FeedbackKind::Unknown, "Logged out",
                              who + " was idle for " + std::to_string(minutes) + " min", now));
    }
    return withLeft(Effects{});
}

void AppCore::restartFeedback(TimePoint now) {
    if (!m_state.feedback) return;
    const auto length = m_state.feedback->until - m_state.feedback->shownAt;
    m_state.feedback->shownAt = now;
    m_state.feedback->until = now + length;
    m_state.now = now;
}

void AppCore::leaveScreen() {
    if (m_state.navigation.size() <= 1) return;
    const Screen leaving = m_state.screen();
    m_state.navigation.pop_back();
    // The same screen further down the stack (Look up → Move → Look up) is still open.
    if (std::find(m_state.navigation.begin(), m_state.navigation.end(), leaving) == m_state.navigation.end())
        m_left.push_back(leaving);
}

Effects AppCore::back(TimePoint) {
    // Back closes the topmost thing first, so one button always means "not this".
    if (m_state.confirm) {
        m_state.confirm.reset();
    } else if (m_state.keyboard) {
        m_state.keyboard.reset();
    } else if (m_state.keypad) {
        m_state.keypad.reset();
    } else if (m_state.picker) {
        m_state.picker.reset();
    } else if (m_state.navigation.size() > 1) {
        const Screen screen = m_state.screen();
        if (m_unsaved && m_unsaved(screen)) {
            m_state.confirm =
                ConfirmRequest{"Leave " + std::string(screenTitle(screen)) + "?",
                               "What you entered here is discarded. Nothing was saved.", "Leave", "Stay", std::nullopt};
        } else {
            leaveScreen();
        }
    }
    return Effects{};
}

Effects AppCore::keypadOk(TimePoint now) {
    if (!m_state.keypad) return Effects{};
    auto& keypad = *m_state.keypad;
    const bool weighed = keypad.followsScale && m_state.scale;
    const auto quantity = weighed ? m_state.scale->quantity() : keypad.entry.confirm();
    if (!quantity) {
        keypad.problem = quantity.error().message;
        return flash(FeedbackKind::Refused, weighed ? "Not weighed yet" : "Not a quantity", quantity.error().message,
                     now);
    }
    const std::string shown = weighed ? m_state.scale->shown() + " from the scale" : keypad.entry.display();
    const std::string label = keypad.label;
    const QuantityReply reply = keypad.reply;
    m_state.keypad.reset();
    Effects effects = flash(FeedbackKind::Accepted, label + ": " + shown, {}, now);
    if (reply) effects.steps.push_back(reply(*quantity));
    return effects;
}

Effects AppCore::keyboardDone(TimePoint now) {
    if (!m_state.keyboard) return Effects{};
    auto& keyboard = *m_state.keyboard;
    auto text = keyboard.entry.confirm();
    if (!text) {
        keyboard.problem = text.error().message;
        return flash(FeedbackKind::Refused, keyboard.label, text.error().message, now);
    }
    const TextReply reply = keyboard.reply;
    m_state.keyboard.reset();
    Effects effects;
    if (reply) effects.steps.push_back(reply(*text));
    return effects;
}

Effects AppCore::pickerTypeOwn() {
    if (!m_state.picker || !m_state.picker->typeOwn) return Effects{};
    const ChoiceReply reply = m_state.picker->reply;
    m_state.keyboard = KeyboardSession{*m_state.picker->typeOwn, TextEntry(), "", false, std::nullopt,
                                       [reply](const std::string& text) {
                                           return reply(PickerOption{text, text, ""});
                                       }};
    m_state.picker.reset();
    return Effects{};
}

Effects AppCore::scanned(const scan::ScannedCode& code, TimePoint now) {
    m_state.lastScan = LastScan{code.text, code.origin, now};
    if (m_state.keyboard) { // a field being typed takes what the camera read, as it is
        m_state.keyboard->entry.replace(code.text);
        m_state.keyboard->problem.reset();
        return Effects{};
    }
    // Whether the scan means anything is for the workflow of the screen to say (see Station).
    Effects effects;
    effects.scan = code;
    return effects;
}

Effects AppCore::key(Key pressed, TimePoint now) {
    if (m_state.keyboard) {
        switch (pressed) {
        case Key::Enter:
            return keyboardDone(now);
        case Key::Backspace:
            return apply(intent::KeyboardPress{"back"}, now);
        case Key::Escape:
            m_state.keyboard.reset();
            return Effects{};
        case Key::Tab:
            return Effects{};
        }
    }
    if (m_state.keypad) {
        switch (pressed) {
        case Key::Enter:
            return keypadOk(now);
        case Key::Backspace:
            return apply(intent::KeypadPress{KeypadKey::Backspace}, now);
        case Key::Escape:
            m_state.keypad.reset();
            return Effects{};
        case Key::Tab:
            return Effects{};
        }
    }
    switch (pressed) {
    case Key::Enter: {
        auto payload = m_wedge.enter(now);
        m_state.pendingWedge.clear();
        if (!payload) return Effects{};
        scan::ScannedCode code;
        code.text = std::move(*payload);
        code.origin = scan::ScanOrigin::Wedge;
        return scanned(code, now);
    }
    case Key::Escape:
        return back(now);
    case Key::Backspace:
    case Key::Tab:
        return Effects{};
    }
    return Effects{};
}

Effects AppCore::text(const std::string& typed, TimePoint now) {
    if (m_state.keyboard) {
        // A hardware keyboard, or a keyboard-wedge scanner, types into the open field.
        m_state.keyboard->problem.reset();
        Effects effects;
        if (!m_state.keyboard->entry.type(typed)) effects.tone = FeedbackKind::Refused;
        return effects;
    }
    if (m_state.keypad) {
        // A PC station with a real keyboard types into the open keypad.
        Effects effects;
        for (char c : typed)
            if (auto k = keypadKeyFor(c)) effects = apply(intent::KeypadPress{*k}, now);
        return effects;
    }
    m_wedge.type(typed, now);
    m_state.pendingWedge = m_wedge.pending();
    return Effects{};
}

} // namespace lotstation::station
