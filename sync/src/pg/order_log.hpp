#pragma once
// The global order stations pull by, in PostgreSQL, safe under concurrent commits.
//
// The hazard: a BIGSERIAL is taken when a row is inserted, long before its transaction commits, so commits
// become visible out of number order. A reader that pages with "position > cursor" can see 12 while 11 is
// still in flight, move its cursor past 11, and never see it.
//
// The rule here: positions are taken at the very end of a push transaction, after everything else it does,
// under a transaction-scoped advisory lock, and the lock is only released by COMMIT (or ROLLBACK). PostgreSQL
// makes a commit visible to new snapshots before it releases the committing transaction's locks, so the
// next writer numbers its rows only after the previous numbers are visible. Hence at any moment at most one
// transaction holds unpublished positions, and they are the highest ones: every snapshot sees a prefix of
// the order (with holes only where a transaction rolled back), and a page can never be overtaken by a
// smaller number. The lock is held for one multi-row INSERT, not for the push's validation and balances.
#include "pg_connection.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lotstation::sync::pg {

struct LogEntry {
    std::int64_t position = 0; // assigned by appendInOrder
    std::string stationId;
    std::int64_t seq = 0;
    std::string movementId;
    std::string body; // the movement as the protocol writes it
    std::string lot{};
    std::string hash{};
};

// Takes the order lock (transaction-scoped): the step before numbering rows of any pull order (movements
// here, quality records in record_log.hpp), so that one rule keeps every order safe.
[[nodiscard]] Result<void> lockOrder(Connection& db);

// Creates the log's table and sequence when missing.
[[nodiscard]] Result<void> createOrderLog(Connection& db);

// The last step of the caller's open transaction before it commits: numbers `entries` in their order and
// inserts them. The caller must COMMIT (or roll back) promptly: the order lock is held until then.
[[nodiscard]] Result<void> appendInOrder(Connection& db, std::vector<LogEntry>& entries);

// Up to `limit` entries with a position above `after`, in order.
[[nodiscard]] Result<std::vector<LogEntry>> pageAfter(Connection& db, std::int64_t after, std::size_t limit);

// A PostgreSQL array literal of text values ({"a","b\"c"}): how a whole batch travels as one parameter.
[[nodiscard]] std::string textArray(const std::vector<std::string>& values);

} // namespace lotstation::sync::pg
