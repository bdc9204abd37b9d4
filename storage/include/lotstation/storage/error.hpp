#pragma once
// Expected failures of the ledger are values: a kind the caller can branch on (exit codes, colours) and a
// sentence the operator can read ("lot SOAP-261124-03 is on hold").
#include <expected>
#include <string>

namespace lotstation::storage {

enum class ErrorKind {
    Invalid,  // the input itself is malformed: "2.5.3kg is not a quantity"
    NotFound, // names something that does not exist: "no item SOAP-OIL"
    Conflict, // would duplicate something unique: "lot code X already exists"
    Refused,  // a business rule says no: more than on hand, expired lot, needs a supervisor
    Storage,  // the database failed (disk full, locked, corrupt); nothing was written
};

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string message;
};

template <typename T> using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
    return std::unexpected(Error{kind, std::move(message)});
}

[[nodiscard]] const char* toString(ErrorKind kind);

} // namespace lotstation::storage
