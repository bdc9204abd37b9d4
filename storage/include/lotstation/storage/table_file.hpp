#pragma once
// A report or export as a typed table, written to CSV or to an .xlsx workbook (libxlsxwriter): numbers as
// numbers, dates as dates, money rounded to the currency's minor unit, the header row frozen and column widths
// set. A file is written beside its destination and renamed into place: a failure or a cancel never leaves
// half a file.
#include "lotstation/storage/error.hpp"
#include "lotstation/storage/money.hpp"
#include "lotstation/storage/time.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lotstation::storage {

struct MoneyCell {
    Micros amount = 0;
};
// An exact decimal written as text ("2500.5"): a number cell in a workbook, the same text in CSV.
struct DecimalCell {
    std::string text;
};
// Empty (monostate), text, a whole number, an exact decimal, money (exact micro-units) or a date.
using Cell = std::variant<std::monostate, std::string, std::int64_t, DecimalCell, MoneyCell, Date>;


struct Table {
    std::string name{};                 // the sheet's name in a workbook (at most 31 characters)
    std::vector<std::string> headers{};
    std::vector<std::vector<Cell>> rows{};
    std::string currency = "USD";       // how money cells are rounded and labelled
};

// A CSV export (header row first) as a typed table: whole numbers and decimals become numbers (unless they
// have a leading zero, like a GTIN, or more than 15 digits), ISO dates become dates, the rest stays text.
[[nodiscard]] Result<Table> tableFromCsv(std::string_view csvText, std::string name);

// By the file's extension: .csv (the first table only) or .xlsx (one sheet per table).
[[nodiscard]] Result<void> writeTables(const std::vector<Table>& tables, const std::filesystem::path& path);
[[nodiscard]] Result<void> writeCsv(const Table& table, const std::filesystem::path& path);
[[nodiscard]] Result<void> writeXlsx(const std::vector<Table>& tables, const std::filesystem::path& path);
// Any text (a CSV export as it is) by the same whole-or-nothing rule.
[[nodiscard]] Result<void> writeTextFile(const std::filesystem::path& path, std::string_view content);

// The cell as CSV / screen text (money rounded to the minor unit, dates ISO).
[[nodiscard]] std::string cellText(const Cell& cell, const std::string& currency);

} // namespace lotstation::storage
