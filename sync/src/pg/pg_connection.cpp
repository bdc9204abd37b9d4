// libpq behind lotstation::Result: every failure becomes a kind and the server's own sentence.
#include "pg_connection.hpp"

#include <libpq-fe.h>

namespace lotstation::sync::pg {
namespace {

std::string trimmed(const char* text) {
    std::string out = text ? text : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

// SQLSTATE classes that mean "another writer got there first": the caller may retry or report a conflict.
ErrorKind kindOf(const char* sqlstate) {
    const std::string_view state = sqlstate ? sqlstate : "";
    if (state == "23505" || state == "40001" || state == "40P01") return ErrorKind::Conflict;
    if (state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03")
        return ErrorKind::Unavailable;
    return ErrorKind::Io;
}

} // namespace

Rows::Rows(pg_result* result) : m_result(result, PQclear) {}

int Rows::size() const {
    return PQntuples(m_result.get());
}

bool Rows::null(int row, int column) const {
    return PQgetisnull(m_result.get(), row, column) != 0;
}

std::string Rows::text(int row, int column) const {
    return std::string(PQgetvalue(m_result.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(m_result.get(), row, column)));
}

std::int64_t Rows::int64(int row, int column) const {
    return std::stoll(PQgetvalue(m_result.get(), row, column));
}

bool isUrl(std::string_view text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

Connection::Connection(pg_conn* connection) : m_connection(connection, PQfinish) {}

Result<Connection> Connection::open(std::string_view url) {
    char* parseError = nullptr;
    const std::string text(url);
    PQconninfoOption* options = PQconninfoParse(text.c_str(), &parseError);
    if (!options) {
        const auto why = trimmed(parseError);
        PQfreemem(parseError);
        return fail(ErrorKind::Invalid, "not a PostgreSQL connection string (" + why +
                                            "); write e.g. postgresql://lotstation@localhost/lotstation");
    }
    PQconninfoFree(options);
    pg_conn* connection = PQconnectdb(text.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        const auto why = trimmed(PQerrorMessage(connection));
        PQfinish(connection);
        return fail(ErrorKind::Unavailable, "cannot connect to the PostgreSQL store: " + why);
    }
    Connection out(connection);
    // Notices ("relation exists, skipping") are not for people running the server.
    if (auto quiet = out.script("SET client_min_messages = warning"); !quiet)
        return std::unexpected(quiet.error());
    return out;
}

// The answer, or the failure libpq reports (a lost connection is Unavailable whatever the statement was).
Result<Rows> Connection::checked(pg_result* result) {
    const auto status = PQresultStatus(result);
    if (result && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) return Rows(result);
    const auto kind = PQstatus(m_connection.get()) == CONNECTION_BAD
                          ? ErrorKind::Unavailable
                          : kindOf(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    const auto why = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(m_connection.get()));
    PQclear(result);
    return fail(kind, "PostgreSQL store: " + why);
}

bool Connection::broken() const {
    return PQstatus(m_connection.get()) == CONNECTION_BAD;
}

// A connection the database dropped (a restart, a failover, an administrator ending it) is opened again
// before the next statement that starts afresh; inside a transaction the failure stands (what it did is
// gone with it) and the caller's whole transaction fails, to be retried by its caller.
template <typename Send> Result<Rows> Connection::withReconnect(Send&& send) {
    auto result = checked(send());
    if (result || m_depth > 0 || PQstatus(m_connection.get()) != CONNECTION_BAD) return result;
    PQreset(m_connection.get());
    if (PQstatus(m_connection.get()) != CONNECTION_OK) return result;
    if (!checked(PQexec(m_connection.get(), "SET client_min_messages = warning"))) return result;
    return checked(send());
}

Result<Rows> Connection::exec(std::string_view sql, const Params& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    const std::string statement(sql);
    return withReconnect([&] {
        return PQexecParams(m_connection.get(), statement.c_str(), static_cast<int>(values.size()), nullptr,
                            values.data(), nullptr, nullptr, 0);
    });
}

Result<void> Connection::copyIn(std::string_view copySql, std::string_view rows) {
    const std::string statement(copySql);
    auto* conn = m_connection.get();
    pg_result* started = PQexec(conn, statement.c_str());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
        auto failed = checked(started);
        if (!failed) return std::unexpected(failed.error());
        return fail(ErrorKind::Io, "PostgreSQL store: " + statement + " did not start a copy");
    }
    PQclear(started);
    const bool sent = PQputCopyData(conn, rows.data(), static_cast<int>(rows.size())) == 1;
    const bool ended = PQputCopyEnd(conn, sent ? nullptr : "the rows could not be sent") == 1;
    Result<void> out;
    // The copy's own result, then nothing: every result is read so the connection is ready again.
    while (pg_result* result = PQgetResult(conn)) {
        auto done = checked(result);
        if (!done && out) out = std::unexpected(done.error());
    }
    if (out && !(sent && ended))
        return fail(PQstatus(conn) == CONNECTION_BAD ? ErrorKind::Unavailable : ErrorKind::Io,
                    "PostgreSQL store: " + trimmed(PQerrorMessage(conn)));
    return out;
}

void copyField(std::string& row, std::string_view value) {
    for (const char c : value) {
        switch (c) {
        case '\\':
            row += "\\\\";
            break;
        case '\t':
            row += "\\t";
            break;
        case '\n':
            row += "\\n";
            break;
        case '\r':
            row += "\\r";
            break;
        default:
            row += c;
        }
    }
}

Result<void> Connection::script(std::string_view sql) {
    const std::string statement(sql);
    auto done = withReconnect([&] { return PQexec(m_connection.get(), statement.c_str()); });
    if (!done) return std::unexpected(done.error());
    return {};
}

} // namespace lotstation::sync::pg
