#pragma once
// storage-internal (not a public header: only storage and sync see it). RAII over the sqlite3 C API, after
// SQLiteCpp: the connection is a unique_ptr with a deleter, statements are movable and not copyable, a
// Transaction rolls back in its destructor unless commit() was called. Failures throw sql::Exception; the
// Ledger turns them into Error values at its public border.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace lotstation::storage::sql {

class Exception : public std::runtime_error {
  public:
    explicit Exception(const std::string& message, int code = 1, int systemErrno = 0)
        : std::runtime_error(message), m_code(code), m_errno(systemErrno) {}
    [[nodiscard]] int code() const { return m_code; }                         // SQLite result code
    [[nodiscard]] bool isConstraint() const { return (m_code & 0xff) == 19; } // SQLITE_CONSTRAINT
    // The disk (or the file's size limit) is full: SQLITE_FULL, or an I/O error whose system error was
    // ENOSPC, EFBIG or EDQUOT (SQLite reports a full tmpfs or a file size limit as a plain I/O error).
    [[nodiscard]] bool isDiskFull() const;
    [[nodiscard]] bool isReadOnly() const { return (m_code & 0xff) == 8; } // SQLITE_READONLY

  private:
    int m_code;
    int m_errno; // the operating system's errno behind an I/O error (sqlite3_system_errno), 0 if none
};

// Bytes bound as a BLOB (a document), not as text.
struct Blob {
    std::string_view bytes;
};

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql, bool persistent = false);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding, 1-based like SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, Blob value);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }
    // bindAll(a, b, c) binds ?1, ?2, ?3.
    template <typename... Args> Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // true while there is a row to read; false when done.
    bool step();
    // Steps to the end; for statements that return no rows.
    void run();
    // Ready to run again; bindings cleared.
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string text(int column) const;
    // The text without a copy: valid until the next step() or reset() (for reads of many rows).
    [[nodiscard]] std::string_view textView(int column) const;
    [[nodiscard]] std::string blob(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optInt64(int column) const;
    [[nodiscard]] std::optional<std::string> optText(int column) const;

  private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const;
    };
    sqlite3* m_db = nullptr;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

// A cached statement on loan: resets when the lease ends, so a half-read result never keeps a read snapshot
// (or a lock) open behind the caller's back.
class CachedStatement {
  public:
    explicit CachedStatement(Statement& statement) : m_statement(&statement) {}
    ~CachedStatement() { m_statement->reset(); }
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;

    template <typename... Args> CachedStatement& bindAll(const Args&... args) {
        m_statement->bindAll(args...);
        return *this;
    }
    bool step() { return m_statement->step(); }
    void run() { m_statement->run(); }
    [[nodiscard]] bool isNull(int column) const { return m_statement->isNull(column); }
    [[nodiscard]] std::int64_t int64(int column) const { return m_statement->int64(column); }
    [[nodiscard]] std::string text(int column) const { return m_statement->text(column); }
    [[nodiscard]] std::string_view textView(int column) const { return m_statement->textView(column); }
    [[nodiscard]] std::optional<std::int64_t> optInt64(int column) const {
        return m_statement->optInt64(column);
    }
    [[nodiscard]] std::optional<std::string> optText(int column) const {
        return m_statement->optText(column);
    }
    [[nodiscard]] Statement& statement() { return *m_statement; }
    [[nodiscard]] const Statement& statement() const { return *m_statement; }

  private:
    Statement* m_statement;
};

class Database {
  public:
    // Opens read-write, creating the file when missing.
    static Database open(const std::string& path, int busyTimeoutMs);

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;
    ~Database();

    void exec(const std::string& sql);
    [[nodiscard]] Statement prepare(std::string_view sql) const;
    // A prepared statement kept for the connection's life, reset and with bindings cleared. Do not hold it
    // across a call that may use the same SQL text (no recursion with the same query).
    [[nodiscard]] CachedStatement cached(std::string_view sql);

    [[nodiscard]] std::int64_t lastInsertRowid() const;
    [[nodiscard]] int userVersion() const;
    void setUserVersion(int version);
    [[nodiscard]] bool inTransaction() const;

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    explicit Database(sqlite3* db);
    // Statements must be finalized before the connection closes: declared after m_db so they die first.
    std::unique_ptr<sqlite3, Closer> m_db;
    std::unordered_map<std::string, Statement> m_cache;
};

class Transaction {
  public:
    enum class Mode { Deferred, Immediate };
    // Immediate by default: a writer takes the write lock up front, so it fails early (busy) instead of
    // half-way through. Inside an open transaction it is a SAVEPOINT instead, so operations compose: an inner
    // failure undoes only its own writes and the outer transaction decides about the rest.
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Database& m_db;
    bool m_nested = false;
    bool m_done = false;
};

} // namespace lotstation::storage::sql
