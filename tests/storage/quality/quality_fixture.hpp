#pragma once
// The soap maker with quality control: olive oil is checked on receipt against a three-test spec; quinn is
// qa (PIN 4321), vic a supervisor with a PIN (9999), so that "a supervisor is not enough" can be shown.
#include "../ledger_fixture.hpp"
#include "lotstation/storage/quality.hpp"

namespace lotstation::storage::test {

struct QualityShop : Shop {
    QualityShop() {
        must(l().addUser({.name = "quinn", .role = UserRole::Qa, .badge = "B-QA", .pin = "4321"}));
        must(l().addUser({.name = "vic", .role = UserRole::Supervisor, .pin = "9999"}));
        REQUIRE(setQcPolicy(l(), "SOAP-OIL", QcPolicy::Receipt));
        must(setSpecTest(l(), "SOAP-OIL",
                         {.name = "acid", .kind = TestKind::Numeric, .min = "0", .max = "0.8", .unit = "%",
                          .method = "ISO 660"},
                         "sam"));
        must(setSpecTest(l(), "SOAP-OIL", {.name = "odour", .kind = TestKind::Text, .expected = "mild"}, "sam"));
        must(setSpecTest(l(), "SOAP-OIL", {.name = "seal", .kind = TestKind::PassFail}, "sam"));
    }

    Result<Inspection> inspectLot(const std::string& lot, std::vector<ResultValue> results,
                                  const std::string& pin = "4321", const std::string& by = "quinn") {
        return inspect(l(), {.lot = lot, .results = std::move(results), .sampleSize = 3, .signer = by, .pin = pin});
    }

    // Everything a quality operation could write, with the ledger's own state().
    std::string qualityState() {
        return state() + "|" +
               scalar("SELECT (SELECT count(*) FROM inspections) || ',' || (SELECT count(*) FROM inspection_results)"
                      " || ',' || (SELECT count(*) FROM signatures) || ',' || (SELECT count(*) FROM attachments) "
                      "|| ',' || (SELECT count(*) FROM blobs) || ',' || (SELECT count(*) FROM spec_versions)");
    }
};

inline std::string pngBytes(std::size_t size) {
    std::string out("\x89PNG\r\n\x1a\n", 8);
    out.resize(size, 'x');
    return out;
}

} // namespace lotstation::storage::test
