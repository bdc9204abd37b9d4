// Workbooks in and out: our own .xlsx exports read back and re-imported equal; real-world workbooks written by
// another writer (Python's openpyxl, and hand-built parts for what openpyxl never writes) including the
// awkward cases, each imported or refused with a sentence, all or nothing.
#include "../ledger_fixture.hpp"
#include "lotstation/storage/csv.hpp"
#include "lotstation/storage/sheet_import.hpp"
#include "lotstation/storage/table_file.hpp"
#include "lotstation/storage/workbook.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

namespace lotstation::storage::test {
namespace {

// Writes the workbooks the cases below read, with openpyxl (Debian's python3-openpyxl, installed by
// scripts/install-deps.sh) and Python's zipfile for the parts openpyxl does not write.
constexpr std::string_view kMakeWorkbooks = R"py(
import sys, zipfile, datetime
from openpyxl import Workbook
out = sys.argv[1]

wb = Workbook()
items = wb.active
items.title = "Items"
items.append(["Product code", "Description", "UoM", "Shelf life", "Kind"])
items.append(["OIL", "Olive oil", "kg", 365, "raw"])
items.append(["ROSE", "Rose water", "L", None, "raw"])
items.append(["BOX", "Gift box", "each", None, "packaging"])
lots = wb.create_sheet("Lots")
lots.append(["SKU", "Qty", "Unit", "Supplier", "Batch", "Expiry date", "Cost", "Location"])
lots.append(["OIL", 2.5, "kg", "OILCO", "O-77", datetime.date(2027, 1, 31), 4.2, "DOCK"])
lots.append(["OIL", 0.1 + 0.2, "kg", "OILCO", "O-78", datetime.date(2027, 2, 28), 4.2, "DOCK"])
lots.append([None, None, None, None, None, None, None, None])
lots.append(["ROSE", 750, "ml", "OILCO", "V-1", None, None, "DOCK"])
lots.merge_cells("D2:D3")  # the supplier written once for two rows
wb.save(out + "/real.xlsx")

bad = Workbook()
sheet = bad.active
sheet.title = "Items"
sheet.append(["sku", "name", "uom"])
sheet.append(["A1", "Good", "g"])
sheet.append(["B2", "Bad unit", "kgs"])
bad.save(out + "/bad-row.xlsx")

formula = Workbook()
sheet = formula.active
sheet.append(["sku", "name", "uom", "shelf_life_days"])
sheet.append(["F1", "Formula", "g", "=SUM(1,2)"])
formula.save(out + "/formula.xlsx")

with zipfile.ZipFile(out + "/not-a-workbook.xlsx", "w") as z:
    z.writestr("readme.txt", "just a zip")
with open(out + "/encrypted.xlsx", "wb") as f:
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))

# Inline strings, a formula with its saved value, a boolean and a 'x:' namespace prefix: written by hand.
sheet_xml = ('<?xml version="1.0" encoding="UTF-8"?>'
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
  '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>sku</x:t></x:is></x:c>'
  '<x:c r="B1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c>'
  '<x:c r="C1" t="inlineStr"><x:is><x:t>uom</x:t></x:is></x:c>'
  '<x:c r="D1" t="inlineStr"><x:is><x:t>shelf_life_days</x:t></x:is></x:c></x:row>'
  '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>SO</x:t></x:r><x:r><x:t>AP</x:t></x:r></x:is></x:c>'
  '<x:c r="B2" t="inlineStr"><x:is><x:t>Soap bar</x:t></x:is></x:c>'
  '<x:c r="C2" t="inlineStr"><x:is><x:t>pc</x:t></x:is></x:c>'
  '<x:c r="D2"><x:f>30*12</x:f><x:v>360</x:v></x:c></x:row>'
  '</x:sheetData></x:worksheet>')
with zipfile.ZipFile(out + "/inline.xlsx", "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               '<sheet name="Hand made" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
)py";

struct Workbooks {
    lotstation::test::TempDir dir;
    Workbooks() {
        lotstation::test::writeFile(dir.file("make.py"), kMakeWorkbooks);
        const auto command = "/usr/bin/python3 " + dir.file("make.py").string() + " " + dir.path().string();
        REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "python3-openpyxl is needed (scripts/install-deps.sh)");
    }
    std::filesystem::path operator()(const char* name) const { return dir.file(name); }
};

std::string errorOf(const auto& result) {
    REQUIRE_FALSE(result);
    return result.error().message;
}

} // namespace

