// Quality records on the central server (sync/PROTOCOL.md "Quality records"): POST /v1/records applies a
// station's records in sequence order, each exactly once, and answers with the highest contiguous sequence
// held; GET /v1/records hands out other stations' records in the order they arrived, by cursor.
#include "central_backend.hpp"
#include "wire.hpp"

#include "lotstation/storage/quality_sync.hpp"

#include <algorithm>
#include <charconv>

namespace lotstation::sync {
namespace {

using wire::Json;

Reply answer(int status, const Json& body) {
    return Reply{status, body.dump(), false};
}

Reply refusal(int status, std::string_view code, std::string_view detail) {
    return Reply{status, wire::errorBody(code, detail), false};
}

} // namespace

Reply CentralBackend::pushRecords(const Caller& caller, std::string_view text, const PullLimits& limits) {
    Json body = Json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return refusal(400, "malformed", "the body is not a JSON object");
    std::string station;
    std::vector<storage::QualityRecord> records;
    try {
        station = wire::stringAt(body, "station", "body");
        const auto& list = wire::arrayAt(body, "records", "body");
        if (list.size() > limits.maxPushMovements)
            return refusal(413, "too-large",
                           "a push holds at most " + std::to_string(limits.maxPushMovements) + " records");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto where = "records[" + std::to_string(i) + "]";
            records.push_back(wire::qualityRecordFrom(list[i], where));
            if (records.back().stationId != station)
                throw wire::WireError(where + " is from station " + records.back().stationId + ", not " + station);
        }
    } catch (const wire::WireError& e) {
        return refusal(400, "malformed", e.what());
    }
    if (caller.stationId && *caller.stationId != station)
        return refusal(403, "wrong-station", "this token belongs to station " + caller.name + " (" +
                                                 *caller.stationId + "), not to " + station);
    if (!caller.stationId) {
        // A station that has recorded no movement yet (a lab that only inspects) binds its id with its records.
        auto taken = stationWithId(station);
        if (!taken) return storageError(taken.error());
        if (*taken || station == ownStationId())
            return refusal(403, "wrong-station", "station id " + station + " belongs to another station");
    }
    std::ranges::stable_sort(records, {}, &storage::QualityRecord::seq);
    auto done = applyRecords(caller, station, records);
    if (!done) return storageError(done.error());
    Json out = {{"epoch", epoch}, {"acked", done->acked}, {"applied", done->applied},
                {"already_present", done->present}};
    Reply reply = answer(200, out);
    if (done->stopped) {
        const auto& stopped = *done->stopped;
        if (stopped.kind == ErrorKind::Conflict) {
            out["error"] = "sequence-conflict";
            out["detail"] = stopped.message;
            reply = answer(409, out);
        } else if (stopped.kind == ErrorKind::Invalid) {
            out["error"] = "invalid-record";
            out["detail"] = stopped.message;
            reply = answer(422, out);
        } else {
            // A gap or a lot not here yet: the station sends what is missing and tries again.
            out["stopped"] = stopped.message;
            reply = answer(200, out);
        }
    }
    reply.committed = done->applied > 0;
    return reply;
}

Reply CentralBackend::pullRecords(const Caller& caller, std::string_view cursor, std::string_view limitText,
                                      const PullLimits& limits) {
    const auto limit = limits.pick(limitText);
    if (!limit) return refusal(400, "malformed", "limit must be a positive integer");
    std::int64_t position = 0;
    bool reset = false;
    if (!cursor.empty()) {
        // "<position>.<record id there>": a cursor from before a restore no longer matches; start over.
        const auto dot = cursor.find('.');
        auto pos = dot == std::string_view::npos ? std::nullopt : toInteger(cursor.substr(0, dot));
        if (!pos || *pos < 0) return refusal(400, "malformed", "the cursor is not one this server hands out");
        auto there = recordsAfter(*pos - 1, 1);
        if (!there) return storageError(there.error());
        if (!there->empty() && there->front().position == *pos &&
            storage::recordIdOf(there->front()) == cursor.substr(dot + 1))
            position = *pos;
        else
            reset = true;
    }
    auto page = recordsAfter(position, *limit);
    if (!page) return storageError(page.error());
    Json records = Json::array();
    for (const auto& record : *page)
        if (!caller.stationId || record.stationId != *caller.stationId) records.push_back(wire::toJson(record));
    std::int64_t acked = 0;
    if (caller.stationId) {
        auto head = recordHead(*caller.stationId);
        if (!head) return storageError(head.error());
        acked = *head;
    }
    const std::string next = page->empty() ? (reset ? std::string() : std::string(cursor))
                                           : std::to_string(page->back().position) + "." +
                                                 storage::recordIdOf(page->back());
    return answer(200, Json{{"epoch", epoch},
                            {"acked", acked},
                            {"cursor", next},
                            {"more", page->size() == *limit},
                            {"reset", reset},
                            {"records", std::move(records)}});
}

} // namespace lotstation::sync
