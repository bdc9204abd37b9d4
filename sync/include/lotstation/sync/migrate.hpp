#pragma once
// Moving a central store from SQLite to PostgreSQL (lotstation-server migrate).
#include "lotstation/core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lotstation::sync {

struct MigrationReport {
    std::string epoch; // kept: stations see the same server
    std::int64_t stations = 0;
    std::int64_t movements = 0;
    std::int64_t lots = 0;
    std::int64_t conflicts = 0;
    std::string orderDigest; // SHA-256 over every movement's hash in the pull order, the same in both
    std::int64_t records = 0;  // quality records (specs ... RFID tags) in the record log
    std::string recordDigest;  // SHA-256 over every record as the protocol hands it out, in order, the same in both
};

// Copies the SQLite store in `from` into the empty PostgreSQL store `to` (created when new): stations with
// their token hashes, ids and acked marks, the epoch, every movement at its position in the pull order,
// lots, master data with revisions, conflicts and their debits, the quality record log (every record at its
// position, documents' bytes, each station's record and signature heads). In one transaction, committed only after
// the copy's movements (ids, hashes, order) and balances were checked against the SQLite store's. A target
// that is not empty is refused; nothing is written then.
[[nodiscard]] Result<MigrationReport> migrateStore(const std::filesystem::path& from, const std::string& to);

} // namespace lotstation::sync
