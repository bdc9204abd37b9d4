// BackgroundSync: one thread that waits (interval, back-off, nudge, stop), syncs with a SyncClient made from
// the server remembered in the station database, and publishes a status snapshot under a mutex.
#include "lotstation/sync/background_sync.hpp"

#include "station_state.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace lotstation::sync {

const char* toString(SyncLink link) {
    switch (link) {
    case SyncLink::NotConfigured:
        return "not configured";
    case SyncLink::Offline:
        return "offline";
    case SyncLink::Online:
        return "online";
    case SyncLink::Failing:
        return "failing";
    }
    return "unknown";
}

struct BackgroundSync::Impl {
    using SteadyClock = std::chrono::steady_clock;

    Impl(BackgroundSyncOptions syncOptions, StationStateStore stateReader)
        : options(std::move(syncOptions)), reader(std::move(stateReader)) {}

    BackgroundSyncOptions options;
    StationStateStore reader; // the thread's own connection: remembered server, acked mark, pending count
    std::optional<SyncClient> client;
    std::string clientUrl;
    std::string clientToken;

    mutable std::mutex statusMutex;
    BackgroundStatus current;

    std::mutex wakeMutex;
    std::condition_variable wake;
    bool stopping = false;
    bool nudged = false;
    std::thread thread;

    template <typename Change> void publish(Change change) {
        std::scoped_lock lock(statusMutex);
        change(current);
    }

    void refreshPending() {
        try {
            const auto state = reader.load();
            const auto pending = reader.pendingAfter(state.acked);
            publish([&](BackgroundStatus& s) { s.pending = pending; });
        } catch (const sql::Exception&) {
            // Busy for longer than the timeout: keep the last count.
        }
    }

    // Runs one sync when the server is configured. Returns how long to wait before the next one.
    std::chrono::milliseconds syncOnce(std::chrono::milliseconds& backoff) {
        const auto& timing = options.timing;
        StationSyncState state;
        try {
            state = reader.load();
        } catch (const sql::Exception& e) {
            return failed(SyncLink::Failing, std::string("station database: ") + e.what(), backoff);
        }
        if (state.serverUrl.empty() || state.token.empty()) {
            client.reset();
            publish([](BackgroundStatus& s) {
                s.link = SyncLink::NotConfigured;
                s.why = "no sync server configured";
                s.serverUrl.clear();
            });
            refreshPending();
            return timing.interval;
        }
        if (!client || clientUrl != state.serverUrl || clientToken != state.token) {
            client.reset();
            ClientOptions clientOptions;
            clientOptions.serverUrl = state.serverUrl;
            clientOptions.token = state.token;
            clientOptions.ledgerPath = options.ledgerPath;
            clientOptions.caCert = options.caCert;
            clientOptions.timeout = options.timeout;
            // A long catch-up shows how far it is, and stopping the station does not wait for its end: the
            // pull stops after the page in hand (what was applied stays; the next start goes on from there).
            clientOptions.pullProgress = [this](std::int64_t done, std::int64_t total) {
                publish([&](BackgroundStatus& s) { s.catchingUp = CatchUp{done, total}; });
                std::scoped_lock lock(wakeMutex);
                return !stopping;
            };
            auto opened = SyncClient::open(clientOptions);
            if (!opened) return failed(SyncLink::Failing, opened.error().message, backoff);
            client.emplace(std::move(*opened));
            clientUrl = state.serverUrl;
            clientToken = state.token;
        }
        publish([&](BackgroundStatus& s) {
            s.syncing = true;
            s.serverUrl = state.serverUrl;
            ++s.attempts;
        });
        const auto result = client->syncOnce();
        const auto after = client->status();
        publish([&](BackgroundStatus& s) {
            s.syncing = false;
            s.catchingUp.reset();
            s.pending = after.pending;
            s.lastContact = after.lastContact;
            s.conflicts = after.conflictsOpen;
            s.lastError = after.lastError;
            s.pushStopped = after.pushStopped;
        });
        if (result) {
            backoff = timing.minBackoff;
            publish([](BackgroundStatus& s) {
                s.link = SyncLink::Online;
                s.why.clear();
            });
            return timing.interval;
        }
        const auto& error = result.error();
        if (error.kind == ErrorKind::Conflict) {
            // Not transient: pushing waits for a person; pulling goes on at the normal pace.
            backoff = timing.minBackoff;
            publish([&](BackgroundStatus& s) {
                s.link = SyncLink::Failing;
                s.why = error.message;
            });
            return timing.interval;
        }
        return failed(error.kind == ErrorKind::Unavailable ? SyncLink::Offline : SyncLink::Failing,
                      error.message, backoff);
    }

