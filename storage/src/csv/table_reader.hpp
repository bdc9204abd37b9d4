#pragma once
// A parsed CSV file seen as a table: header names matched case-insensitively to the columns an import knows,
// and cells read by column name with the line / column named in every problem.
#include "lotstation/storage/csv.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lotstation::storage::csv {

class Table {
  public:
    // Fails when the file is empty, a required column is missing or a column appears twice.
    [[nodiscard]] static Result<Table> read(std::string_view text, const std::vector<std::string>& known,
                                            const std::vector<std::string>& required);

    // Data rows, blank ones (every cell empty) left out.
    [[nodiscard]] const std::vector<CsvRecord>& rows() const { return m_rows; }
    [[nodiscard]] const std::vector<std::string>& ignored() const { return m_ignored; }

    // The trimmed cell, empty when the column is absent or the row is short.
    [[nodiscard]] std::string cell(const CsvRecord& row, const std::string& column) const;

  private:
    std::map<std::string, std::size_t> m_columns; // known name -> index
    std::vector<CsvRecord> m_rows;
    std::vector<std::string> m_ignored;
};

// Collects "line 7, column 'uom': 'kgs' is not g, ml or pc" problems.
class Problems {
  public:
    void add(const CsvRecord& row, const std::string& column, const std::string& message);
    void add(const CsvRecord& row, const std::string& message);
    [[nodiscard]] bool empty() const { return m_lines.empty(); }
    [[nodiscard]] Error error() const; // every problem, one per line
  private:
    std::vector<std::string> m_lines;
};

} // namespace lotstation::storage::csv
