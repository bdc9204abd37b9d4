#pragma once
// Who may do what (DESIGN §1). Operators record the floor's work and may stop a lot (hold, quarantine, mark
// expired); supervisors also release lots, recall them, reverse movements and approve overrides of a refusal
// (expired or held lot, FEFO, not in the recipe); admins also manage users. The ledger enforces this itself
// on every call that acts for a person: the UI hides what a role may not do, but a hidden button is not a
// lock.
#include "lotstation/storage/model.hpp"

#include <string>

namespace lotstation::storage {

enum class Action {
    Hold,            // hold / quarantine / mark expired
    Recall,          // set a lot's status to recalled, or change a recalled lot's status
    Release,         // a held lot back to available
    Reverse,         // undo a movement with a reversal
    ApproveOverride, // allow what a rule refused
    ManageUsers,     // add users, change their role or badge, reset a PIN
    ManageMasterData, // add or change items, recipes, suppliers, customers, locations
    QcDisposition,   // release, reject or partially accept a lot after QC: the qa role only
    SeeCosts,        // margins, stock value and value at risk: what the business earns is not the floor's
};

// The least role that may take the action (roles are ordered operator < supervisor < admin; qa ranks as an
// operator there). QcDisposition needs qa itself: quality is independent of production.
[[nodiscard]] UserRole requiredRole(Action action);
[[nodiscard]] bool allowed(UserRole role, Action action);

// What the action is, for messages: "releasing a hold", "adding a user".
[[nodiscard]] std::string describe(Action action);

// "ana is an operator: releasing a hold needs a supervisor".
[[nodiscard]] std::string refusalMessage(const User& user, Action action);

} // namespace lotstation::storage
