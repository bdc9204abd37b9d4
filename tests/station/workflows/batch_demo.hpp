#pragma once
// The demo soap maker with a batch record: the oat bar's recipe gets its procedure (line clearance, the soap
// base and the oatmeal weighed, the oatmeal verified by a second person, the boxes added, a pour temperature
// check, packing with label reconciliation; yield 95-102 %), and the old soap base's last 200 g is scrapped and a fresh
// 5 kg made so there is some to weigh. ana operates (PIN 1111), sam supervises (2222), quinn is qa (3333).
#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/storage/queries.hpp"

#include <doctest/doctest.h>
#include <string>

namespace lotstation::test::batch {

inline const char* kOatBarProcedure = R"({
  "per": "100",
  "yield": {"min": "95", "max": "102"},
  "steps": [
    {"kind": "line-clearance", "title": "Line clearance", "checklist": ["previous batch and its labels removed", "moulds and bench clean"]},
    {"kind": "weigh", "title": "Weigh soap base", "component": "SOAP-BASE", "target": "11kg", "tolerance": "1%"},
    {"kind": "weigh", "title": "Weigh oatmeal", "component": "OATMEAL", "target": "500g", "tolerance": "20g", "verify": true},
    {"kind": "weigh", "title": "Add boxes", "component": "BOX-BAR", "target": "100", "tolerance": "0"},
    {"kind": "check", "title": "Pour temperature", "text": "Stir the oatmeal in, then pour", "equipment": "Probe thermometer T-1", "value": {"name": "temperature", "unit": "°C", "min": "50", "max": "60"}},
    {"kind": "pack", "title": "Box and label", "text": "Box each bar and apply its lot label"}
  ]
})";

// Returns the fresh soap base lot.
inline std::string prepareBatchDemo(storage::Ledger& ledger) {
    auto procedure = storage::setProcedure(ledger, "BAR-OAT", kOatBarProcedure, "sam");
    REQUIRE_MESSAGE(procedure, procedure.error().message);
    // The demo's soap base has 200 g left: scrapped, so the fresh batch is the one to take first.
    auto old = storage::fefo(ledger, "SOAP-BASE", storage::dateOf(ledger.now()));
    REQUIRE(old);
    for (const auto& lot : *old) {
        auto scrapped = ledger.scrap({.lot = lot.lot.code, .quantity = lot.onHand, .reason = "dried out", .user = "sam"});
        REQUIRE_MESSAGE(scrapped, scrapped.error().message);
    }
    auto run = ledger.startRun({.sku = "SOAP-BASE", .planned = 5'000'000, .user = "ana"});
    REQUIRE_MESSAGE(run, run.error().message);
    for (const auto& [sku, quantity] : {std::pair{"OLIVE-OIL", 3'000'000}, std::pair{"COCONUT-OIL", 1'300'000},
                                        std::pair{"LYE", 700'000}}) {
        auto lots = storage::fefo(ledger, sku, storage::dateOf(ledger.now()));
        REQUIRE(lots);
        REQUIRE_MESSAGE(!lots->empty(), sku);
        auto used = ledger.consume({.run = run->code, .lot = lots->front().lot.code, .quantity = quantity, .user = "ana"});
        REQUIRE_MESSAGE(used, used.error().message);
    }
    auto finished = ledger.finishRun({.run = run->code, .output = 5'000'000, .user = "ana"});
    REQUIRE_MESSAGE(finished, finished.error().message);
    return finished->lotCode;
}

} // namespace lotstation::test::batch
