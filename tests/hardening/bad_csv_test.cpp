// The bad input table, CSV part: files a person exports from a spreadsheet and imports into the ledger. Each
// row names the problem the person sees (line and column) and proves the import wrote nothing.
#include "ledger_fixture.hpp"
#include "lotstation/storage/csv.hpp"

#include <string>
#include <vector>

namespace {

using lotstation::test::HardeningLedger;
namespace storage = lotstation::storage;

struct CsvRow {
    const char* what;
    storage::ImportKind kind;
    std::string text;
    const char* message;
};

constexpr auto kItems = storage::ImportKind::Items;
constexpr auto kLots = storage::ImportKind::Lots;

} // namespace

TEST_CASE("bad input: CSV imports that are refused and write nothing") {
    const std::vector<CsvRow> rows{
        {"empty file", kItems, "", "the file is empty: a header row is needed"},
        {"quote inside a field", kItems, "sku,name,uom\nSOAP,Soap \"bar\",pc\n", "line 2"},
        {"never closed quote", kItems, "sku,name,uom\n\"SOAP,Soap,pc\n", "line 2"},
        {"text after closing quote", kItems, "sku,name,uom\n\"SOAP\"x,Soap,pc\n",
         "text after the closing quote of a field"},
        {"not UTF-8", kItems, "sku,name,uom\nSOAP,Sav\xe9on,pc\n", "line 2: not UTF-8 text"},
        {"column twice", kItems, "sku,name,uom,sku\nA,B,g,C\n", "line 1: column 'sku' appears twice"},
        {"required column missing", kItems, "sku,name\nSOAP,Soap\n", "uom"},
        {"unit of measure kgs", kItems, "sku,name,uom\nSOAP,Soap,kgs\n", "'kgs' is not g, ml or pc"},
        {"bad GTIN", kItems, "sku,name,uom,gtin\nSOAP,Soap,pc,09501101530004\n", "line 2"},
        {"one bad row among good ones", kItems, "sku,name,uom\nA1,A,g\nA2,B,stone\nA3,C,pc\n", "line 3"},
        {"duplicate of an existing item", kItems, "sku,name,uom\nOIL,Oil again,g\n", "OIL"},
        {"lot of an unknown item", kLots, "sku,quantity,supplier,supplier_lot\nNOPE,1kg,SUP,X\n", "NOPE"},
        {"lot quantity in the wrong dimension", kLots, "sku,quantity,supplier,supplier_lot\nOIL,1l,SUP,X\n",
         "volume"},
        {"lot with an impossible expiry", kLots,
         "sku,quantity,supplier,supplier_lot,expiry\nOIL,1kg,SUP,X,2026-02-30\n", "2026-02-30 is not a date"},
        {"lot with a unit cost per nothing", kLots,
         "sku,quantity,supplier,supplier_lot,unit_cost\nOIL,1kg,SUP,X,4.20\n", "say per what"},
        {"lot from an unknown supplier", kLots, "sku,quantity,supplier,supplier_lot\nOIL,1kg,NOBODY,X\n",
         "NOBODY"},
    };
    HardeningLedger fixture;
    const auto before = fixture.snapshot();
    for (const auto& row : rows) {
        auto ledger = storage::Ledger::open(fixture.databasePath());
        REQUIRE(ledger.has_value());
        const auto imported = storage::importCsv(*ledger, row.kind, row.text, {.user = "admin"});
        INFO(std::string(row.what) << " -> "
                                   << (imported ? std::string("imported") : imported.error().message));
        REQUIRE_FALSE(imported.has_value());
        CHECK(imported.error().message.find(row.message) != std::string::npos);
        CHECK(fixture.snapshot() == before);
    }
}
