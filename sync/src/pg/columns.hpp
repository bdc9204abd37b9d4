#pragma once
// Many rows in one statement: each column travels as one PostgreSQL array parameter and the statement
// unnests them ("INSERT ... SELECT * FROM unnest($1::text[], $2::bigint[])"), up to 5000 rows a statement.
#include "order_log.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace lotstation::sync::pg {

class Columns {
  public:
    explicit Columns(std::size_t width) : m_columns(width) {}
    void add(std::vector<std::string> row) {
        for (std::size_t i = 0; i < row.size(); ++i)
            m_columns[i].push_back(std::move(row[i]));
    }
    [[nodiscard]] std::size_t rows() const { return m_columns.empty() ? 0 : m_columns[0].size(); }

    // Runs `sql` once per chunk; every answer row is handed to `each`.
    template <typename Each> [[nodiscard]] Result<void> run(Connection& db, const std::string& sql, Each&& each) {
        constexpr std::size_t kChunk = 5000;
        for (std::size_t from = 0; from < rows(); from += kChunk) {
            Params params;
            const auto end = std::min(rows(), from + kChunk);
            for (const auto& column : m_columns)
                params.emplace_back(textArray({column.begin() + static_cast<std::ptrdiff_t>(from),
                                               column.begin() + static_cast<std::ptrdiff_t>(end)}));
            auto answer = db.exec(sql, params);
            if (!answer) return std::unexpected(answer.error());
            for (int row = 0; row < answer->size(); ++row)
                each(*answer, row);
        }
        return {};
    }
    [[nodiscard]] Result<void> insert(Connection& db, const std::string& sql) {
        return run(db, sql, [](const Rows&, int) {});
    }

  private:
    std::vector<std::vector<std::string>> m_columns;
};

} // namespace lotstation::sync::pg
