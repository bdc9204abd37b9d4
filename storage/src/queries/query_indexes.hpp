#pragma once
// Migration 2, owned by the query layer: partial covering indexes for the genealogy walks (recursive CTEs in
// trace.cpp), shipment lookups and the expiry list. Consumptions are ~20 % of movements and shipments fewer,
// so these cost little on write and keep a trace from reading whole movement rows (with their hashes) per
// hop: on a 1M-movement ledger a forward trace reads index pages only.
// `kind` is a column of the consume indexes (not only their WHERE) so that SQLite can answer from the index.
#include <string_view>

namespace lotstation::storage {

inline constexpr std::string_view kMigration2QueryIndexes = R"sql(
CREATE INDEX movements_consumed_by_lot ON movements(lot_id, kind, run_code, quantity, id) WHERE kind = 'consume';
CREATE INDEX movements_consumed_in_run ON movements(run_code, kind, lot_id, quantity, id) WHERE kind = 'consume';
CREATE INDEX movements_shipped ON movements(lot_id, kind) WHERE kind = 'ship';
CREATE INDEX lots_expiry ON lots(expiry) WHERE expiry IS NOT NULL;
)sql";

} // namespace lotstation::storage
