#pragma once
// Master data changed by a person at a station (the set-up screens): each change checks the person's role,
// writes the record (adding it or changing it in place, which stamps its revision: master_data.hpp) and
// appends an audit record of who, when, which record, its new revision and what changed ("name: Lye →
// Sodium hydroxide"), all in one transaction. Audit records are append-only (the database refuses UPDATE and
// DELETE). Supervisors and admins change items, recipes, suppliers, customers and locations; only admins
// change users and reset PINs.
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

enum class MasterKind { Item, Supplier, Customer, Location, User, Recipe };

[[nodiscard]] std::string toString(MasterKind kind); // "item", "supplier", ...

struct MasterChange {
    std::int64_t id = 0;
    Timestamp at{};
    std::string user;    // who changed it
    MasterKind kind = MasterKind::Item;
    std::string record;  // the SKU, code or user name
    std::string change;  // "added", "changed", "PIN reset", "PIN set"
    std::string details; // "name: Lye → Sodium hydroxide; shelf life: — → 365 days"
    std::int64_t revision = 0;
};

// Add or change, by `by`. An unchanged record writes nothing and records nothing.
[[nodiscard]] Result<Item> saveItem(Ledger& ledger, const NewItem& item, std::string_view by);
[[nodiscard]] Result<Party> saveSupplier(Ledger& ledger, const Party& supplier, std::string_view by);
[[nodiscard]] Result<Party> saveCustomer(Ledger& ledger, const Party& customer, std::string_view by);
[[nodiscard]] Result<Location> saveLocation(Ledger& ledger, const Location& location, std::string_view by);
[[nodiscard]] Result<Recipe> saveRecipe(Ledger& ledger, const Recipe& recipe, std::string_view by);
// Role and badge; a new user gets no PIN (they choose it at their first log-in, setOwnPin) unless one is
// given. An admin cannot take away the last admin's role.
[[nodiscard]] Result<User> saveUser(Ledger& ledger, const NewUser& user, std::string_view by);
// The user's PIN is removed (an admin's act): they choose a new one at their next log-in.
[[nodiscard]] Result<User> resetPin(Ledger& ledger, std::string_view name, std::string_view by);
// A user without a PIN chooses one (4 to 12 digits); refused when one is set (only an admin resets it).
[[nodiscard]] Result<User> setOwnPin(Ledger& ledger, std::string_view name, std::string_view pin);

// The audit records, newest first; of one record when `record` is given.
[[nodiscard]] Result<std::vector<MasterChange>> masterChanges(const Ledger& ledger, std::optional<MasterKind> kind = {},
                                                              std::optional<std::string> record = {});

// --- the first run of a station -----------------------------------------------------------------------------
struct BusinessSetup {
    std::string business;  // "Rose & Co Soaps"
    std::string currency;  // ISO 4217, "EUR"
    std::string station;   // "Dock tablet"
    std::string shortCode; // 1-4 letters or digits, put into lot codes
    std::string admin;     // the first admin's name
    std::string pin;       // the first admin's PIN, 4 to 12 digits
};

// Names the business and the station, makes the first admin and sets the currency, in one transaction.
// Only on a ledger with no users and no movements yet (the short code is in every lot code).
[[nodiscard]] Result<User> setUpBusiness(Ledger& ledger, const BusinessSetup& setup);
// Names a station that takes everything else (people, items, the business) from a central server: only on a
// ledger with no users and no movements yet, before its first sync.
[[nodiscard]] Result<void> nameLinkedStation(Ledger& ledger, std::string_view station, std::string_view shortCode);
// The business name set up here; empty when none was.
[[nodiscard]] Result<std::string> businessName(const Ledger& ledger);
// A PIN is 4 to 12 digits: the one rule for setup, first log-in and the command line's checks.
[[nodiscard]] Result<void> checkPin(std::string_view pin);

} // namespace lotstation::storage
