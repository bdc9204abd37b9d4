#pragma once
// Builds the benchmark database through the ledger's public API (every movement goes through the same
// validation, hashing and balance code as on a station), grouped by Ledger::atomically into transactions of a
// few thousand operations so that the build is not bound by one fsync per movement.
//
// Shape, for M movements: L = M / 10 lots over six levels. Level 0 lots are received from suppliers; each lot
// of level k+1 is made by a run that consumes three lots of level k, and each lot of level k is consumed by
// two runs (so a backward trace from level 5 crosses five transformations, and a forward trace from level 0
// fans out to about 2^5 finished lots). Finished lots are shipped to customers in five parts; the rest of the
// movements are small moves between a lot's home location and a store, in random order.
//
// Every consumption obeys the ledger's FEFO rule, as on a real floor: received lots (each with its own
// expiry) are used up in expiry order per item, half a lot per use, so a lot is empty before the next of its
// item is touched (the items' queues interleave at random); made lots of one item share one expiry, so any
// of them may be used (shuffled, a quarter per use). Received lots end empty; the made ones keep stock.
#include "bench_support.hpp"
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lotstation::bench {

struct BuiltLedger {
    std::vector<std::vector<std::string>> levels; // lot codes per level, 0 = received
    std::vector<std::string> fefoItems;           // SKUs of level 1 (made lots with stock, for FEFO lists)
    std::int64_t movements = 0;
    double seconds = 0.0;
};

constexpr int kLevels = 6;
constexpr int kItemsPerLevel = 50;

[[nodiscard]] storage::Result<BuiltLedger> buildLedger(storage::Ledger& ledger, std::int64_t targetMovements,
                                                       bool progress);

} // namespace lotstation::bench
