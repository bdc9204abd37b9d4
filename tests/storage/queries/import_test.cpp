#include "genealogy_fixture.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/queries.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::querytest;

namespace {

// A new shop: locations, suppliers and a user, but no items or lots yet.
struct Empty {
    lotstation::test::TempDir dir;
    ManualClock time;
    Ledger ledger = must(Ledger::open(dir.file("empty.db"),
                                      OpenOptions{StationIdentity{"station-e", "New", "E"}, time.clock()}));
    Empty() {
        must(ledger.addLocation({"DOCK", "Receiving dock", LocationKind::Dock}));
        must(ledger.addLocation({"STORE", "Raw store", LocationKind::Store}));
        must(ledger.addSupplier({"OILCO", "Oil Company"}));
        must(ledger.addSupplier({"LYECO", "Lye Company"}));
        must(ledger.addUser({.name = "ana"}));
    }
    // Everything an import could write.
    std::string written() const {
        return must(exportCsv(ledger, "items")) + must(exportCsv(ledger, "lots")) +
               must(exportCsv(ledger, "movements"));
    }
};

const std::string kItems =
    "\xEF\xBB\xBF"
    "SKU,Name,Kind,UOM,GTIN,Lot Tracked,Shelf-Life-Days,Default Location,Reorder Point,Notes\r\n"
    "OIL,\"Olive oil, extra virgin\",raw,g,,yes,,DOCK,5kg,from the old sheet\r\n"
    "LYE,Sodium hydroxide,RAW,G,,,,DOCK,,\r\n"
    ",,,,,,,,,\r\n" // an empty spreadsheet row
    "BAR,\"Lavender soap\nbar\",finished,pc,4006381333931,yes,365,,100,\r\n";

const std::string kLots =
    "sku,quantity,supplier,supplier_lot,lot,location,expiry,best_before,unit_cost,reference\n"
    "OIL,2.5kg,OILCO,OC-1,OIL-1,,2027-06-30,,4.20/kg,PO-77\n"
    "OIL,750 g,oilco,OC-2,,STORE,2027-01-31,2026-12-31,4.5/kg,\n"
    "LYE,1200,LYECO,LY-9,LYE-1,DOCK,,,2/kg,\n";

} // namespace

