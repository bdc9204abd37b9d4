#include "genealogy_fixture.hpp"
#include "lotstation/storage/csv.hpp"

using namespace lotstation::storage;
using namespace lotstation::storage::querytest;

namespace {

std::vector<std::vector<std::string>> fieldsOf(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    for (auto& record : must(parseCsv(text)))
        out.push_back(record.fields);
    return out;
}

} // namespace

TEST_CASE("RFC 4180: quotes, embedded commas and newlines, CRLF, BOM, no final line end") {
    const auto records = must(parseCsv("\xEF\xBB\xBFsku,name\r\nOIL,\"Olive oil, extra \"\"virgin\"\"\"\r\n"
                                       "LAV,\"Lavender\r\noil\"\r\nWAX,Bees wax"));
    REQUIRE(records.size() == 4);
    CHECK(records[0].fields == std::vector<std::string>{"sku", "name"}); // BOM gone
    CHECK(records[1].fields == std::vector<std::string>{"OIL", "Olive oil, extra \"virgin\""});
    CHECK(records[2].fields == std::vector<std::string>{"LAV", "Lavender\r\noil"});
    CHECK(records[2].line == 3);
    CHECK(records[3].line == 5); // the quoted newline counted
    CHECK(records[3].fields == std::vector<std::string>{"WAX", "Bees wax"});
    CHECK(fieldsOf("a,,c\n\n,\n") == std::vector<std::vector<std::string>>{{"a", "", "c"}, {""}, {"", ""}});
    CHECK(fieldsOf("").empty());
    CHECK(fieldsOf("\"\"") == std::vector<std::vector<std::string>>{{""}});
    CHECK(fieldsOf("x\r") == std::vector<std::vector<std::string>>{{"x"}});
}

TEST_CASE("malformed CSV is refused with its line") {
    CHECK(parseCsv("a,b\nc,\"open\n").error().message == "line 2: a quoted field is never closed");
    CHECK(parseCsv("a,b\nc,d\"e\n").error().message ==
          "line 2: a quote inside a field that does not start with one (write \"\" inside a quoted field)");
    CHECK(parseCsv("a\n\"b\"c\n").error().message == "line 2: text after the closing quote of a field");
    CHECK(parseCsv("a\nb\n\xC3\x28\n").error().message == "line 3: not UTF-8 text");
}

TEST_CASE("writing quotes only what needs it and round-trips through the parser") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField(" padded") == "\" padded\"");
    const std::vector<std::string> row{"a,b", "\"q\"", "x\r\ny", "", " s ", "ünï"};
    CHECK(fieldsOf(csvRow(row) + csvRow(row)) == std::vector<std::vector<std::string>>{row, row});
}

TEST_CASE("quantities come out as exact decimals") {
    CHECK(decimalQuantity(2'500'500, Uom::Gram) == "2500.5");
    CHECK(decimalQuantity(1, Uom::Millilitre) == "0.001");
    CHECK(decimalQuantity(-250'000, Uom::Gram) == "-250");
    CHECK(decimalQuantity(12, Uom::Piece) == "12");
    CHECK(decimalQuantity(std::numeric_limits<std::int64_t>::min(), Uom::Gram) == "-9223372036854775.808");
}

TEST_CASE("export of every table, codes not row ids, with proper quoting") {
    Genealogy g;
    std::vector<std::string> tables = exportTables();
    CHECK(tables == std::vector<std::string>{"items", "lots", "stock", "movements", "locations", "suppliers",
                                             "customers", "runs", "recipes", "users"});
    for (const auto& table : tables) {
        const auto text = must(exportCsv(g.l(), table));
        const auto rows = must(parseCsv(text));
        REQUIRE(rows.size() > 1);
        for (const auto& row : rows)
            CHECK(row.fields.size() == rows[0].fields.size());
    }
    const auto movements = must(parseCsv(must(exportCsv(g.l(), "movements"))));
    CHECK(static_cast<std::int64_t>(movements.size()) == g.l().movementCount().value() + 1);
    CHECK(movements[1].fields[5] == "receive");
    CHECK(movements[1].fields[6] == "OIL-A");
    CHECK(movements[1].fields[8] == "10000");
    CHECK(movements[1].fields[9] == "g");
    CHECK(movements[1].fields[16] == "4.20/kg");
    const auto customers = must(exportCsv(g.l(), "customers"));
    CHECK(customers == "code,name\r\nC1,Corner Shop\r\nC2,Market Stall\r\nC3,\"Online, Orders\"\r\n");
    const auto recipes = must(parseCsv(must(exportCsv(g.l(), "recipes"))));
    CHECK(recipes[1].fields == std::vector<std::string>{"BASE", "1000", "g", "LYE", "300", "g"});
    const auto bad = exportCsv(g.l(), "secrets");
    REQUIRE_FALSE(bad);
    CHECK(
        bad.error().message ==
        "no table 'secrets' to export (items, lots, stock, movements, locations, suppliers, customers, runs, "
        "recipes, users)");
}
