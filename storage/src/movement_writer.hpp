#pragma once
// The one way a movement enters the ledger. Callers hold an open sql::Transaction; the movement row, the
// balance updates, the lot's status, the chain head and (for this station's movements) the outbox row are
// written inside it, so they commit or vanish together.
#include "ledger_core.hpp"

namespace lotstation::storage {

// A movement of this station: `draft` carries the business fields (kind, lot, quantity, from, to, run, party,
// reference, reason, unit cost, reverses, lot status, override); this fills in id, station, seq, time,
// prevHash and hash, then writes. Returns the movement as stored.
[[nodiscard]] Movement appendLocalMovement(LedgerCore& core, Movement draft);

// Writes a complete, already hashed movement (this station's or another's) and applies its effects:
// balances of `from` and `to`, the lot's status, the chain head of its station.
void insertAndApply(LedgerCore& core, const Movement& movement);

// The movements table's row, written by one rule for local and remote movements: `rows` rows per INSERT
// (several rows in one statement open the table's cursors and its triggers' frames once for all of them),
// bound from ?(1 + row * kMovementColumns).
inline constexpr int kMovementColumns = 23;
[[nodiscard]] std::string movementInsertSql(std::size_t rows);
struct MovementRow {
    const Movement* movement = nullptr;
    std::int64_t lotId = 0;
    std::optional<std::int64_t> fromId;
    std::optional<std::int64_t> toId;
};
void bindMovementRow(sql::Statement& statement, std::size_t row, const MovementRow& values);

// The lot's status after a balance change: depleted when nothing is left, available again when stock
// returns to a depleted lot; other statuses (hold, recalled, ...) are only changed by hold / release.
void refreshDepletion(LedgerCore& core, std::int64_t lotId);

} // namespace lotstation::storage
