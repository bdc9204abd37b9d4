#pragma once
// What a Ledger is inside storage/: the connection, the clock and who this station is. The operation files
// (receive.cpp, runs.cpp, ...) work on a LedgerCore; the query layer reaches it through LedgerAccess.
//
// Conventions the query layer relies on (schema.cpp has the tables):
// - movements.quantity is a magnitude >= 0; from_location_id loses it, to_location_id gains it; NULL is
// outside
//   the station (supplier, customer, a run's bowl, the bin). Balances hold only non-zero rows.
// - Genealogy: consume movements carry run_code (input lots), the produce movement of the same run_code
//   creates the output lot (lots.run_code too). A reversal (kind 'reversal', reverses = original id) copies
//   the original's run_code, party and reference: net quantities are the originals minus their reversals.
// - Shipments: kind 'ship', party = customer code, reference = order. Receipts: kind 'receive', party =
//   supplier code. Hold / release: quantity 0, lot_status = the status after.
// - movements.pos is the local arrival order; (station_id, seq) the per-station order.
// - Unit costs are micro-units per g / ml / pc (see money.hpp); divideHalfEven in wide_math.hpp is the
// rounding.
#include "lotstation/storage/ledger.hpp"
#include "sqlite/database.hpp"

namespace lotstation::storage {

struct LedgerCore {
    sql::Database db;
    Clock clock;
    StationIdentity identity;
    PinLockout pinLockout{};
};

struct Ledger::Impl {
    LedgerCore core;
};

// The storage/-internal door into a Ledger (for src/queries/ and the other operation files).
class LedgerAccess {
  public:
    static LedgerCore& core(const Ledger& ledger) { return ledger.m_impl->core; }
};

} // namespace lotstation::storage

namespace lotstation::storage {

// Runs `body` (returning Result<T>) and turns a database failure into an Error value: this is the module
// border for sql::Exception. An open transaction inside `body` has rolled back by then. A full disk is said
// in words a person acts on (SQLite would say "disk I/O error").
template <typename Body> auto guarded(Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const sql::Exception& e) {
        if (e.isDiskFull()) return fail(ErrorKind::Io, "disk full: nothing was recorded");
        if (e.isReadOnly()) return fail(ErrorKind::Io, "the ledger file is read-only: nothing was recorded");
        return fail(ErrorKind::Io, std::string("database error: ") + e.what());
    }
}

// One ledger operation, checks and writes together, in one write transaction (BEGIN IMMEDIATE; a savepoint
// inside atomically()): what `body` checks (stock on hand, a code not yet taken, a run still open) is what
// its writes apply to, even when the background sync or another process writes the same file. A second writer
// waits for the first (the busy timeout) and then sees its result. Commits when `body` returns a value, else
// rolls back; database failures become Error values as in guarded().
template <typename Body> auto inWriteTransaction(LedgerCore& core, Body&& body) -> decltype(body()) {
    return guarded([&]() -> decltype(body()) {
        sql::Transaction transaction(core.db);
        auto result = body();
        if (result) transaction.commit();
        return result;
    });
}

} // namespace lotstation::storage
