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
    // Several statements in one round trip, no parameters (schema, BEGIN / COMMIT).
    [[nodiscard]] Result<void> script(std::string_view sql);

    // BEGIN, body, COMMIT; ROLLBACK when the body fails or throws.
    template <typename Body> auto transaction(Body&& body) -> decltype(body()) {
        if (auto begun = script("BEGIN"); !begun) return std::unexpected(begun.error());
        try {
            auto result = body();
            if (!result) {
                (void)script("ROLLBACK");
                return result;
            }
            if (auto done = script("COMMIT"); !done) return std::unexpected(done.error());
            return result;
        } catch (...) {
            (void)script("ROLLBACK");
            throw;
        }
    }

  private:
    explicit Connection(pg_conn* connection);
    [[nodiscard]] Result<Rows> checked(pg_result* result);
    std::unique_ptr<pg_conn, void (*)(pg_conn*)> m_connection;
};

// True for the connection strings this store takes (postgresql:// or postgres://).
[[nodiscard]] bool isUrl(std::string_view text);

} // namespace lotstation::sync::pg
