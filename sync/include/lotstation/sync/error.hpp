#pragma once
// Expected failures of sync are values: what kind (the station shows "offline" differently from "the server
// refused our data") and a sentence for people.
#include <expected>
#include <string>

namespace lotstation::sync {

enum class SyncErrorKind {
    Offline,          // the server cannot be reached (connection refused, timeout, dropped)
    Unauthorized,     // the server refused the token or the station id
    SequenceConflict, // the server holds another movement under one of our sequence numbers: pushing stopped
    Refused,          // the server refused a request as malformed or too large
    Protocol,         // the server's answer is not what the protocol says
    Storage,          // the local database failed or holds something it cannot apply
    Invalid,          // a bad argument (URL, path, name)
};

struct SyncError {
    SyncErrorKind kind = SyncErrorKind::Invalid;
    std::string message;
};

template <typename T> using SyncResult = std::expected<T, SyncError>;

[[nodiscard]] inline std::unexpected<SyncError> syncFail(SyncErrorKind kind, std::string message) {
    return std::unexpected(SyncError{kind, std::move(message)});
}

[[nodiscard]] const char* toString(SyncErrorKind kind);

} // namespace lotstation::sync
