#pragma once
// Migration: the lot-code patterns set on this ledger, append-only (the last row is in force).
#include <string_view>

namespace lotstation::storage {

constexpr std::string_view kMigrationLotCodePattern = R"sql(
CREATE TABLE lot_code_patterns (
    id      INTEGER PRIMARY KEY,
    pattern TEXT NOT NULL CHECK (length(pattern) > 0),
    set_at  TEXT NOT NULL,
    set_by  TEXT NOT NULL
);
CREATE TRIGGER lot_code_patterns_no_update BEFORE UPDATE ON lot_code_patterns
BEGIN SELECT RAISE(ABORT, 'lot_code_patterns is append-only: UPDATE refused'); END;
CREATE TRIGGER lot_code_patterns_no_delete BEFORE DELETE ON lot_code_patterns
BEGIN SELECT RAISE(ABORT, 'lot_code_patterns is append-only: DELETE refused'); END;
)sql";

} // namespace lotstation::storage
