#pragma once
// The one error model of every Lotstation module. Expected failures are values: a kind the caller may branch
// on (exit codes, flash colours, "offer the supervisor's approval") and a sentence a person can act on
// ("lot SOAP-261124-03 is on hold"). Modules add no error types of their own; they pick a kind and write the
// sentence.
#include <expected>
#include <string>

namespace lotstation {

enum class ErrorKind {
    Invalid,       // the input itself is malformed: "2.5.3kg is not a quantity", a bad template, a bad request
    NotFound,      // names something that does not exist: "no item SOAP-OIL"
    Conflict,      // would duplicate or contradict something: "lot code X already exists", a sequence clash
    Refused,       // a business rule says no and no one may override it: more than on hand, wrong role
    NeedsOverride, // a rule says no, but a supervisor's reasoned approval may allow it (FEFO, hold, expiry)
    Io,            // a file, database, printer or device failed (disk full, read-only, locked); nothing written
    Unavailable,   // something we talk to cannot be reached now: server offline, camera or scale lost
    Unauthorized,  // a token, PIN or signature was not accepted
};

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string message;
};

template <typename T> using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
    return std::unexpected(Error{kind, std::move(message)});
}

[[nodiscard]] constexpr const char* toString(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Invalid: return "invalid";
    case ErrorKind::NotFound: return "not found";
    case ErrorKind::Conflict: return "conflict";
    case ErrorKind::Refused: return "refused";
    case ErrorKind::NeedsOverride: return "needs override";
    case ErrorKind::Io: return "io";
    case ErrorKind::Unavailable: return "unavailable";
    case ErrorKind::Unauthorized: return "unauthorized";
    }
    return "error";
}

} // namespace lotstation
