#include "lotstation/station/workflows/supervisor_approval.hpp"

#include "lotstation/storage/access.hpp"

#include <array>

namespace lotstation::station {
namespace {

constexpr std::array kOverrideReasons{
    ReasonOption{"older-first", "Older lot used up first"},
    ReasonOption{"quality-checked", "Quality checked: fit for use"},
    ReasonOption{"approved-substitute", "Approved substitute ingredient"},
    ReasonOption{"trial-batch", "Trial batch, not for sale"},
    ReasonOption{"supplier-confirmed", "Supplier confirmed it is fine"},
};

} // namespace

std::span<const ReasonOption> overrideReasons() {
    return kOverrideReasons;
}

std::optional<std::string> reasonText(std::span<const ReasonOption> options, const std::string& id) {
    for (const auto& option : options)
        if (id == option.id || id == option.text) return std::string(option.text);
    return std::nullopt;
}

bool pressPinKey(ApprovalDraft& draft, KeypadKey key) {
    draft.problem.reset();
    switch (key) {
    case KeypadKey::Backspace:
        if (draft.pin.empty()) return false;
        draft.pin.pop_back();
        return true;
    case KeypadKey::Clear:
        draft.pin.clear();
        return true;
    case KeypadKey::Dot:
        return false;
    default:
        break;
    }
    if (draft.pin.size() >= kMaxPinLength) return false;
    draft.pin += static_cast<char>('0' + static_cast<int>(key) - static_cast<int>(KeypadKey::D0));
    return true;
}

Result<std::string> supervisorOfBadge(const storage::Ledger& ledger, const std::string& badge) {
    auto user = ledger.userByBadge(badge);
    if (!user) return fail(ErrorKind::NotFound, "no user has badge " + badge);
    if (!storage::allowed(user->role, storage::Action::ApproveOverride))
        return fail(ErrorKind::Refused, storage::refusalMessage(*user, storage::Action::ApproveOverride));
    return user->name;
}

Result<storage::Override> approve(storage::Ledger& ledger, const ApprovalDraft& draft) {
    if (!draft.supervisor) return fail(ErrorKind::Invalid, "Pick the supervisor or scan their badge");
    auto user = ledger.user(*draft.supervisor);
    if (!user) return std::unexpected(user.error());
    // The role first: an operator's PIN is never even tried as an approval.
    if (!storage::allowed(user->role, storage::Action::ApproveOverride))
        return fail(ErrorKind::Refused, storage::refusalMessage(*user, storage::Action::ApproveOverride));
    if (draft.pin.empty()) return fail(ErrorKind::Invalid, "Type " + user->name + "'s PIN");
    if (auto verified = ledger.recordPinAttempt(user->name, draft.pin); !verified)
        return std::unexpected(verified.error());
    if (!draft.reason || draft.reason->empty()) return fail(ErrorKind::Invalid, "Pick a reason");
    return storage::Override{*draft.reason, user->name};
}

} // namespace lotstation::station
