#pragma once
// The steps of one station sync, in the order SyncClient runs them: handshake (epoch and acked mark), push
// the outbox, pull other stations' movements, apply master data. Each saves its progress in the station
// database as it goes, so an interrupted sync resumes where it stopped.
#include "http_client.hpp"
#include "lotstation/storage/ledger.hpp"
#include "lotstation/sync/client.hpp"
#include "station_state.hpp"

namespace lotstation::sync {

struct SyncSession {
    storage::Ledger& ledger;
    HttpTransport& http;
    StationStateStore& store;
    StationSyncState& state;
    SyncSummary& summary;
    const ClientOptions& options;
    std::size_t pushBatch = 5000; // options.pushBatch, capped by what the server accepts
    storage::Progress pullProgress{}; // options.pullProgress, and the status the app shows
};

// Learns the server's epoch and acked mark; notices a new epoch or a lower mark (restored server) and
// rewinds so that what the server lost is pushed again.
[[nodiscard]] Result<void> handshake(SyncSession& session);
[[nodiscard]] Result<void> pushOutbox(SyncSession& session);
[[nodiscard]] Result<void> pullRemote(SyncSession& session);
[[nodiscard]] Result<void> applyMasterData(SyncSession& session);
// Quality records (record_steps.cpp): pull other stations', then push this station's.
[[nodiscard]] Result<void> syncQualityRecords(SyncSession& session);

} // namespace lotstation::sync
