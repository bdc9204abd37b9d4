#pragma once
// Reading one sheet of an .xlsx workbook (libzip + expat; no zip or XML code of our own). Cells come back as
// text: shared and inline strings (rich text runs joined), numbers as written (a formula's saved value), booleans
// as TRUE / FALSE. A merged range repeats its top-left value in every cell it covers. Refused, each in a
// sentence: a file that is not a zip, a zip that is not a workbook, a password-protected (encrypted) workbook or
// an old .xls file, a sheet that does not exist, and a cell holding a formula without a saved value or an
// error value (#DIV/0!, ...), named by sheet, row and column.
#include "lotstation/storage/error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage {

struct SheetCell {
    std::string text{};
    bool number = false; // a numeric cell (a date is a number: its serial day)
};

struct Sheet {
    std::string name{};
    std::vector<std::vector<SheetCell>> rows{}; // rows[0] is row 1; a row is as long as its last cell
};

// The sheets' names, in the workbook's order.
[[nodiscard]] Result<std::vector<std::string>> workbookSheets(const std::filesystem::path& path);
// The named sheet (case-insensitive), else the first.
[[nodiscard]] Result<Sheet> readSheet(const std::filesystem::path& path, const std::optional<std::string>& name = {});

// "A", "B", ..., "AA" for a 0-based column.
[[nodiscard]] std::string columnLetters(std::size_t column);

} // namespace lotstation::storage
