#pragma once
// The known-answer soap (soap_costing_test.cpp): a base made at the mixing bench, bars cut from it, labour at
// two rates and a per-person rate, overhead of every kind, yield loss. Shared by the cost tests.
#include "../ledger_fixture.hpp"
#include "lotstation/storage/cost_rates.hpp"

namespace lotstation::storage::test {

struct SoapCosting {
    Shop shop;
    std::string oil, lye, lav, wrap, base, bars, baseRun, barRun;

    SoapCosting() {
        auto& l = shop.l();
        must(l.addLocation({"CUT", "Cutting table", LocationKind::Workstation}));
        must(l.addItem({.sku = "BASE", .name = "Soap base", .kind = ItemKind::Intermediate, .uom = Uom::Gram}));
        must(l.setRecipe({"BASE", 10'000'000, {{"SOAP-OIL", 9'000'000}, {"LYE", 1'300'000}}}));
        must(l.setRecipe({"BAR", 100, {{"BASE", 5'000'000}, {"LAV", 40'000}, {"WRAP", 100}}}));
        oil = shop.receive("SOAP-OIL", 10'000'000, "OILCO", "O-1", 4'200);   // 10 kg at 4.20/kg
        lye = shop.receive("LYE", 2'000'000, "CHEM", "L-1", 1'750);          // 2 kg at 1.75/kg
        lav = shop.receive("LAV", 500'000, "OILCO", "LAV-1", 95'000);        // 500 ml at 95/l
        wrap = shop.receive("WRAP", 200, "CHEM", "W-1", 120'000);            // 200 at 0.12

        must(setLabourRate(l, {.workstation = "MIX", .perHour = 24'500'000, .user = "sam"}));
        must(setLabourRate(l, {.workstation = "CUT", .perHour = 18'000'000, .user = "sam"}));
        must(setLabourRate(l, {.workstation = "CUT", .worker = "ana", .perHour = 20'000'000, .user = "sam"}));
        must(setOverheadRate(l, {.basis = OverheadBasis::PerRun, .amount = 12'000'000, .user = "sam"}));
        must(setOverheadRate(l, {.basis = OverheadBasis::PerLabourHour, .amount = 6'000'000, .user = "sam"}));
        must(setOverheadRate(l, {.basis = OverheadBasis::PerUnit, .amount = 50'000, .uom = Uom::Piece, .user = "sam"}));
        must(setOverheadRate(l, {.basis = OverheadBasis::PerUnit, .amount = 400, .uom = Uom::Gram, .user = "sam"}));
        must(setOverheadRate(l, {.basis = OverheadBasis::MaterialPercent, .amount = 800, .user = "sam"}));

        // Base: 9 kg oil + 1.3 kg lye give 10 kg (300 g lost stays in the cost); 1.5 h × 2 people.
        baseRun = must(l.startRun({.sku = "BASE", .planned = 10'000'000, .workstation = "MIX", .user = "ana"})).code;
        must(l.consume({.run = baseRun, .lot = oil, .quantity = 9'000'000, .user = "ana"}));
        must(l.consume({.run = baseRun, .lot = lye, .quantity = 1'300'000, .user = "ana"}));
        base = must(l.finishRun({.run = baseRun, .output = 10'000'000, .user = "ana"})).lotCode;
        must(recordLabour(l, {.run = baseRun, .seconds = 5400, .people = 2, .user = "ana"}));

        // Bars: 5 kg base, 40 ml lavender, 110 wraps (10 spoiled) make 100 bars.
        barRun = must(l.startRun({.sku = "BAR", .planned = 100, .workstation = "CUT", .user = "ana"})).code;
        must(l.consume({.run = barRun, .lot = base, .quantity = 5'000'000, .user = "ana"}));
        must(l.consume({.run = barRun, .lot = lav, .quantity = 40'000, .user = "ana"}));
        must(l.consume({.run = barRun, .lot = wrap, .quantity = 110, .user = "ana"}));
        bars = must(l.finishRun({.run = barRun, .output = 100, .user = "ana"})).lotCode;
        const auto wrong = must(recordLabour(l, {.run = barRun, .seconds = 7200, .worker = "ana", .user = "ana"}));
        must(recordLabour(l, {.run = barRun, .seconds = 3600, .worker = "ana", .corrects = wrong.id, .user = "ana"}));
        must(recordLabour(l, {.run = barRun, .seconds = 2700, .worker = "sam", .user = "sam"}));
        // A rate set after the run finished does not change what it cost.
        must(setLabourRate(l, {.workstation = "CUT", .perHour = 99'000'000, .user = "sam"}));
    }
};


} // namespace lotstation::storage::test