    std::chrono::milliseconds failed(SyncLink link, const std::string& why,
                                     std::chrono::milliseconds& backoff) {
        publish([&](BackgroundStatus& s) {
            s.link = link;
            s.why = why;
            s.lastError = why;
            s.syncing = false;
        });
        const auto wait = backoff;
        backoff = std::min(backoff * 2, options.timing.maxBackoff);
        return wait;
    }

    void loop() {
        auto backoff = options.timing.minBackoff;
        auto nextSync = SteadyClock::now(); // the first sync at once
        while (true) {
            {
                std::unique_lock lock(wakeMutex);
                const auto until = std::min(nextSync, SteadyClock::now() + options.statusRefresh);
                wake.wait_until(lock, until, [&] { return stopping || nudged; });
                if (stopping) return;
                if (nudged) {
                    nudged = false;
                    nextSync = SteadyClock::now();
                }
            }
            if (SteadyClock::now() < nextSync) {
                refreshPending();
                continue;
            }
            nextSync = SteadyClock::now() + syncOnce(backoff);
        }
    }
};

BackgroundSync::BackgroundSync(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
BackgroundSync::BackgroundSync(BackgroundSync&&) noexcept = default;
BackgroundSync& BackgroundSync::operator=(BackgroundSync&&) noexcept = default;

BackgroundSync::~BackgroundSync() {
    if (m_impl) stop();
}

Result<BackgroundSync> BackgroundSync::start(BackgroundSyncOptions options) {
    if (!std::filesystem::exists(options.ledgerPath))
        return fail(ErrorKind::Invalid, "no station database at " + options.ledgerPath.string());
    try {
        auto reader = StationStateStore::open(options.ledgerPath);
        auto impl = std::make_unique<Impl>(std::move(options), std::move(reader));
        const auto state = impl->reader.load();
        impl->current.serverUrl = state.serverUrl;
        impl->current.pending = impl->reader.pendingAfter(state.acked);
        impl->current.conflicts = state.conflictsOpen;
        impl->current.lastError = state.lastError;
        impl->current.pushStopped = state.pushStopped;
        if (state.lastContact) {
            if (auto at = storage::parseTimestamp(*state.lastContact)) impl->current.lastContact = *at;
        }
        impl->current.running = true;
        impl->thread = std::thread([raw = impl.get()] { raw->loop(); });
        return BackgroundSync(std::move(impl));
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("station database: ") + e.what());
    }
}

bool serverRemembered(const std::filesystem::path& ledgerPath) {
    if (!std::filesystem::exists(ledgerPath)) return false;
    try {
        auto store = StationStateStore::open(ledgerPath);
        const auto state = store.load();
        return !state.serverUrl.empty() && !state.token.empty();
    } catch (const sql::Exception&) {
        return false;
    }
}

void BackgroundSync::nudge() {
    {
        std::scoped_lock lock(m_impl->wakeMutex);
        m_impl->nudged = true;
    }
    m_impl->wake.notify_all();
}

void BackgroundSync::stop() {
    {
        std::scoped_lock lock(m_impl->wakeMutex);
        m_impl->stopping = true;
    }
    m_impl->wake.notify_all();
    if (m_impl->thread.joinable()) m_impl->thread.join();
    m_impl->client.reset();
    std::scoped_lock lock(m_impl->statusMutex);
    m_impl->current.running = false;
    m_impl->current.syncing = false;
}

BackgroundStatus BackgroundSync::status() const {
    std::scoped_lock lock(m_impl->statusMutex);
    return m_impl->current;
}

} // namespace lotstation::sync
