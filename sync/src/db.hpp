#pragma once
// A small RAII door to SQLite for sync's own tables (cursor, acked mark, epoch, stations, conflicts), which
// live in the same file as the ledger but are sync's business. Failures throw db::Exception; the public
// functions of sync turn them into error values.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lotstation::sync::db {

class Exception : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }
    template <typename... Args> Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    bool step(); // true while a row is ready
    void run();  // steps to the end, then resets for another run
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optText(int column) const;

  private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const;
    };
    sqlite3* m_db = nullptr;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

class Database {
  public:
    // Opens read-write (creating when missing), WAL, synchronous=FULL, with a busy timeout.
    static Database open(const std::string& path, int busyTimeoutMs = 10000);

    void exec(const std::string& sql);
    [[nodiscard]] Statement prepare(std::string_view sql) const;

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    explicit Database(sqlite3* db) : m_db(db) {}
    std::unique_ptr<sqlite3, Closer> m_db;
};

// BEGIN IMMEDIATE; rolls back in its destructor unless commit() was called.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Database& m_db;
    bool m_done = false;
};

} // namespace lotstation::sync::db
