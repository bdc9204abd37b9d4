#include "sqlite/database.hpp"

#include <cerrno>
#include <mutex>
#include <sqlite3.h>

namespace lotstation::storage::sql {
namespace {

[[noreturn]] void throwError(sqlite3* db, int code, std::string_view what) {
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw Exception(message, db ? sqlite3_extended_errcode(db) : code, db ? sqlite3_system_errno(db) : 0);
}

// A statement that may fail half-way (a movement insert fires triggers) keeps the pages it changes in a
// statement journal, in memory until it outgrows SQLITE_CONFIG_STMTJRNL_SPILL (64 KiB by default) and in a
// temp file for the rest of the transaction after that: a pulled page of 5,000 movements then wrote ~3
// pages per movement to /var/tmp, a fifth of its time. A statement's journal is emptied when it ends, so
// 16 MiB is reached only by statements inside a savepoint that touch thousands of pages (then it spills as
// before). Process-wide, so set once, before the first connection initialises SQLite (a no-op when the
// process has initialised it already).
void configureOnce() {
    static std::once_flag once;
    std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 16 << 20); });
}

} // namespace

bool Exception::isDiskFull() const {
    if ((m_code & 0xff) == SQLITE_FULL) return true;
    return (m_code & 0xff) == SQLITE_IOERR && (m_errno == ENOSPC || m_errno == EFBIG || m_errno == EDQUOT);
}

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

Statement::Statement(sqlite3* db, std::string_view sql, bool persistent) : m_db(db) {
    sqlite3_stmt* raw = nullptr;
    const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &raw, nullptr);
    m_statement.reset(raw);
    if (rc != SQLITE_OK) throwError(db, rc, "cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
    if (!raw) throw Exception("empty SQL statement");
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(m_statement.get(), index, value);
    if (rc != SQLITE_OK) throwError(m_db, rc, "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(m_statement.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK) throwError(m_db, rc, "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, Blob value) {
    const int rc = sqlite3_bind_blob64(m_statement.get(), index, value.bytes.data(), value.bytes.size(),
                                       SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throwError(m_db, rc, "cannot bind");
    return *this;
}

std::string Statement::blob(int column) const {
    const auto* data = sqlite3_column_blob(m_statement.get(), column);
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    if (!data) return {};
    return std::string(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

Statement& Statement::bind(int index, std::nullopt_t) {
    const int rc = sqlite3_bind_null(m_statement.get(), index);
    if (rc != SQLITE_OK) throwError(m_db, rc, "cannot bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(m_statement.get());
    sqlite3_reset(m_statement.get());
    throwError(m_db, rc, "\"" + sql.substr(0, 60) + "\" failed");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
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
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    if (!data) return {};
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::string_view Statement::textView(int column) const {
    const auto* data = sqlite3_column_text(m_statement.get(), column);
    const int size = sqlite3_column_bytes(m_statement.get(), column);
    if (!data) return {};
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::optional<std::int64_t> Statement::optInt64(int column) const {
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

std::optional<std::string> Statement::optText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

void Database::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

Database::Database(sqlite3* db) : m_db(db) {}

Database::~Database() {
    m_cache.clear(); // finalize statements before the connection closes
}

Database Database::open(const std::string& path, int busyTimeoutMs) {
    configureOnce();
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) throwError(raw, rc, "cannot open " + path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, busyTimeoutMs);
    return db;
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw Exception(text, sqlite3_extended_errcode(m_db.get()), sqlite3_system_errno(m_db.get()));
    }
}

Statement Database::prepare(std::string_view sql) const {
    return Statement(m_db.get(), sql);
}

CachedStatement Database::cached(std::string_view sql) {
    auto found = m_cache.find(std::string(sql));
    if (found == m_cache.end()) {
        found = m_cache.emplace(std::string(sql), Statement(m_db.get(), sql, true)).first;
    } else {
        found->second.reset();
    }
    return CachedStatement(found->second);
}

std::int64_t Database::lastInsertRowid() const {
    return sqlite3_last_insert_rowid(m_db.get());
}

int Database::userVersion() const {
    auto statement = prepare("PRAGMA user_version");
    statement.step();
    return static_cast<int>(statement.int64(0));
}

void Database::setUserVersion(int version) {
    exec("PRAGMA user_version = " + std::to_string(version));
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(m_db.get()) == 0;
}

Transaction::Transaction(Database& db, Mode mode) : m_db(db), m_nested(db.inTransaction()) {
    if (m_nested) {
        m_db.exec("SAVEPOINT lotstation_nested");
    } else {
        m_db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    }
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        m_db.exec(m_nested ? "ROLLBACK TO lotstation_nested; RELEASE lotstation_nested" : "ROLLBACK");
    } catch (const Exception&) {
        // Nothing may leave a destructor; SQLite has already rolled back when ROLLBACK itself fails.
    }
}

void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE lotstation_nested" : "COMMIT");
    m_done = true;
}

} // namespace lotstation::storage::sql
