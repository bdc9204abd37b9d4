#pragma once
// A station linked to a server keeps no master data of its own making: the server stays the one source. A
// change made on the station's Records screen is sent to the server (POST /v1/master, with the station's
// token and the name of the person who made it), which checks it with the same rules and the same audit as its
// own command line, and it arrives back at every station through sync. While the server cannot be reached the
// change is refused (Unavailable) and nothing is written anywhere.
#include "lotstation/storage/master_data.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "lotstation/sync/error.hpp"

#include <filesystem>
#include <string>
#include <variant>

namespace lotstation::sync {

struct SupplierEdit {
    storage::Party party;
};
struct CustomerEdit {
    storage::Party party;
};

using MasterRecord =
    std::variant<storage::NewItem, SupplierEdit, CustomerEdit, storage::Location, storage::NewUser, storage::Recipe>;

struct MasterRecordEdit {
    MasterRecord record;
    std::string by; // the person at the station; the server checks their role in its own user list
};

// The server the station at `ledgerPath` is linked to (remembered by `lotstation sync --server` or the setup's
// Link), or empty when it works alone.
[[nodiscard]] std::string linkedServer(const std::filesystem::path& ledgerPath);

// Sends the change to the linked server, then syncs once so the station holds it. The server's own refusal
// (a role, a code taken, a bad value) comes back in its words as Refused or Invalid; no answer is Unavailable.
[[nodiscard]] Result<void> saveOnServer(const std::filesystem::path& ledgerPath, const MasterRecordEdit& edit);

// The server's side: applies one change sent by a station to the store's master data (as `by`).
// Returns what was saved, in words ("Shea butter").
[[nodiscard]] storage::Result<std::string> applyMasterEdit(storage::Ledger& ledger, const std::string& body);

} // namespace lotstation::sync
