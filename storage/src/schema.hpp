#pragma once
// The ledger's schema as numbered SQL migrations; PRAGMA user_version holds how many have run.
#include <span>
#include <string_view>

namespace lotstation::storage {

namespace sql {
class Database;
}

// Migration N (1-based) is element N-1. Never edit a released migration: add the next one.
[[nodiscard]] std::span<const std::string_view> migrations();

// Runs the migrations the database has not had yet, each in its own transaction. Throws sql::Exception when a
// migration fails or the file is newer than this program (user_version above the last migration).
void migrate(sql::Database& db);

} // namespace lotstation::storage
