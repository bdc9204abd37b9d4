#include "lotstation/scan/decode_worker.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace lotstation::scan {

using Clock = std::chrono::steady_clock;

struct DecodeWorker::Shared {
    DecodeWorkerSettings settings;

    // The inbox: at most one frame, the latest.
    std::mutex inboxMutex;
    std::condition_variable inboxChanged;
    std::optional<Frame> pending;
    std::atomic<bool> hasPending{false}; // read by the decoder without the lock
    bool busy = false;
    bool stopping = false;

    // The mailbox the UI thread polls.
    std::mutex mailboxMutex;
    std::deque<DecodeOutcome> mailbox;

    mutable std::mutex statsMutex;
    DecodeWorkerStats stats;

    std::thread thread;

    void post(DecodeOutcome outcome) {
        std::lock_guard lock(mailboxMutex);
        mailbox.push_back(std::move(outcome));
        // An unpolled mailbox must not grow without bound; registered scans are the last thing to lose.
        while (mailbox.size() > settings.mailboxCapacity) {
            auto victim = std::find_if(mailbox.begin(), mailbox.end(),
                                       [](const DecodeOutcome& o) { return o.registered.empty(); });
            mailbox.erase(victim == mailbox.end() ? mailbox.begin() : victim);
        }
    }

    void run() {
        LiveDecoder decoder(settings.decoder);
        Dedupe dedupe(settings.dedupe);
        for (;;) {
            Frame frame;
            {
                std::unique_lock lock(inboxMutex);
                busy = false;
                inboxChanged.notify_all();
                inboxChanged.wait(lock, [&] { return stopping || pending.has_value(); });
                if (stopping) return;
                frame = std::move(*pending);
                pending.reset();
                hasPending = false;
                busy = true;
            }
            DecodeOutcome outcome;
            outcome.sequence = frame.sequence;
            outcome.frameTime = frame.captureTime;
            try {
                outcome.seen = decoder.decode(frame, &hasPending);
                outcome.passes = decoder.lastReport();
            } catch (const std::exception&) {
                // LiveDecoder does not throw; should an allocation fail, this frame simply found nothing.
            }
            outcome.decodedAt = Clock::now();
            outcome.registered = dedupe.update(outcome.seen, outcome.decodedAt);
            {
                std::lock_guard lock(statsMutex);
                ++stats.decoded;
                stats.registered += outcome.registered.size();
            }
            post(std::move(outcome));
        }
    }
};

DecodeWorker::DecodeWorker(DecodeWorkerSettings settings) : m_shared(std::make_shared<Shared>()) {
    m_shared->settings = std::move(settings);
    m_shared->thread = std::thread([shared = m_shared] { shared->run(); });
}

DecodeWorker::~DecodeWorker() {
    stop();
}

void DecodeWorker::stop() {
    {
        std::lock_guard lock(m_shared->inboxMutex);
        m_shared->stopping = true;
    }
    m_shared->inboxChanged.notify_all();
    if (m_shared->thread.joinable()) m_shared->thread.join();
}

void DecodeWorker::submit(Frame frame) {
    bool replaced = false;
    {
        std::lock_guard lock(m_shared->inboxMutex);
        if (m_shared->stopping) return;
        replaced = m_shared->pending.has_value();
        m_shared->pending = std::move(frame);
        m_shared->hasPending = true;
    }
    m_shared->inboxChanged.notify_all();
    std::lock_guard lock(m_shared->statsMutex);
    ++m_shared->stats.submitted;
    if (replaced) ++m_shared->stats.dropped;
}

std::vector<DecodeOutcome> DecodeWorker::poll() {
    std::lock_guard lock(m_shared->mailboxMutex);
    std::vector<DecodeOutcome> out(std::make_move_iterator(m_shared->mailbox.begin()),
                                   std::make_move_iterator(m_shared->mailbox.end()));
    m_shared->mailbox.clear();
    return out;
}

DecodeWorkerStats DecodeWorker::stats() const {
    std::lock_guard lock(m_shared->statsMutex);
    return m_shared->stats;
}

bool DecodeWorker::waitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_shared->inboxMutex);
    return m_shared->inboxChanged.wait_for(lock, timeout, [&] {
        return m_shared->stopping || (!m_shared->pending.has_value() && !m_shared->busy);
    });
}

} // namespace lotstation::scan
