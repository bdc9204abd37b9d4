#pragma once
// What a Ledger is inside storage/: the connection, the clock and who this station is. The operation files
// (receive.cpp, runs.cpp, ...) work on a LedgerCore; the query layer reaches it through LedgerAccess.
#include "lotstation/storage/ledger.hpp"
#include "sqlite/database.hpp"

namespace lotstation::storage {

struct LedgerCore {
    sql::Database db;
    Clock clock;
    StationIdentity identity;
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
// border for sql::Exception. An open transaction inside `body` has rolled back by then.
template <typename Body> auto guarded(Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Storage, std::string("database error: ") + e.what());
    }
}

} // namespace lotstation::storage
