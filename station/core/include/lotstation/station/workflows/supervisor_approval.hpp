#pragma once
// A supervisor approving a rule broken on purpose (an expired, held or not-first-to-expire lot, an item the
// recipe does not list): they pick their name or scan their badge, type their PIN on the pad and choose a
// reason. Checked against the ledger's users (PIN hash and role) before anything is written; the ledger
// records the reason and the supervisor on the movement.
#include "lotstation/station/quantity_entry.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/core/error.hpp"

#include <optional>
#include <span>
#include <string>

namespace lotstation::station {

struct ReasonOption {
    const char* id;   // stable, for pickers and scripts: "older-first"
    const char* text; // recorded on the movement: "Older lot used up first"
};

// The short list a supervisor picks an override reason from.
[[nodiscard]] std::span<const ReasonOption> overrideReasons();
[[nodiscard]] std::optional<std::string> reasonText(std::span<const ReasonOption> options,
                                                    const std::string& id);

struct ApprovalDraft {
    std::optional<std::string> supervisor; // a user's name
    std::string pin;                       // typed digits; views show dots
    std::optional<std::string> reason;     // the reason's text
    std::optional<std::string> problem;    // why the last try was refused
};

inline constexpr std::size_t kMaxPinLength = 12;

// A key of the PIN pad: digits, backspace, clear. False when the key does nothing (a dot, a full PIN).
bool pressPinKey(ApprovalDraft& draft, KeypadKey key);

// The supervisor named by a badge, or why not.
[[nodiscard]] Result<std::string> supervisorOfBadge(const storage::Ledger& ledger, const std::string& badge);

// Checks everything: a supervisor or admin chosen, their PIN right, a reason given. The PIN is cleared by
// the caller after every try.
[[nodiscard]] Result<storage::Override> approve(storage::Ledger& ledger, const ApprovalDraft& draft);

} // namespace lotstation::station
