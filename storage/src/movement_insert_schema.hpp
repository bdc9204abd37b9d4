#pragma once
// Cheaper checks on every movement insert, the same rules. SQLite evaluates `x IN (three or more constants)`
// in a CHECK or a trigger's WHEN by building a temporary b-tree of the constants, for every row: a pulled
// page of 5,000 movements built 10,000 of them (a tenth of the insert's time). A chain of `=` tests says
// the same without one:
// - movements.kind's CHECK (schema.cpp), edited in place as quality_schema.hpp edits CHECKs: the new text
//   allows exactly the same values, so no row needs checking again;
// - lot_cost_change_movement (cost/report_summary_schema.hpp) created again with the same body.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigrationMovementInsertChecks = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (kind IN (''receive'',''consume'',''produce'',''move'',''ship'',''adjust'',''count'',
                                                   ''scrap'',''hold'',''release'',''reversal''))',
                     'CHECK (kind = ''receive'' OR kind = ''consume'' OR kind = ''produce'' OR kind = ''move''
                                   OR kind = ''ship'' OR kind = ''adjust'' OR kind = ''count'' OR kind = ''scrap''
                                   OR kind = ''hold'' OR kind = ''release'' OR kind = ''reversal'')')
 WHERE type = 'table' AND name = 'movements';
PRAGMA writable_schema = OFF;

DROP TRIGGER lot_cost_change_movement;
CREATE TRIGGER lot_cost_change_movement AFTER INSERT ON movements
WHEN NEW.kind = 'consume' OR NEW.kind = 'produce' OR NEW.kind = 'reversal' OR NEW.run_code IS NOT NULL
BEGIN
    INSERT INTO lot_cost_changes (lot_id, run_code) VALUES (NEW.lot_id, NEW.run_code);
END;
)sql";

} // namespace lotstation::storage
