#pragma once
// Encoders for tools and tests that speak the protocol directly (sync/PROTOCOL.md) instead of through
// SyncClient: a benchmark pushing prepared batches, a test replaying a batch twice or out of order.
#include "lotstation/storage/ledger.hpp"

#include <span>
#include <string>
#include <string_view>

namespace lotstation::sync {

inline constexpr int kProtocolVersion = 1;

// The JSON body of POST /v1/push carrying `entries` of `ledger`'s own station, with the definitions of the
// lots (and their items) they name.
[[nodiscard]] std::string encodePush(const storage::Ledger& ledger,
                                     std::span<const storage::OutboxEntry> entries,
                                     std::string_view epoch = {});

} // namespace lotstation::sync
