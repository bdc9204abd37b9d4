// An EAN/UPC symbol always carries a GTIN: one whose check digit is wrong is said as such to the operator,
// never passed on as a code to look up (which ends in "not found").
#include "lotstation/scan/interpreter.hpp"

#include <doctest/doctest.h>
#include <string>
#include <tuple>

using namespace lotstation::scan;

TEST_CASE("EAN/UPC with a wrong check digit: 'GTIN check digit wrong', not a lookup") {
    for (const auto& [text, id, reason] : {
             std::tuple{"4006381333932", "]E0", "GTIN check digit wrong (expected 1, got 2)"},  // EAN-13
             std::tuple{"96385075", "]E4", "GTIN check digit wrong (expected 4, got 5)"},       // EAN-8
             std::tuple{"036000291453", "]E0", "GTIN check digit wrong (expected 2, got 3)"},   // UPC-A
         }) {
        INFO(text << " " << id);
        const Meaning meaning = interpret(text, id);
        REQUIRE(std::holds_alternative<Unreadable>(meaning));
        CHECK(std::get<Unreadable>(meaning).reason == reason);
    }
    // The same digits with the right check digit are a GTIN; without a symbology they stay a lookup key.
    CHECK(std::holds_alternative<Gs1Data>(interpret("4006381333931", "]E0")));
    CHECK(std::holds_alternative<LookupKey>(interpret("4006381333932")));
}
