// Roles and the actions they allow; the check every guarded ledger operation runs first.
#include "lotstation/storage/access.hpp"

#include "permissions.hpp"
#include "rows.hpp"

namespace lotstation::storage {
namespace {

int rank(UserRole role) {
    switch (role) {
    case UserRole::Operator:
    case UserRole::Qa:
        return 0;
    case UserRole::Supervisor:
        return 1;
    case UserRole::Admin:
        return 2;
    }
    return 0;
}

const char* withArticle(UserRole role) {
    return role == UserRole::Qa           ? "qa"
           : role == UserRole::Admin      ? "an admin"
           : role == UserRole::Supervisor ? "a supervisor"
                                          : "an operator";
}

} // namespace

UserRole requiredRole(Action action) {
    switch (action) {
    case Action::Hold:
        return UserRole::Operator;
    case Action::Recall:
    case Action::Release:
    case Action::Reverse:
    case Action::ApproveOverride:
    case Action::ManageMasterData:
    case Action::SeeCosts:
        return UserRole::Supervisor;
    case Action::ManageUsers:
        return UserRole::Admin;
    case Action::QcDisposition:
        return UserRole::Qa;
    }
    return UserRole::Admin;
}

bool allowed(UserRole role, Action action) {
    if (action == Action::QcDisposition) return role == UserRole::Qa;
    return rank(role) >= rank(requiredRole(action));
}

std::string describe(Action action) {
    switch (action) {
    case Action::Hold:
        return "putting a lot on hold";
    case Action::Recall:
        return "recalling a lot";
    case Action::Release:
        return "releasing a hold";
    case Action::Reverse:
        return "reversing a movement";
    case Action::ApproveOverride:
        return "approving an override";
    case Action::ManageUsers:
        return "adding a user";
    case Action::ManageMasterData:
        return "changing master data";
    case Action::QcDisposition:
        return "a QC release or rejection";
    case Action::SeeCosts:
        return "seeing costs and margins";
    }
    return "this";
}

std::string refusalMessage(const User& user, Action action) {
    if (action == Action::QcDisposition)
        return user.name + " is " + withArticle(user.role) + ": " + describe(action) +
               " needs the qa role (quality is independent of production)";
    return user.name + " is " + withArticle(user.role) + ": " + describe(action) + " needs " +
           withArticle(requiredRole(action));
}

Result<User> requireAllowed(LedgerCore& core, std::string_view userName, Action action) {
    auto user = requireUser(core, userName);
    if (!user) return user;
    if (!allowed(user->role, action)) return fail(ErrorKind::Refused, refusalMessage(*user, action));
    return user;
}

} // namespace lotstation::storage
