#pragma once
// storage-internal: the door sync uses to keep its own tables (cursor, acked marks, conflicts) in the same
// SQLite file as a ledger and to write them in the ledger's own transactions, so that a movement and the
// sync bookkeeping about it commit together (Ledger::atomically with sql:: statements inside).
#include "lotstation/storage/internal/sqlite.hpp"
#include "lotstation/storage/ledger.hpp"

#include <string>
#include <string_view>

namespace lotstation::storage::internal {

// The ledger's connection. Statements prepared on it must not outlive the ledger.
[[nodiscard]] sql::Database& connection(Ledger& ledger);
[[nodiscard]] const sql::Database& connection(const Ledger& ledger);

// SHA-256 of `data`, lower-case hex (the function movement hashes use).
[[nodiscard]] std::string sha256Hex(std::string_view data);

} // namespace lotstation::storage::internal
