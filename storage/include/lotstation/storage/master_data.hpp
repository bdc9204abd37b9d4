#pragma once
// Master data as a whole: changing records in place, and moving all of it from one ledger to another (the
// central server's to a station's) in one transaction.
//
// Every master record (item, location, supplier, customer, user, recipe) carries a revision: a number
// stamped whenever the record is added or changed in this ledger — the larger of (the last revision
// stamped + 1) and the current time in milliseconds, so revisions only grow, even across a restore from an
// older backup. A record copied from another ledger keeps that ledger's revision. applyMasterData takes a
// record only when its revision is newer than the one here: stale data never overwrites newer. Records a
// station made up itself as placeholders (a location named only by another station's movement) have
// revision -1: any real record replaces them.
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/sales_orders.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {

template <typename T> struct Revised {
    T value{};
    std::int64_t revision = 0;
};

// A user as master data: with the PIN's Argon2id hash when one is set (a hash, never the PIN).
struct MasterUser {
    User user{};
    std::optional<std::string> pinHash{};
};

struct MasterData {
    std::vector<Revised<Location>> locations{};
    std::vector<Revised<Party>> suppliers{};
    std::vector<Revised<Party>> customers{};
    std::vector<Revised<Item>> items{};
    std::vector<Revised<MasterUser>> users{};
    std::vector<Revised<Recipe>> recipes{};
    std::vector<Revised<SalesOrder>> orders{}; // sales_orders.hpp
};

struct MasterApplySummary {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0; // same or older revision than here
};

// Every master record of `ledger` with its revision.
[[nodiscard]] Result<MasterData> readMasterData(const Ledger& ledger);

// Adds what is missing and updates what is older here, all in one transaction: any bad record (an unknown
// location or component, a GTIN or badge another record here already has, a unit change of an item with
// lots) and nothing at all changes; the error names the record. Locations, suppliers, customers, items,
// users, recipes, orders are applied in that order, so a record may name another of the same batch. A user whose
// record carries no PIN hash keeps the PIN set here.
[[nodiscard]] Result<MasterApplySummary> applyMasterData(Ledger& ledger, const MasterData& data);

// --- changing records in place (each stamps a new revision) ----------------------------------------------
// The record named by sku / code / name must exist. An item's unit cannot change once it has lots (their
// quantities are in that unit).
[[nodiscard]] Result<Item> updateItem(Ledger& ledger, const NewItem& item);
[[nodiscard]] NewItem asNewItem(const Item& item); // an item as the request that would make it
[[nodiscard]] Result<Location> updateLocation(Ledger& ledger, const Location& location);
[[nodiscard]] Result<Party> updateSupplier(Ledger& ledger, const Party& supplier);
[[nodiscard]] Result<Party> updateCustomer(Ledger& ledger, const Party& customer);
// Role and badge as given (no badge: the badge is removed); the PIN changes only when one is given. For the
// central administration (the sync server's console and its imports), like Ledger::addUserFromCentral: no
// admin of this ledger is asked.
[[nodiscard]] Result<User> updateUser(Ledger& ledger, const NewUser& user);

} // namespace lotstation::storage
