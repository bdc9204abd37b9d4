#include "sync_steps.hpp"

#include "lotstation/sync/protocol.hpp"

#include <map>

namespace lotstation::sync {
namespace {

using wire::Json;

std::string nowText() {
    return storage::formatTimestamp(storage::systemClock()());
}

// The protocol's numbers and strings out of an answer; a missing one is the server's fault.
Result<std::int64_t> answerInteger(const Json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end() || !it->is_number_integer())
        return fail(ErrorKind::Invalid, std::string("the server's answer has no integer '") + name + "'");
    return it->get<std::int64_t>();
}

Result<std::string> answerString(const Json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end() || !it->is_string())
        return fail(ErrorKind::Invalid, std::string("the server's answer has no string '") + name + "'");
    return it->get<std::string>();
}

// The server's epoch and acked mark as one answer tells them: a new epoch (a new or replaced store) or a
// mark below ours (a store restored from a backup) rewinds what we push and where we pull from. Our mark
// never moves past `confirmedUpTo`, the last movement this answer is about: a server claiming more than we
// sent may hold other content under our numbers (our database was restored), which only pushing them again
// reveals.
void followServer(SyncSession& s, const std::string& epoch, std::int64_t acked, std::int64_t confirmedUpTo) {
    auto& state = s.state;
    if (!state.epoch.empty() && state.epoch != epoch) {
        s.summary.notes.push_back("the server's store is new (epoch " + epoch + ", was " + state.epoch +
                                  "): pushing again from movement " + std::to_string(acked + 1) +
                                  " and pulling from the start");
        state.cursor.clear();
    } else if (acked < state.acked) {
        s.summary.notes.push_back("the server acknowledges up to movement " + std::to_string(acked) +
                                  " but had acknowledged " + std::to_string(state.acked) +
                                  " (restored from a backup?): pushing again from " +
                                  std::to_string(acked + 1));
    }
    state.epoch = epoch;
    state.acked = std::min(acked, confirmedUpTo);
}

} // namespace

Result<void> handshake(SyncSession& s) {
    auto answer = s.http.get("/v1/status");
    if (!answer) return std::unexpected(answer.error());
    auto epoch = answerString(answer->body, "epoch");
    auto acked = answerInteger(answer->body, "acked");
    if (!epoch || !acked) return std::unexpected(!epoch ? epoch.error() : acked.error());
    if (auto id = answer->body.find("station_id"); id != answer->body.end() && id->is_string() &&
                                                   id->get<std::string>() != s.ledger.station().stationId) {
        return fail(ErrorKind::Unauthorized, "this token belongs to station " + id->get<std::string>() +
                                                 ", not to this one (" + s.ledger.station().stationId + ")");
    }
    if (auto open = answerInteger(answer->body, "conflicts_open")) s.state.conflictsOpen = *open;
    s.pushBatch = s.options.pushBatch;
    if (auto most = answerInteger(answer->body, "max_push"); most && *most > 0)
        s.pushBatch = std::min(s.pushBatch, static_cast<std::size_t>(*most));
    followServer(s, *epoch, *acked, s.state.acked);
    s.state.lastContact = nowText();
    s.store.save(s.state);
    return {};
}

Result<void> pushOutbox(SyncSession& s) {
    if (s.state.pushStopped) return fail(ErrorKind::Conflict, "pushing stopped: " + *s.state.pushStopped);
    int stalls = 0;
    while (true) {
        const auto read = s.ledger.outbox(s.state.acked, s.pushBatch);
        if (!read) return fail(ErrorKind::Io, read.error().message);
        const auto& batch = *read;
        if (batch.empty()) return {};
        auto answer = s.http.post("/v1/push", encodePush(s.ledger, batch, s.state.epoch));
        if (!answer) {
            if (answer.error().kind == ErrorKind::Conflict) {
                // Never overwrite, never retry on our own: a person must look at why the server holds
                // other content under our sequence numbers.
                s.state.pushStopped = answer.error().message;
                s.store.save(s.state);
            }
            return std::unexpected(answer.error());
        }
        auto epoch = answerString(answer->body, "epoch");
        auto acked = answerInteger(answer->body, "acked");
        auto applied = answerInteger(answer->body, "applied");
        if (!epoch || !acked || !applied)
            return std::unexpected(!epoch ? epoch.error() : !acked ? acked.error() : applied.error());
        if (auto open = answerInteger(answer->body, "conflicts_open")) s.state.conflictsOpen = *open;
        const auto before = s.state.acked;
        followServer(s, *epoch, *acked, batch.back().seq);
        s.summary.pushed += *applied;
        s.state.lastContact = nowText();
        s.store.save(s.state);
        if (s.state.acked > before) {
            stalls = 0;
            continue;
        }
        // No progress: a rewind (restored server) gets a few tries; a server that keeps refusing the next
        // movement is reported.
        if (++stalls > 3) {
            const auto stopped = answer->body.value("stopped", std::string("no reason given"));
            return fail(ErrorKind::Invalid,
                        "the server does not accept movement " + std::to_string(*acked + 1) + ": " + stopped);
        }
    }
}

} // namespace lotstation::sync
