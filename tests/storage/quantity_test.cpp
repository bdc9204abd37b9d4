#include "lotstation/storage/money.hpp"
#include "lotstation/storage/quantity.hpp"
#include "lotstation/storage/time.hpp"

#include <doctest/doctest.h>
#include <limits>

using namespace lotstation::storage;

TEST_CASE("quantities parse exactly into base units") {
    struct Row {
        const char* text;
        Uom uom;
        std::int64_t expected;
    };
    const Row rows[] = {
        {"500g", Uom::Gram, 500'000},
        {"2.5kg", Uom::Gram, 2'500'000},
        {"2.5 kg", Uom::Gram, 2'500'000},
        {"0.001g", Uom::Gram, 1},
        {"12", Uom::Gram, 12'000},
        {"-250g", Uom::Gram, -250'000},
        {"750ml", Uom::Millilitre, 750'000},
        {"1.5l", Uom::Millilitre, 1'500'000},
        {"1.5L", Uom::Millilitre, 1'500'000},
        {"12", Uom::Piece, 12},
        {"12pc", Uom::Piece, 12},
        {"12 PCS", Uom::Piece, 12},
        {"250mg", Uom::Gram, 250},
        {"0.000001kg", Uom::Gram, 1},
        {"+3g", Uom::Gram, 3'000},
        {"9223372036854775807mg", Uom::Gram, std::numeric_limits<std::int64_t>::max()},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const auto parsed = parseQuantity(row.text, row.uom);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == row.expected);
    }
}

TEST_CASE("quantities that do not fit the item are refused with a clear message") {
    struct Row {
        const char* text;
        Uom uom;
        const char* messagePart;
    };
    const Row rows[] = {
        {"750ml", Uom::Gram, "750ml is volume; SOAP-OIL is measured in g"},
        {"2kg", Uom::Millilitre, "is mass"},
        {"1.5pc", Uom::Piece, "whole pieces"},
        {"1.5", Uom::Piece, "whole pieces"},
        {"3g", Uom::Piece, "is mass"},
        {"0.0001g", Uom::Gram, "finer than 1 mg"},
        {"1.2345ml", Uom::Millilitre, "finer than"},
        {"9223372036854775808mg", Uom::Gram, "too large"},
        {"99999999999999999999kg", Uom::Gram, "too large"},
        {"", Uom::Gram, "no quantity"},
        {"kg", Uom::Gram, "not a quantity"},
        {"2.5.3kg", Uom::Gram, "not known"},
        {"12.", Uom::Gram, "not a quantity"},
        {"1,5kg", Uom::Gram, "not known"},
        {"5 lb", Uom::Gram, "lb' is not known"},
        {"1234567890123456789012345678901g", Uom::Gram, "not a quantity"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const auto parsed = parseQuantity(row.text, row.uom, "SOAP-OIL");
        REQUIRE_FALSE(parsed.has_value());
        CHECK((parsed.error().kind == ErrorKind::Invalid));
        CHECK(parsed.error().message.find(row.messagePart) != std::string::npos);
    }
}

TEST_CASE("quantities format back for people") {
    CHECK(formatQuantity(2'500'000, Uom::Gram) == "2.5 kg");
    CHECK(formatQuantity(500'000, Uom::Gram) == "500 g");
    CHECK(formatQuantity(250, Uom::Gram) == "0.25 g");
    CHECK(formatQuantity(-250'000, Uom::Gram) == "-250 g");
    CHECK(formatQuantity(1'000'000, Uom::Gram) == "1 kg");
    CHECK(formatQuantity(1'500'000, Uom::Millilitre) == "1.5 l");
    CHECK(formatQuantity(750'000, Uom::Millilitre) == "750 ml");
    CHECK(formatQuantity(12, Uom::Piece) == "12 pc");
    CHECK(formatQuantity(0, Uom::Gram) == "0 g");
    CHECK(formatQuantity(std::numeric_limits<std::int64_t>::min(), Uom::Gram) == "-9223372036854.775808 kg");
    // round trip
    for (const char* text : {"2.5kg", "1 g", "0.001g", "123.456kg"}) {
        const auto base = *parseQuantity(text, Uom::Gram);
        CHECK(*parseQuantity(formatQuantity(base, Uom::Gram), Uom::Gram) == base);
    }
}

TEST_CASE("money parses and formats exactly") {
    CHECK(*parseMoney("12.50") == 12'500'000);
    CHECK(*parseMoney("12") == 12'000'000);
    CHECK(*parseMoney("-3.5") == -3'500'000);
    CHECK(*parseMoney("0.000001") == 1);
    CHECK_FALSE(parseMoney("0.0000001").has_value());
    CHECK_FALSE(parseMoney("12.50 EUR").has_value());
    CHECK_FALSE(parseMoney("abc").has_value());
    CHECK_FALSE(parseMoney("99999999999999").has_value());
    CHECK(formatMoney(12'500'000) == "12.50");
    CHECK(formatMoney(4'200) == "0.0042");
    CHECK(formatMoney(-3'000'000) == "-3.00");
    CHECK(formatMoney(0) == "0.00");
}

TEST_CASE("unit costs are stored per g or ml or pc and shown per kg or l or pc") {
    CHECK(*parseUnitCost("4.20/kg", Uom::Gram) == 4'200);
    CHECK(*parseUnitCost("0.0042/g", Uom::Gram) == 4'200);
    CHECK(*parseUnitCost("3/l", Uom::Millilitre) == 3'000);
    CHECK(*parseUnitCost("0.35/pc", Uom::Piece) == 350'000);
    CHECK(*parseUnitCost("0.35", Uom::Piece) == 350'000);
    // 1.2345/kg = 1234.5 micro per g: half-to-even gives 1234; 1.2355/kg gives 1236
    CHECK(*parseUnitCost("1.2345/kg", Uom::Gram) == 1'234);
    CHECK(*parseUnitCost("1.2355/kg", Uom::Gram) == 1'236);
    CHECK(parseUnitCost("4.20", Uom::Gram).error().message.find("per what") != std::string::npos);
    CHECK(parseUnitCost("4.20/l", Uom::Gram).error().message.find("measured in g") != std::string::npos);
    CHECK_FALSE(parseUnitCost("4.20/", Uom::Gram).has_value());
    CHECK_FALSE(parseUnitCost("x/kg", Uom::Gram).has_value());
    CHECK(formatUnitCost(4'200, Uom::Gram) == "4.20/kg");
    CHECK(formatUnitCost(1'800, Uom::Millilitre) == "1.80/l");
    CHECK(formatUnitCost(350'000, Uom::Piece) == "0.35/pc");
}

TEST_CASE("cost arithmetic is exact and half-to-even and overflow-safe") {
    // 2.5 kg at 4.20/kg = 10.50
    CHECK(*costOf(2'500'000, 4'200, Uom::Gram) == 10'500'000);
    // 1 mg at 0.0015/g = 1.5 micro / 1000 ... rounds to 0; 500 mg at 3 micro/g = 1.5 micro -> 2 (even)
    CHECK(*costOf(500, 3, Uom::Gram) == 2);
    CHECK(*costOf(500, 1, Uom::Gram) == 0);   // 0.5 -> 0 (even)
    CHECK(*costOf(1'500, 1, Uom::Gram) == 2); // 1.5 -> 2
    CHECK(*costOf(-1'500, 1, Uom::Gram) == -2);
    // an intermediate beyond 64 bits still gives the exact answer
    CHECK(*costOf(4'000'000'000'000, 4'000'000, Uom::Gram) == 16'000'000'000'000'000);
    CHECK_FALSE(costOf(std::numeric_limits<std::int64_t>::max(), 1'000'000, Uom::Piece).has_value());
}

TEST_CASE("dates and times are ISO text") {
    const auto date = parseDate("2026-02-28");
    REQUIRE(date.has_value());
    CHECK(formatDate(*date) == "2026-02-28");
    CHECK(parseDate("2026-02-30").error().message == "2026-02-30 is not a date");
    CHECK_FALSE(parseDate("261124").has_value());
    CHECK_FALSE(parseDate("2026-1-05").has_value());
    const auto at = parseTimestamp("2026-11-24T07:43:08.123Z");
    REQUIRE(at.has_value());
    CHECK(formatTimestamp(*at) == "2026-11-24T07:43:08.123Z");
    CHECK_FALSE(parseTimestamp("2026-11-24T25:43:08.123Z").has_value());
    CHECK_FALSE(parseTimestamp("2026-11-24 07:43:08").has_value());
}
