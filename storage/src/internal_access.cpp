// The storage-internal door for sync (lotstation/storage/internal/ledger_connection.hpp).
#include "crypto.hpp"
#include "ledger_core.hpp"
#include "lotstation/storage/internal/ledger_connection.hpp"

namespace lotstation::storage::internal {

sql::Database& connection(Ledger& ledger) {
    return LedgerAccess::core(ledger).db;
}

const sql::Database& connection(const Ledger& ledger) {
    return LedgerAccess::core(ledger).db;
}

std::string sha256Hex(std::string_view data) {
    return storage::sha256Hex(data);
}

} // namespace lotstation::storage::internal
