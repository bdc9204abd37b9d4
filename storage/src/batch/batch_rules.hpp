#pragma once
// Inside storage: the batch record's pieces shared by its operation files, sync's apply and verify().
#include "../ledger_core.hpp"
#include "lotstation/storage/batch_record.hpp"

namespace lotstation::storage {

// Parses a procedure file; with a recipe, weigh components must be in it (not checked when re-reading a
// stored version: the recipe may have changed since).
[[nodiscard]] Result<Procedure> readProcedureFile(LedgerCore& core, std::string_view sku, std::string_view text,
                                                  const Recipe* recipe);

// Stored procedure versions: by record id (sync, a run's start entry), by item and version (0 = current).
[[nodiscard]] std::optional<Procedure> findProcedure(LedgerCore& core, std::string_view recordId);
[[nodiscard]] std::optional<Procedure> findProcedureOf(LedgerCore& core, std::int64_t itemId, int version);
// Writes a version (the caller's transaction); `version` 0 = the next free one.
void insertProcedure(LedgerCore& core, std::int64_t itemId, const Procedure& procedure);

// The run's entries in order, and one by id.
[[nodiscard]] std::vector<BatchEntry> entriesOf(LedgerCore& core, std::string_view run);
[[nodiscard]] std::optional<BatchEntry> findBatchEntry(LedgerCore& core, std::string_view id);
// Fills in id, station, time, the run's previous hash and the hash, then writes it (the caller's transaction).
[[nodiscard]] BatchEntry appendBatchEntry(LedgerCore& core, BatchEntry draft);
// Another station's entry, checked against its own hash (the caller's transaction). A start entry defines the
// run here when it is new; a finish entry marks it finished.
[[nodiscard]] Result<void> insertRemoteBatchEntry(LedgerCore& core, const BatchEntry& entry);

// A run's start entry when the item has a procedure (Ledger::startRun, in its transaction).
void recordBatchStart(LedgerCore& core, const Run& run, std::int64_t itemId);

// Ledger::finishRun's work without its transaction or the batch record check (runs.cpp): finishBatch calls it.
[[nodiscard]] Result<FinishRunResult> finishRunIn(LedgerCore& core, const FinishRunRequest& request);

// verify(): every entry's hash.
void checkBatchEntries(LedgerCore& core, std::vector<Finding>& findings);

} // namespace lotstation::storage
