#pragma once
// The soap maker's cold-process batch (the known answer of the batch record tests): six components weighed
// for 100 bars, lye verified by a second person, a trace temperature check, a cure-time instruction, packing
// with label reconciliation. pat operates (PIN 1111), vic supervises (9999), quinn is qa (4321).
#include "../ledger_fixture.hpp"
#include "lotstation/storage/batch_record.hpp"
#include "lotstation/storage/quality.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace lotstation::storage::test {

inline std::string soapProcedureJson() {
    std::ifstream in(std::string(LOTSTATION_SOURCE_DIR) + "/tests/storage/batch/soap_procedure.json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct BatchShop : Shop {
    std::map<std::string, std::string> lots; // SKU -> the lot received

    BatchShop(std::string shortCode = "A1") : Shop(std::move(shortCode)) {
        must(l().addUser({.name = "pat", .role = UserRole::Operator, .pin = "1111"}));
        must(l().addUser({.name = "vic", .role = UserRole::Supervisor, .pin = "9999"}));
        must(l().addUser({.name = "quinn", .role = UserRole::Qa, .pin = "4321"}));
        for (const auto& [sku, name] : {std::pair{"COCONUT", "Coconut oil"}, std::pair{"SHEA", "Shea butter"},
                                        std::pair{"WATER", "Distilled water"}})
            must(l().addItem({.sku = sku, .name = name, .uom = Uom::Gram, .defaultLocation = "DOCK"}));
        must(l().setRecipe({"BAR", 100, {{"SOAP-OIL", 6'000'000}, {"COCONUT", 2'500'000}, {"SHEA", 1'500'000},
                                         {"LYE", 1'400'000}, {"WATER", 3'300'000}, {"LAV", 50'000}}}));
        REQUIRE(setQcPolicy(l(), "BAR", QcPolicy::Release));
        lots["SOAP-OIL"] = receive("SOAP-OIL", 25'000'000, "OILCO", "OM-24-0917", 4'200, "DOCK", day(2027, 6, 1));
        lots["COCONUT"] = receive("COCONUT", 10'000'000, "OILCO", "CT-88812", 3'100, "DOCK", day(2027, 5, 1));
        lots["SHEA"] = receive("SHEA", 5'000'000, "OILCO", "SB-551", 9'000, "DOCK", day(2027, 8, 1));
        lots["LYE"] = receive("LYE", 5'000'000, "CHEM", "NaOH-5521", 1'900, "DOCK", day(2028, 1, 1));
        lots["WATER"] = receive("WATER", 20'000'000, "CHEM", "DW-1", 10, "DOCK");
        lots["LAV"] = receive("LAV", 1'000'000, "OILCO", "LAV-33", 95'000, "DOCK", day(2027, 9, 1));
    }

    Procedure setSoapProcedure() { return must(setProcedure(l(), "BAR", soapProcedureJson(), "sam")); }

    std::string startBatch() { return must(l().startRun({.sku = "BAR", .planned = 100, .workstation = "MIX", .user = "pat"})).code; }

    SignedEntry step(const std::string& run, int number, std::optional<std::int64_t> quantity = {},
                     std::optional<std::string> value = {}, const std::string& by = "pat", const std::string& pin = "1111") {
        StepRequest request{.run = run, .step = number, .value = value, .by = by, .pin = pin};
        const auto& sku = must(procedureOf(l(), "BAR")).steps[static_cast<std::size_t>(number - 1)].component;
        if (quantity) request.lot = lots.at(sku), request.quantity = quantity;
        return must(performStep(l(), request));
    }

    // Everything the batch record could write, with the ledger's own state().
    std::string batchState() {
        return state() + "|" +
               scalar("SELECT (SELECT count(*) FROM batch_entries) || ',' || (SELECT count(*) FROM signatures) || ',' "
                      "|| (SELECT count(*) FROM procedures) || ',' || (SELECT count(*) FROM quality_records)");
    }
};

} // namespace lotstation::storage::test
