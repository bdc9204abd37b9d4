// SyncClient: one sync at a time (a mutex), on the caller's thread or on a background thread that backs off
// while the server is unreachable. status() reads a copy kept under its own lock.
#include "lotstation/sync/client.hpp"
#include "sync_steps.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

namespace lotstation::sync {

struct SyncClient::Impl {
    Impl(ClientOptions clientOptions, storage::Ledger stationLedger, StationStateStore stateStore,
         StationStateStore statusReader, HttpTransport transport)
        : options(std::move(clientOptions)), ledger(std::move(stationLedger)), store(std::move(stateStore)),
          statusStore(std::move(statusReader)), http(std::move(transport)) {}

    ClientOptions options;
    storage::Ledger ledger;
    StationStateStore store;
    StationStateStore statusStore; // a second connection: status() never waits for a running sync
    HttpTransport http;

    std::mutex syncMutex;
    mutable std::mutex statusMutex;
    SyncStatus current;

    std::thread thread;
    std::mutex wakeMutex;
    std::condition_variable wake;
    bool stopping = false;

    Result<SyncSummary> sync() {
        std::scoped_lock lock(syncMutex);
        auto state = store.load();
        SyncSummary summary;
        SyncSession session{ledger, http, store, state, summary, options, options.pushBatch, {}};
        session.pullProgress = [this](std::int64_t done, std::int64_t total) {
            {
                std::scoped_lock statusLock(statusMutex);
                current.catchingUp = CatchUp{done, total};
            }
            return !options.pullProgress || options.pullProgress(done, total);
        };
        Result<void> result;
        try {
            result = handshake(session);
            Result<void> pushed;
            if (result) pushed = pushOutbox(session);
            // A stopped push does not stop the pull: other stations' work still arrives here.
            if (result && (pushed || pushed.error().kind == ErrorKind::Conflict)) {
                if (options.pull) result = pullRemote(session);
                if (result && options.pull) result = applyMasterData(session);
                if (result && pushed) result = syncQualityRecords(session);
                if (result && !pushed) result = pushed;
            } else if (result) {
                result = pushed;
            }
            state.lastError = result ? std::nullopt : std::optional<std::string>(result.error().message);
            store.save(state);
        } catch (const sql::Exception& e) {
            result = fail(ErrorKind::Io, std::string("station database: ") + e.what());
        }
        summary.acked = state.acked;
        summary.serverEpoch = state.epoch;
        summary.conflictsOpen = state.conflictsOpen;
        summary.pending = pendingNow(state.acked);
        {
            std::scoped_lock statusLock(statusMutex);
            current.catchingUp.reset();
            current.acked = state.acked;
            current.conflictsOpen = state.conflictsOpen;
            current.pushStopped = state.pushStopped;
            current.lastError = result ? std::nullopt : std::optional<std::string>(result.error().message);
            if (state.lastContact) {
                if (auto at = storage::parseTimestamp(*state.lastContact)) current.lastContact = *at;
            }
        }
        if (!result) return std::unexpected(result.error());
        return summary;
    }

    std::int64_t pendingNow(std::int64_t acked) {
        std::scoped_lock lock(statusMutex);
        try {
            return statusStore.pendingAfter(acked);
        } catch (const sql::Exception&) {
            return current.pending;
        }
    }