TEST_CASE("importing items and lots with opening balances from a spreadsheet's CSV") {
    Empty e;
    const auto items = must(importCsv(e.ledger, ImportKind::Items, kItems));
    CHECK(items.rows == 3);
    CHECK(items.created == std::vector<std::string>{"OIL", "LYE", "BAR"});
    CHECK(items.ignoredColumns == std::vector<std::string>{"Notes"});
    const auto oil = must(e.ledger.item("OIL"));
    CHECK(oil.name == "Olive oil, extra virgin");
    CHECK((oil.defaultLocation == "DOCK"));
    CHECK((oil.reorderPoint == 5'000'000));
    const auto bar = must(e.ledger.item("BAR"));
    CHECK(bar.name == "Lavender soap\nbar");
    CHECK((bar.kind == ItemKind::Finished));
    CHECK((bar.uom == Uom::Piece));
    CHECK((bar.gtin == "04006381333931"));
    CHECK((bar.shelfLifeDays == 365));
    CHECK((bar.reorderPoint == 100));
    CHECK((must(e.ledger.item("LYE")).kind == ItemKind::Raw));

    const auto lots = must(importCsv(e.ledger, ImportKind::Lots, kLots, {.user = "ana"}));
    CHECK(lots.rows == 3);
    REQUIRE(lots.created.size() == 3);
    CHECK(lots.created[0] == "OIL-1");
    CHECK(lots.created[2] == "LYE-1");
    CHECK(e.ledger.onHand("OIL-1", "DOCK").value() == 2'500'000);
    CHECK(e.ledger.onHand(lots.created[1], "STORE").value() == 750'000);
    CHECK(e.ledger.onHand("LYE-1").value() == 1'200'000);
    const auto oil1 = must(e.ledger.lot("OIL-1"));
    CHECK((oil1.unitCost == 4'200));
    CHECK((oil1.supplierLot == "OC-1"));
    CHECK((oil1.expiry == ymd(2027, 6, 30)));
    const auto oil2 = must(e.ledger.lot(lots.created[1]));
    CHECK((oil2.bestBefore == ymd(2026, 12, 31)));
    CHECK((oil2.supplier == "OILCO"));
    CHECK(e.ledger.movementCount().value() == 3);
    CHECK(e.ledger.verify().value().empty());
}

TEST_CASE("a bad items file names its line and column and imports nothing") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"sku,name,uom\nOIL,Olive oil,g\nWAX,Bees wax,kgs\n",
         "line 3, column 'uom': 'kgs' is not g, ml or pc"},
        {"sku,name,kind,uom\nOIL,Olive oil,rawx,g\n",
         "line 2, column 'kind': 'rawx' is not raw, packaging, intermediate or finished"},
        {"sku,name,uom\nOIL,Olive oil,g\nLYE,Lye,g\noil,Oil again,g\n",
         "line 4, column 'sku': SKU oil is already on line 2"},
        {"sku,name,uom\nOIL,,g\n", "line 2, column 'name': a name is required"},
        {"sku,name\nOIL,Olive oil\n", "line 1: column 'uom' is missing (required: sku, name, uom)"},
        {"sku,name,uom\nOIL,\"Olive oil,g\nLYE,Lye,g\n", "line 2: a quoted field is never closed"},
        {"sku,name,uom,shelf_life_days\nOIL,Olive oil,g,ten\n",
         "line 2, column 'shelf_life_days': 'ten' is not a whole number of days"},
        {"sku,name,uom,default_location\nOIL,Olive oil,g,NOWHERE\n",
         "line 2, column 'default_location': no location NOWHERE"},
        {"sku,name,uom,lot_tracked\nOIL,Olive oil,g,maybe\n",
         "line 2, column 'lot_tracked': 'maybe' is not yes or no"},
        {"sku,name,uom,reorder_point\nOIL,Olive oil,g,2 l\n",
         "line 2, column 'reorder_point': 2 l is volume; OIL is measured in g"},
        {"sku,name,uom,gtin\nBAR,Bar,pc,4006381333932\n",
         "line 2, column 'gtin': GTIN 4006381333932 check digit wrong (expected 1)"},
        {"sku,name,uom\nOIL OIL,Olive oil,g\n",
         "line 2, column 'sku': SKU 'OIL OIL' contains a space or control character"},
        {"sku,name,uom,SKU\nOIL,Olive oil,g,X\n", "line 1: column 'sku' appears twice"},
        {"", "the file is empty: a header row is needed"},
    };
    for (const auto& [text, message] : cases) {
        Empty e;
        const auto before = e.written();
        const auto result = importCsv(e.ledger, ImportKind::Items, text);
        REQUIRE_FALSE(result);
        CAPTURE(text);
        CHECK(result.error().message == message);
        CHECK(e.written() == before);
        CHECK(e.ledger.items().value().empty());
    }
}

TEST_CASE("a bad lots file names its line and column and imports nothing, good rows included") {
    const std::string header = "sku,quantity,supplier,supplier_lot,lot,location,expiry,unit_cost\n";
    const std::string good = "OIL,2kg,OILCO,OC-1,OIL-1,DOCK,2027-06-30,4.20/kg\n";
    const std::vector<std::pair<std::string, std::string>> cases{
        {good + "OIL,750ml,OILCO,OC-2,,DOCK,,\n",
         "line 3, column 'quantity': 750ml is volume; OIL is measured in g"},
        {good + "OIL,0,OILCO,OC-2,,DOCK,,\n",
         "line 3, column 'quantity': the quantity must be more than zero"},
        {good + "OIL,1kg,NOPE,OC-2,,DOCK,,\n", "line 3, column 'supplier': no supplier NOPE"},
        {good + "WAX,1kg,OILCO,OC-2,,DOCK,,\n", "line 3, column 'sku': no item WAX"},
        {good + "OIL,1kg,OILCO,OC-2,,DOCK,2026-02-30,\n",
         "line 3, column 'expiry': 2026-02-30 is not a date"},
        {good + "OIL,1kg,OILCO,OC-2,,DOCK,,4.20\n", "line 3, column 'unit_cost': '4.20': say per what, e.g. "
                                                    "4.20/kg or 4.20/g (the item is measured in g)"},
        {good + "OIL,1kg,OILCO,OC-2,,ATTIC,,\n", "line 3, column 'location': no location ATTIC"},
        {good + "OIL,1kg,OILCO,,,DOCK,,\n", "line 3, column 'supplier_lot': no supplier lot code given"},
        {good + "LYE,1kg,LYECO,LY-1,OIL-1,DOCK,,\n",
         "line 3, column 'lot': lot OIL-1 is already on line 2 for another item or supplier lot"},
        {good + "LYE,1kg,LYECO,LY-1,,,,\n",
         "line 3, column 'location': no location given and LYE has no default location"},
    };
    for (const auto& [rows, message] : cases) {
        Empty e;
        must(importCsv(e.ledger, ImportKind::Items,
                       "sku,name,uom,default_location\nOIL,Olive oil,g,DOCK\nLYE,Lye,g,\n"));
        const auto before = e.written();
        const auto result = importCsv(e.ledger, ImportKind::Lots, header + rows, {.user = "ana"});
        REQUIRE_FALSE(result);
        CAPTURE(rows);
        CHECK(result.error().message == message);
        CHECK(result.error().message.starts_with("line 3, column '"));
        CHECK(e.written() == before);
        CHECK(e.ledger.movementCount().value() == 0);
    }
}

