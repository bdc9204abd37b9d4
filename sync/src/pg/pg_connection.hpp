#pragma once
// A PostgreSQL connection through libpq, speaking the one error model: a server that cannot be reached is
// Unavailable, a refused statement is Io (or Conflict for a unique violation / serialization failure), a bad
// connection string is Invalid. Parameters travel as text, separately from the SQL (never spliced in).
#include "lotstation/core/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace lotstation::sync::pg {

// One answer: rows of text values (NULL is nullopt).
class Rows {
  public:
    explicit Rows(pg_result* result);
    [[nodiscard]] int size() const;
    [[nodiscard]] bool null(int row, int column) const;
    [[nodiscard]] std::string text(int row, int column) const;
    [[nodiscard]] std::int64_t int64(int row, int column) const;

  private:
    std::shared_ptr<pg_result> m_result;
};

using Params = std::vector<std::optional<std::string>>;

class Connection {
  public:
    // `url` is a libpq connection URI (postgresql://user@host:port/db?...) or key=value string.
    [[nodiscard]] static Result<Connection> open(std::string_view url);

    [[nodiscard]] Result<Rows> exec(std::string_view sql, const Params& params = {});
    // COPY ... FROM STDIN with `rows` in COPY's text format (copyField() escapes a value), inside a
    // transaction: many rows without an array parameter to parse.
    [[nodiscard]] Result<void> copyIn(std::string_view copySql, std::string_view rows);
    // Several statements in one round trip, no parameters (schema, BEGIN / COMMIT).
    [[nodiscard]] Result<void> script(std::string_view sql);

    // BEGIN, body, COMMIT; ROLLBACK when the body fails or throws. Inside another transaction of this
    // connection it is a savepoint: its work commits (or not) with the outer one.
    template <typename Body> auto transaction(Body&& body) -> decltype(body()) {
        const bool nested = m_depth > 0;
        if (auto begun = script(nested ? "SAVEPOINT nested" : "BEGIN"); !begun) return std::unexpected(begun.error());
        const auto undo = nested ? "ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested" : "ROLLBACK";
        ++m_depth;
        try {
            auto result = body();
            --m_depth;
            if (!result) {
                if (!broken()) (void)script(undo); // a dropped connection took its transaction with it
                return result;
            }
            if (auto done = script(nested ? "RELEASE SAVEPOINT nested" : "COMMIT"); !done)
                return std::unexpected(done.error());
            return result;
        } catch (...) {
            --m_depth;
            if (!broken()) (void)script(undo);
            throw;
        }
    }

  private:
    explicit Connection(pg_conn* connection);
    [[nodiscard]] bool broken() const;
    [[nodiscard]] Result<Rows> checked(pg_result* result);
    template <typename Send> [[nodiscard]] Result<Rows> withReconnect(Send&& send);
    std::unique_ptr<pg_conn, void (*)(pg_conn*)> m_connection;
    int m_depth = 0; // open transaction() calls
};

// Appends `value` to a row of COPY's text format: backslash, tab, newline and carriage return escaped.
void copyField(std::string& row, std::string_view value);

// True for the connection strings this store takes (postgresql:// or postgres://).
[[nodiscard]] bool isUrl(std::string_view text);

} // namespace lotstation::sync::pg
