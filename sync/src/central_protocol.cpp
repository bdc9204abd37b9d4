// The protocol operations of the central server (sync/PROTOCOL.md): status, push, pull, master data.
#include "central_backend.hpp"
#include "lotstation/storage/internal/ledger_connection.hpp"
#include "token.hpp"
#include "wire.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace lotstation::sync {
namespace {

using wire::Json;

Reply error(int status, std::string_view code, std::string_view detail) {
    return Reply{status, wire::errorBody(code, detail), false};
}

Reply ok(const Json& body) {
    return Reply{200, body.dump(), false};
}

// The pull cursor: "<position>.<id of the movement there>". Opaque to stations. The id lets the server
// notice a cursor from before a restore (the position then holds another movement, or none).
std::string makeCursor(const OrderedMovement& at) {
    return std::to_string(at.position) + "." + at.id;
}

struct ParsedPush {
    std::vector<storage::RemoteMovement> movements;
};

ParsedPush parsePush(const Json& body, const std::string& station) {
    const auto& movements = wire::arrayAt(body, "movements", "body");
    std::map<std::string, storage::Lot> lots;
    std::map<std::string, storage::Item> items;
    if (auto it = body.find("lots"); it != body.end() && !it->is_null()) {
        if (!it->is_array()) throw wire::WireError("body.lots must be an array");
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto lot = wire::lotFrom((*it)[i], "lots[" + std::to_string(i) + "]");
            lots.emplace(lot.code, std::move(lot));
        }
    }
    if (auto it = body.find("items"); it != body.end() && !it->is_null()) {
        if (!it->is_array()) throw wire::WireError("body.items must be an array");
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto item = wire::itemFrom((*it)[i], "items[" + std::to_string(i) + "]");
            items.emplace(item.sku, std::move(item));
        }
    }
    ParsedPush out;
    out.movements.reserve(movements.size());
    for (std::size_t i = 0; i < movements.size(); ++i) {
        const auto where = "movements[" + std::to_string(i) + "]";
        auto m = wire::movementFrom(movements[i], where);
        if (m.stationId != station)
            throw wire::WireError(where + " is from station " + m.stationId + ", not " + station);
        storage::RemoteMovement remote{std::move(m), std::nullopt, std::nullopt};
        if (auto lot = lots.find(remote.movement.lot); lot != lots.end()) {
            remote.lot = lot->second;
            if (auto item = items.find(lot->second.sku); item != items.end()) remote.item = item->second;
        }
        out.movements.push_back(std::move(remote));
    }
    // Batches may arrive with their movements shuffled; a station's chain is applied in sequence order.
    std::stable_sort(out.movements.begin(), out.movements.end(),
                     [](const auto& a, const auto& b) { return a.movement.seq < b.movement.seq; });
    return out;
}

} // namespace

Reply storageError(const Error& e) {
    return error(e.kind == ErrorKind::Unavailable ? 503 : 500, "storage", e.message);
}

std::optional<Caller> CentralBackend::authenticate(std::string_view token) {
    if (token.empty() || token.size() > 256) return std::nullopt;
    const auto hash = storage::internal::sha256Hex(token);
    auto rows = stationRows();
    if (!rows) throw std::runtime_error(rows.error().message);
    std::optional<Caller> found;
    // Every row is compared, in constant time each: how long this takes does not depend on the token.
    for (const auto& row : *rows) {
        if (equalConstantTime(row.tokenHash, hash)) found = Caller{row.name, row.stationId, row.acked};
    }
    return found;
}

Reply CentralBackend::status(const Caller& caller, const PullLimits& limits) {
    auto open = openConflictCount();
    if (!open) return storageError(open.error());
    Json body = {{"protocol", wire::kProtocolVersion},
                 {"epoch", epoch},
                 {"station", caller.name},
                 {"acked", caller.acked},
                 {"conflicts_open", *open},
                 {"max_push", limits.maxPushMovements}};
    body["station_id"] = caller.stationId ? Json(*caller.stationId) : Json(nullptr);
    return ok(body);
}

