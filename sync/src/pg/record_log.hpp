#pragma once
// The quality record log in PostgreSQL (sync/PROTOCOL.md "Quality records"): specs, inspections,
// signatures, documents, procedures, batch record entries and RFID tags, kept as the protocol writes them.
// Its order is numbered like the movements' (order_log.hpp: positions taken under the order lock as the
// last step before COMMIT), so a pull page is never overtaken by a smaller position committed later.
// A document's bytes are kept once per SHA-256, with the record that brought them: that record carries
// them on a pull, every later one names the hash only (the same file crosses the wire once).
#include "lotstation/storage/quality_sync.hpp"
#include "pg_connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::sync::pg {

// One record as the log keeps it.
struct RecordEntry {
    std::int64_t position = 0; // assigned by appendRecordsInOrder (or kept, when copied)
    std::string stationId;
    std::int64_t seq = 0;
    std::string kind;
    std::string recordId;
    std::string body;  // the protocol's JSON, without a document's bytes
    std::string claim; // what only one record may hold (an RFID tag's GTIN and serial); empty: none
};

// A document's bytes, kept once.
struct BlobEntry {
    std::string sha256;
    std::string firstRecord; // the document record that brought them
    std::string content;     // base64, as the protocol carries them
};

// The stored form of `record`, and its document bytes when it carries them.
[[nodiscard]] RecordEntry recordEntry(const storage::QualityRecord& record, std::optional<BlobEntry>* blob = nullptr);

// The claim of an RFID tag on its GTIN and serial.
[[nodiscard]] std::string tagClaim(const std::string& gtin, const std::string& serial);

// Creates the log's tables and sequence when missing.
[[nodiscard]] Result<void> createRecordLog(Connection& db);

// The last step of the caller's open transaction (with appendInOrder's lock): numbers `entries` in their
// order and inserts them.
[[nodiscard]] Result<void> appendRecordsInOrder(Connection& db, std::vector<RecordEntry>& entries);
// Inserts `entries` at the positions they carry and moves the sequence past them (a migration).
[[nodiscard]] Result<void> copyRecordsAt(Connection& db, const std::vector<RecordEntry>& entries);
[[nodiscard]] Result<void> insertBlobs(Connection& db, const std::vector<BlobEntry>& blobs);

// Up to `limit` records with a position above `after`, in order, documents with their bytes where the
// record brought them.
[[nodiscard]] Result<std::vector<storage::QualityRecord>> recordPageAfter(Connection& db, std::int64_t after,
                                                                         std::size_t limit);

} // namespace lotstation::sync::pg
