#pragma once
// The SQLite wrapper lives in storage's internal headers (storage/internal/): sync uses it too, for its own
// tables in the ledger's file and on the ledger's own connection.
#include "lotstation/storage/internal/sqlite.hpp"