Reply CentralBackend::push(const Caller& caller, std::string_view text, const PullLimits& limits) {
    Json body = Json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return error(400, "malformed", "the body is not a JSON object");
    if (auto list = body.find("movements");
        list != body.end() && list->is_array() && list->size() > limits.maxPushMovements) {
        return error(413, "too-large",
                     "a push holds at most " + std::to_string(limits.maxPushMovements) + " movements");
    }
    std::string station;
    ParsedPush parsed;
    try {
        station = wire::stringAt(body, "station", "body");
        parsed = parsePush(body, station);
    } catch (const wire::WireError& e) {
        return error(400, "malformed", e.what());
    }
    if (caller.stationId && *caller.stationId != station) {
        return error(403, "wrong-station",
                     "this token belongs to station " + caller.name + " (" + *caller.stationId +
                         "), not to " + station);
    }
    for (const auto& remote : parsed.movements) {
        if (storage::movementHash(remote.movement) != remote.movement.hash) {
            return error(422, "invalid-movement",
                         "movement " + std::to_string(remote.movement.seq) +
                             ": hash does not match its content");
        }
    }
    if (!caller.stationId) {
        auto taken = stationWithId(station);
        if (!taken) return storageError(taken.error());
        if (*taken)
            return error(403, "wrong-station", "station id " + station + " belongs to station " + **taken);
        if (station == ownStationId())
            return error(403, "wrong-station", "station id " + station + " is the server's own");
    }

    // One transaction for all of it (see applyPush): a crash at any point leaves either none of it or all
    // of it, never movements without their acked mark or their conflict flags.
    auto committed = applyPush(caller, station, parsed.movements);
    if (!committed) return storageError(committed.error());
    const auto& result = committed->result;
    const auto acked = committed->acked;
    std::int64_t applied = 0;
    std::int64_t present = 0;
    for (const auto outcome : result.outcomes)
        (outcome == storage::ApplyOutcome::Applied ? applied : present) += 1;
    auto open = openConflictCount();
    if (!open) return storageError(open.error());
    Json answer = {{"epoch", epoch},
                   {"acked", acked},
                   {"applied", applied},
                   {"already_present", present},
                   {"conflicts_open", *open}};
    Reply reply{200, "", applied > 0};
    if (result.error) {
        const auto failed = parsed.movements[result.outcomes.size()].movement.seq;
        const auto& e = *result.error;
        if (e.kind == storage::ErrorKind::Refused && failed > acked + 1) {
            // A gap: the ack stays at the last contiguous sequence and the station sends what is missing.
            answer["stopped"] = e.message;
        } else if (e.kind == storage::ErrorKind::Refused || e.kind == storage::ErrorKind::Conflict) {
            answer["error"] = "sequence-conflict";
            answer["detail"] = e.message;
            reply.status = 409;
        } else if (e.kind == storage::ErrorKind::Io || e.kind == storage::ErrorKind::Unavailable) {
            answer["error"] = "storage";
            answer["detail"] = e.message;
            reply.status = e.kind == storage::ErrorKind::Unavailable ? 503 : 500;
        } else {
            answer["error"] = "invalid-movement";
            answer["detail"] = e.message;
            reply.status = 422;
        }
    }
    reply.body = answer.dump();
    return reply;
}

Reply CentralBackend::pull(const Caller& caller, std::string_view cursor, std::string_view limitText,
                           const PullLimits& limits) {
    const auto limit = limits.pick(limitText);
    if (!limit) return error(400, "malformed", "limit must be a positive integer");
    std::int64_t position = 0;
    bool reset = false;
    if (!cursor.empty()) {
        const auto dot = cursor.find('.');
        auto pos = dot == std::string_view::npos ? std::nullopt : toInteger(cursor.substr(0, dot));
        if (!pos || *pos < 0) return error(400, "malformed", "the cursor is not one this server hands out");
        auto there = holds(*pos, cursor.substr(dot + 1));
        if (!there) return storageError(there.error());
        if (*there) {
            position = *pos;
        } else {
            // The cursor points past what this store holds or at another movement: the store was restored
            // from a backup. Start over; stations apply what they already have as a no-op.
            reset = true;
        }
    }
    auto read = orderAfter(position, *limit);
    if (!read) return storageError(read.error());
    const auto& page = *read;
    // The movements are written as JSON text directly (a page holds thousands); the rest as a document.
    std::string movements = "[";
    std::set<std::string> lotCodes;
    for (const auto& m : page) {
        if (caller.stationId && m.stationId == *caller.stationId) continue;
        if (movements.size() > 1) movements += ',';
        movements += m.json;
        lotCodes.insert(m.lot);
    }
    movements += ']';
    auto defined = definitions(lotCodes);
    if (!defined) return storageError(defined.error());
    const auto joined = [](const std::vector<std::string>& parts) {
        std::string out = "[";
        for (const auto& part : parts) {
            if (out.size() > 1) out += ',';
            out += part;
        }
        return out + "]";
    };
    Json body = {
        {"epoch", epoch},
        {"cursor", page.empty() ? (reset ? std::string() : std::string(cursor)) : makeCursor(page.back())},
        {"more", page.size() == *limit},
        {"reset", reset}};
    auto text = body.dump();
    text.pop_back(); // the closing brace: lots, items and movements go last, as written
    text += ",\"lots\":" + joined(defined->lots) + ",\"items\":" + joined(defined->items);
    text += ",\"movements\":";
    text += movements;
    text += '}';
    return Reply{200, std::move(text), false};
}

Reply CentralBackend::master() {
    auto data = masterData();
    if (!data) return storageError(data.error());
    auto body = wire::masterToJson(*data);
    body["epoch"] = epoch;
    return ok(body);
}

} // namespace lotstation::sync