TEST_CASE("every problem of a file is listed, one per line") {
    Empty e;
    const auto result =
        importCsv(e.ledger, ImportKind::Items, "sku,name,uom\nOIL,,kgs\nLYE,Lye,g\nWAX,Wax,lb\n");
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "line 2, column 'name': a name is required\n"
                                    "line 2, column 'uom': 'kgs' is not g, ml or pc\n"
                                    "line 4, column 'uom': 'lb' is not g, ml or pc");
    CHECK(e.ledger.items().value().empty());
}

TEST_CASE("a refusal while writing rolls back the rows already written") {
    Empty e;
    must(importCsv(e.ledger, ImportKind::Items, "sku,name,uom,default_location\nOIL,Olive oil,g,DOCK\n"));
    // The same supplier lot twice with other dates: the ledger refuses the second receipt (check the label).
    const auto result = importCsv(e.ledger, ImportKind::Lots,
                                  "sku,quantity,supplier,supplier_lot,expiry\n"
                                  "OIL,1kg,OILCO,OC-1,2027-06-30\n"
                                  "OIL,1kg,OILCO,OC-1,2027-07-31\n",
                                  {.user = "ana"});
    REQUIRE_FALSE(result);
    CHECK(
        result.error().message.starts_with("line 3: supplier lot OC-1 was received before with other dates"));
    CHECK(e.ledger.movementCount().value() == 0);
    CHECK(must(exportCsv(e.ledger, "lots")).find("OC-1") == std::string::npos);
    // and the ledger is usable afterwards
    CHECK(importCsv(e.ledger, ImportKind::Lots, "sku,quantity,supplier,supplier_lot\nOIL,1kg,OILCO,OC-1\n",
                    {.user = "ana"}));
    CHECK(e.ledger.movementCount().value() == 1);
    CHECK_FALSE(importCsv(e.ledger, ImportKind::Lots,
                          "sku,quantity,supplier,supplier_lot\nOIL,1kg,OILCO,OC-5\n", {.user = "nobody"}));
}

TEST_CASE("export then import round trip: items and stock come back identical") {
    Empty a;
    must(importCsv(a.ledger, ImportKind::Items, kItems));
    must(importCsv(a.ledger, ImportKind::Lots, kLots, {.user = "ana"}));
    must(a.ledger.move({.lot = "OIL-1", .quantity = 500'000, .to = "STORE", .user = "ana"}));
    const auto items = must(exportCsv(a.ledger, "items"));
    const auto stock = must(exportCsv(a.ledger, "stock"));

    Empty b;
    const auto importedItems = must(importCsv(b.ledger, ImportKind::Items, items));
    CHECK(importedItems.ignoredColumns.empty());
    const auto importedLots = must(importCsv(b.ledger, ImportKind::Lots, stock, {.user = "ana"}));
    CHECK(importedLots.rows == 4); // OIL-1 at two locations: the second row adds to the same lot
    CHECK(importedLots.ignoredColumns == std::vector<std::string>{"uom", "status"});
    CHECK(must(exportCsv(b.ledger, "items")) == items);
    CHECK(must(exportCsv(b.ledger, "stock")) == stock);
    CHECK(b.ledger.verify().value().empty());
}