TEST_CASE("workbook: openpyxl's real-world sheets import with synonyms, units, serial dates and merged cells") {
    Workbooks books;
    CHECK(must(workbookSheets(books("real.xlsx"))) == std::vector<std::string>{"Items", "Lots"});
    Shop shop;
    auto& l = shop.l();
    const auto items = must(readSheet(books("real.xlsx")));
    CHECK(items.name == "Items");
    const auto imported = must(importSheet(l, ImportKind::Items, items, {"ana"}));
    CHECK(imported.created == std::vector<std::string>{"OIL", "ROSE", "BOX"});
    CHECK((must(l.item("OIL")).uom == Uom::Gram));       // "kg" for a g item
    CHECK((must(l.item("ROSE")).uom == Uom::Millilitre)); // "L"
    CHECK((must(l.item("BOX")).uom == Uom::Piece));      // "each"
    CHECK(must(l.item("OIL")).shelfLifeDays == 365);

    const auto lots = must(readSheet(books("real.xlsx"), std::string("lots")));
    const auto before = shop.state();
    const auto preview = must(importSheet(l, ImportKind::Lots, lots, {"ana"}, true));
    CHECK(preview.rows == 3);
    CHECK(shop.state() == before); // a dry run writes nothing
    const auto opened = must(importSheet(l, ImportKind::Lots, lots, {"ana"}));
    REQUIRE(opened.created.size() == 3);
    const auto first = must(l.lot(opened.created[0]));
    CHECK(l.onHand(first.code) == 2'500'000);                // 2.5 + "kg"
    CHECK(first.expiry == day(2027, 1, 31));                 // a serial date
    CHECK(first.unitCost == 4'200);                          // 4.2 + "kg" = 4.20/kg
    const auto second = must(l.lot(opened.created[1]));
    CHECK(l.onHand(second.code) == 300'000);                 // 0.30000000000000004 kg read as 0.3 kg
    CHECK(second.supplier == "OILCO");                       // from the merged cell
    CHECK(l.onHand(opened.created[2]) == 750'000);
}

TEST_CASE("workbook: awkward files are refused with a sentence and nothing is imported") {
    Workbooks books;
    Shop shop;
    auto& l = shop.l();
    const auto before = shop.state();
    const auto bad = must(readSheet(books("bad-row.xlsx")));
    CHECK(errorOf(importSheet(l, ImportKind::Items, bad, {"ana"})) ==
          "sheet 'Items', row 3, column 'uom': 'kgs' is not g, ml or pc");
    CHECK_FALSE(l.item("A1")); // all or nothing
    CHECK(errorOf(readSheet(books("formula.xlsx"))).find("row 2, column D: a formula without a saved value") !=
          std::string::npos);
    CHECK(errorOf(readSheet(books("not-a-workbook.xlsx"))) ==
          "not-a-workbook.xlsx is a zip file but not an Excel workbook (no xl/workbook.xml)");
    CHECK(errorOf(readSheet(books("encrypted.xlsx"))).find("password-protected") != std::string::npos);
    lotstation::test::writeFile(books("text.xlsx"), "sku,name,uom\n");
    CHECK(errorOf(readSheet(books("text.xlsx"))) == "text.xlsx is not an .xlsx workbook (not a zip file)");
    CHECK(errorOf(readSheet(books("real.xlsx"), std::string("Prices"))) ==
          "real.xlsx has no sheet 'Prices' (it has Items, Lots)");
    CHECK(shop.state() == before);

    const auto inline_ = must(readSheet(books("inline.xlsx")));
    CHECK(inline_.name == "Hand made");
    must(importSheet(l, ImportKind::Items, inline_, {"ana"}));
    CHECK(must(l.item("SOAP")).shelfLifeDays == 360); // rich text runs joined; the formula's saved value
}

TEST_CASE("workbook: an export written as .xlsx reads back and re-imports equal") {
    Shop shop;
    shop.receive("SOAP-OIL", 2'500'500, "OILCO", "O-1", 4'200, "DOCK", day(2027, 1, 31));
    lotstation::test::TempDir out;
    for (const char* name : {"items", "stock"}) {
        const auto csv = must(exportCsv(shop.l(), name));
        const auto table = must(tableFromCsv(csv, name));
        REQUIRE(writeTables({table}, out.file(std::string(name) + ".xlsx")));
        const auto sheet = must(readSheet(out.file(std::string(name) + ".xlsx")));
        CHECK(sheet.name == name);
        CHECK(must(sheetToCsv(sheet, "export")) == csv); // numbers, dates and codes come back as written
    }
    Shop fresh("B2", false);
    must(fresh.l().addLocation({"DOCK", "Receiving dock", LocationKind::Dock}));
    must(fresh.l().addLocation({"MIX", "Mixing bench", LocationKind::Workstation}));
    must(fresh.l().addLocation({"STORE", "Raw store", LocationKind::Store}));
    must(fresh.l().addLocation({"FG", "Finished goods", LocationKind::Finished}));
    must(fresh.l().addSupplier({"OILCO", "Oil Company"}));
    must(fresh.l().addUser({.name = "ana", .role = UserRole::Admin}));
    must(importSheet(fresh.l(), ImportKind::Items, must(readSheet(out.file("items.xlsx"))), {"ana"}));
    CHECK(must(exportCsv(fresh.l(), "items")) == must(exportCsv(shop.l(), "items")));
    must(importSheet(fresh.l(), ImportKind::Lots, must(readSheet(out.file("stock.xlsx"))), {"ana"}));
    CHECK(must(exportCsv(fresh.l(), "stock")) == must(exportCsv(shop.l(), "stock")));
}

TEST_CASE("workbook: a write that fails leaves no half file") {
    lotstation::test::TempDir out;
    Table table{.name = "T", .headers = {"a"}, .rows = {{std::string("x")}}};
    CHECK_FALSE(writeTables({table}, out.file("report.txt")));
    CHECK_FALSE(writeTables({table}, out.file("missing-folder/report.xlsx")));
    CHECK_FALSE(std::filesystem::exists(out.file("missing-folder")));
    REQUIRE(writeTables({table}, out.file("report.xlsx")));
    CHECK(std::filesystem::exists(out.file("report.xlsx")));
    CHECK_FALSE(std::filesystem::exists(out.file("report.xlsx.partial")));
}

} // namespace lotstation::storage::test
