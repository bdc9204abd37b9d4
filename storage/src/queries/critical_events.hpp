#pragma once
// The FSMA 204 critical tracking events of one lot (its receipt, its production, its shipments; reversed
// movements left out) and the inputs of a run, read once for both recall exports: the CSV (fsma.cpp) and the
// FDA spreadsheet (tables/fda_sheets.cpp). The cost roll-up reads the run inputs here too.
#include "ledger_core.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage::queries {

enum class EventKind { Receiving, Transformation, Shipping };

struct CriticalEvent {
    EventKind kind = EventKind::Receiving;
    std::string movementId;
    std::int64_t atMs = 0;
    std::int64_t pos = 0;
    std::int64_t quantity = 0;             // base units of the lot's item
    std::optional<std::string> reference;  // purchase / sales order
    std::optional<std::string> run;        // transformations: the run that made the lot
    std::string from;                      // "CODE Name" of the location it left (shipping)
    std::string to;                        // "CODE Name" of the location it arrived at (receiving, production)
    std::string party;                     // "CODE Name" of the supplier or customer
};

struct RunInput {
    std::string lot;
    std::string sku;
    std::string itemName;
    Uom uom = Uom::Gram;
    std::int64_t quantity = 0; // net consumed, base units
};

// "CODE Name", or the code alone when the name adds nothing.
[[nodiscard]] std::string described(const std::optional<std::string>& code, const std::optional<std::string>& name);

// The lot's events in ledger order.
[[nodiscard]] std::vector<CriticalEvent> criticalEvents(LedgerCore& core, std::int64_t lotId);

// What a run consumed, per input lot, net of reversed consumptions, by lot code.
[[nodiscard]] std::vector<RunInput> runInputs(LedgerCore& core, const std::string& run);

} // namespace lotstation::storage::queries
