#pragma once
// Genealogy of a lot (DESIGN §7), any depth, as a DAG value.
//   backward: lot → the run that produced it → the input lots it consumed (with quantities) → … → supplier
//             lots and their suppliers.
//   forward:  lot → the runs that consumed it → their output lots → … → shipments to customers.
// Consumptions and shipments that were reversed are left out. A lot reached along several paths appears once
// (at its shortest depth) and bad data that loops (a lot among its own inputs) ends the walk instead of
// looping. Both are computed by one recursive CTE each over the same SQLite file the ledger writes.
#include "lotstation/storage/ledger.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotstation::storage {

enum class TraceDirection { Backward, Forward };

struct TraceLot {
    std::string code;
    std::string sku;
    std::string itemName;
    ItemKind itemKind = ItemKind::Raw;
    Uom uom = Uom::Gram;
    LotStatus status = LotStatus::Available;
    Date originDate{};
    std::optional<Date> expiry;
    std::optional<std::string> supplier;     // code, received lots
    std::optional<std::string> supplierName; // received lots
    std::optional<std::string> supplierLot;  // the supplier's own lot code
    std::optional<std::string> run;          // the run that produced it
    int depth = 0;                           // hops from the traced lot (0 = the lot itself)
};

// `input` went into `run` (quantity: base units of the input's item, net of reversals); the run made
// `output`, or nothing yet while it is open.
struct TraceEdge {
    std::string input;
    std::string run;
    std::optional<std::string> output;
    std::int64_t quantity = 0;
};

struct TraceRun {
    std::string code;
    std::string sku;
    RunStatus status = RunStatus::Open;
    std::optional<Timestamp> finishedAt;
};

// A shipment of a lot to a customer (a ship movement not reversed).
struct Shipment {
    std::string movementId;
    std::string lot;
    std::string sku;
    std::string itemName;
    Uom uom = Uom::Gram;
    std::string customer; // code
    std::string customerName;
    Timestamp at{};
    std::int64_t quantity = 0;
    std::optional<std::string> reference;
    std::optional<std::string> from; // location shipped from
};

struct Trace {
    TraceDirection direction = TraceDirection::Backward;
    std::string root;                // the traced lot's code as stored
    std::vector<TraceLot> lots;      // the root first, then by depth, then by code; each lot once
    std::vector<TraceEdge> edges;    // ordered by run, then input
    std::vector<TraceRun> runs;      // every run on the way, by code
    std::vector<Party> suppliers;    // backward: suppliers of the received lots reached, by code
    std::vector<Shipment> shipments; // forward: shipments of every lot reached, by time
    std::vector<Party> customers;    // forward: customers shipped to, by code
};

[[nodiscard]] Result<Trace> backwardTrace(const Ledger& ledger, std::string_view lot);
[[nodiscard]] Result<Trace> forwardTrace(const Ledger& ledger, std::string_view lot);
[[nodiscard]] Result<Trace> trace(const Ledger& ledger, std::string_view lot, TraceDirection direction);

} // namespace lotstation::storage