    void loop(BackgroundOptions background) {
        auto backoff = background.minBackoff;
        while (true) {
            const auto result = sync();
            auto wait = background.interval;
            if (!result && result.error().kind != ErrorKind::Conflict) {
                wait = backoff;
                backoff = std::min(backoff * 2, background.maxBackoff);
            } else {
                backoff = background.minBackoff;
            }
            std::unique_lock lock(wakeMutex);
            if (wake.wait_for(lock, wait, [&] { return stopping; })) return;
        }
    }
};

SyncClient::SyncClient(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SyncClient::SyncClient(SyncClient&&) noexcept = default;
SyncClient& SyncClient::operator=(SyncClient&&) noexcept = default;

SyncClient::~SyncClient() {
    if (m_impl) stop();
}

Result<SyncClient> SyncClient::open(ClientOptions options) {
    auto http = HttpTransport::create(options);
    if (!http) return std::unexpected(http.error());
    auto ledger = storage::Ledger::open(options.ledgerPath);
    if (!ledger) return fail(ErrorKind::Io, ledger.error().message);
    try {
        // The sync state is written on the ledger's connection (a pulled page and its cursor commit
        // together); status() reads through a connection of its own.
        auto store = StationStateStore::on(*ledger);
        auto statusStore = StationStateStore::open(options.ledgerPath);
        auto impl = std::make_unique<Impl>(std::move(options), std::move(*ledger), std::move(store),
                                           std::move(statusStore), std::move(*http));
        auto state = impl->store.load();
        impl->current.acked = state.acked;
        impl->current.conflictsOpen = state.conflictsOpen;
        impl->current.pushStopped = state.pushStopped;
        impl->current.lastError = state.lastError;
        if (state.lastContact) {
            if (auto at = storage::parseTimestamp(*state.lastContact)) impl->current.lastContact = *at;
        }
        return SyncClient(std::move(impl));
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("station database: ") + e.what());
    }
}

Result<SyncSummary> SyncClient::syncOnce() {
    return m_impl->sync();
}

void SyncClient::start(BackgroundOptions options) {
    if (m_impl->thread.joinable()) return;
    {
        std::scoped_lock lock(m_impl->wakeMutex);
        m_impl->stopping = false;
    }
    {
        std::scoped_lock lock(m_impl->statusMutex);
        m_impl->current.running = true;
    }
    m_impl->thread = std::thread([impl = m_impl.get(), options] { impl->loop(options); });
}

void SyncClient::stop() {
    {
        std::scoped_lock lock(m_impl->wakeMutex);
        m_impl->stopping = true;
    }
    m_impl->wake.notify_all();
    if (m_impl->thread.joinable()) m_impl->thread.join();
    std::scoped_lock lock(m_impl->statusMutex);
    m_impl->current.running = false;
}

SyncStatus SyncClient::status() const {
    std::scoped_lock lock(m_impl->statusMutex);
    auto status = m_impl->current;
    try {
        status.pending = m_impl->statusStore.pendingAfter(status.acked);
    } catch (const sql::Exception&) {
        // Busy for longer than the timeout: show the last count rather than nothing.
    }
    return status;
}

Result<void> SyncClient::clearPushStop() {
    std::scoped_lock lock(m_impl->syncMutex);
    try {
        auto state = m_impl->store.load();
        state.pushStopped.reset();
        m_impl->store.save(state);
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("station database: ") + e.what());
    }
    std::scoped_lock statusLock(m_impl->statusMutex);
    m_impl->current.pushStopped.reset();
    return {};
}

Result<std::string> runSyncCommand(const std::filesystem::path& ledgerPath,
                                   const std::optional<std::string>& serverUrl,
                                   const std::optional<std::string>& token, const storage::Progress& pullProgress) {
    if (!std::filesystem::exists(ledgerPath))
        return fail(ErrorKind::Invalid, "no station database at " + ledgerPath.string());
    ClientOptions options;
    options.ledgerPath = ledgerPath;
    options.pullProgress = pullProgress;
    try {
        // The server and token given once are kept for the next `lotstation sync` without arguments.
        auto store = StationStateStore::open(ledgerPath);
        auto state = store.load();
        if (serverUrl) state.serverUrl = *serverUrl;
        if (token) state.token = *token;
        if (state.serverUrl.empty() || state.token.empty())
            return fail(ErrorKind::Invalid,
                        "no sync server configured: run once with --server URL --token T");
        store.save(state);
        options.serverUrl = state.serverUrl;
        options.token = state.token;
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("station database: ") + e.what());
    }
    auto client = SyncClient::open(options);
    if (!client) return std::unexpected(client.error());
    auto summary = client->syncOnce();
    if (!summary) return std::unexpected(summary.error());
    std::ostringstream out;
    out << "synced with " << options.serverUrl << "\n"
        << "  pushed " << summary->pushed << " movement(s); server acknowledges up to " << summary->acked
        << "\n"
        << "  pulled " << summary->pulled << " movement(s) of other stations";
    if (summary->pulledPresent > 0) out << " (" << summary->pulledPresent << " already here)";
    out << "\n  master data: " << summary->masterAdded << " record(s) added, " << summary->masterUpdated
        << " updated\n"
        << "  pending: " << summary->pending << "; open conflicts on the server: " << summary->conflictsOpen
        << "\n";
    if (summary->recordsPushed > 0 || summary->recordsPulled > 0)
        out << "  quality records: " << summary->recordsPushed << " pushed, " << summary->recordsPulled
            << " pulled\n";
    for (const auto& note : summary->notes)
        out << "  note: " << note << "\n";
    return out.str();
}

} // namespace lotstation::sync
