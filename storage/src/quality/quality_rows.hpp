#pragma once
// Inside storage: reading quality records back, shared by the quality operations and verify().
#include "../ledger_core.hpp"
#include "../rows.hpp"
#include "lotstation/storage/quality.hpp"

namespace lotstation::storage {

[[nodiscard]] QcPolicy policyOf(LedgerCore& core, std::int64_t itemId);
[[nodiscard]] Spec specOf(LedgerCore& core, const ItemRow& item);
[[nodiscard]] std::optional<Inspection> findInspection(LedgerCore& core, std::string_view id);
[[nodiscard]] std::vector<Inspection> inspectionsOfLot(LedgerCore& core, std::int64_t lotId);

// The hold movement that puts a new (or newly received) lot into quarantine, written in the caller's
// transaction: for receipts of QC-on-receipt items and outputs of QC-on-release items.
void quarantineOnArrival(LedgerCore& core, const std::string& lot, const std::string& user,
                         std::string_view why);

} // namespace lotstation::storage

namespace lotstation::storage {

// The document's type from its content, checked against its name and the size limit; a sentence otherwise.
[[nodiscard]] Result<std::string> checkDocument(const AttachRequest& request);
// Writes the blob (once per SHA-256) and the attachment row, in the caller's transaction.
[[nodiscard]] Attachment writeAttachment(LedgerCore& core, const AttachRequest& request, const std::string& type,
                                         const std::string& user);

} // namespace lotstation::storage
