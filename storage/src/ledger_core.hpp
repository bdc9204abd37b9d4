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
