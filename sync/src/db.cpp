#include "db.hpp"

#include <sqlite3.h>

namespace lotstation::sync::db {
namespace {

[[noreturn]] void throwError(sqlite3* db, std::string_view what) {
    throw Exception(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    m_statement.reset(raw);
    if (rc != SQLITE_OK || !raw) throwError(db, "cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_statement.get(), index, value) != SQLITE_OK) throwError(m_db, "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text64(m_statement.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK)
        throwError(m_db, "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    if (sqlite3_bind_null(m_statement.get(), index) != SQLITE_OK) throwError(m_db, "cannot bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(m_statement.get());
    sqlite3_reset(m_statement.get());
    throwError(m_db, "\"" + sql.substr(0, 60) + "\" failed");
}

void Statement::run() {
    while (step()) {
    }
    // Ready to bind and run again (a prepared statement reused in a loop).
    sqlite3_reset(m_statement.get());
    sqlite3_clear_bindings(m_statement.get());
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_statement.get(), column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_statement.get(), column);
    const auto size = sqlite3_column_bytes(m_statement.get(), column);
    if (!data) return {};
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::optText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

void Database::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

Database Database::open(const std::string& path, int busyTimeoutMs) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) throwError(raw, "cannot open " + path);
    sqlite3_busy_timeout(raw, busyTimeoutMs);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    return db;
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw Exception("\"" + sql.substr(0, 60) + "\" failed: " + text);
    }
}

Statement Database::prepare(std::string_view sql) const {
    return Statement(m_db.get(), sql);
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        m_db.exec("ROLLBACK");
    } catch (const Exception&) {
        // SQLite has rolled back already when ROLLBACK itself fails; nothing may leave a destructor.
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace lotstation::sync::db
