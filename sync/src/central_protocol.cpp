// The protocol operations of the central server (sync/PROTOCOL.md): status, push, pull, master data.
#include "central_core.hpp"
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

std::string nowText() {
    return storage::formatTimestamp(storage::systemClock()());
}

std::optional<std::int64_t> toInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

// The pull cursor: "<position>.<id of the movement there>". Opaque to stations. The id lets the server
// notice a cursor from before a restore (the position then holds another movement, or none).
std::string makeCursor(const storage::ArrivedMovement& at) {
    return std::to_string(at.position) + "." + at.movement.id;
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

std::optional<Caller> CentralStore::Impl::authenticate(std::string_view token) {
    if (token.empty() || token.size() > 256) return std::nullopt;
    const auto hash = storage::internal::sha256Hex(token);
    std::optional<Caller> found;
    // Every row is compared, in constant time each: how long this takes does not depend on the token.
    auto s = db().prepare("SELECT name, token_hash, station_id, acked_seq FROM sync_stations");
    while (s.step()) {
        if (equalConstantTime(s.text(1), hash)) found = Caller{s.text(0), s.optText(2), s.int64(3)};
    }
    return found;
}

std::int64_t CentralStore::Impl::openConflicts() {
    auto s = db().prepare("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL");
    s.step();
    return s.int64(0);
}

Reply CentralStore::Impl::status(const Caller& caller, const PullLimits& limits) {
    Json body = {{"protocol", wire::kProtocolVersion},
                 {"epoch", epoch},
                 {"station", caller.name},
                 {"acked", caller.acked},
                 {"conflicts_open", openConflicts()},
                 {"max_push", limits.maxPushMovements}};
    body["station_id"] = caller.stationId ? Json(*caller.stationId) : Json(nullptr);
    return ok(body);
}

Reply CentralStore::Impl::push(const Caller& caller, std::string_view text, const PullLimits& limits) {
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
        auto taken = db().prepare("SELECT name FROM sync_stations WHERE station_id = ?1");
        taken.bindAll(station);
        if (taken.step())
            return error(403, "wrong-station",
                         "station id " + station + " belongs to station " + taken.text(0));
        if (station == ledger.station().stationId)
            return error(403, "wrong-station", "station id " + station + " is the server's own");
    }

    // One transaction for all of it: the station id bound at its first push, the movements, the station's
    // acked mark and the debits / conflicts they cause. A crash at any point leaves either none of it or
    // all of it, never movements without their acked mark or their conflict flags.
    storage::ApplyBatchResult result;
    std::int64_t acked = caller.acked;
    std::int64_t applied = 0;
    std::int64_t present = 0;
    auto committed = ledger.atomically([&]() -> storage::Result<void> {
        if (!caller.stationId) {
            db().prepare("UPDATE sync_stations SET station_id = ?2 WHERE name = ?1 AND station_id IS NULL")
                .bindAll(caller.name, station)
                .run();
        }
        result = ledger.applyRemoteMovements(parsed.movements);
        std::vector<storage::Movement> effects;
        for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
            const auto& m = parsed.movements[i].movement;
            acked = std::max(acked, m.seq);
            (result.outcomes[i] == storage::ApplyOutcome::Applied ? applied : present) += 1;
            effects.push_back(m);
        }
        db().prepare(
                "UPDATE sync_stations SET acked_seq = max(acked_seq, ?2), last_contact = ?3 WHERE name = ?1")
            .bindAll(caller.name, acked, nowText())
            .run();
        if (auto recorded = recordEffects(effects); !recorded) return recorded;
        return flagDispositionClashes(*this, effects);
    });
    if (!committed) return error(500, "storage", committed.error().message);
    Json answer = {{"epoch", epoch},
                   {"acked", acked},
                   {"applied", applied},
                   {"already_present", present},
                   {"conflicts_open", openConflicts()}};
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
        } else if (e.kind == storage::ErrorKind::Io) {
            answer["error"] = "storage";
            answer["detail"] = e.message;
            reply.status = 500;
        } else {
            answer["error"] = "invalid-movement";
            answer["detail"] = e.message;
            reply.status = 422;
        }
    }
    reply.body = answer.dump();
    return reply;
}

storage::Result<void> CentralStore::Impl::recordEffects(const std::vector<storage::Movement>& applied) {
    // Every lot + location the batch touched, with the movement that last added to it (or last touched it).
    std::map<std::pair<std::string, std::string>, const storage::Movement*> touched;
    for (const auto& m : applied) {
        if (m.from) {
            db().cached("INSERT OR IGNORE INTO sync_debits (lot, location, movement_id) VALUES (?1, ?2, ?3)")
                .bindAll(m.lot, *m.from, m.id)
                .run();
            touched.try_emplace({m.lot, *m.from}, &m);
        }
        if (m.to) touched[{m.lot, *m.to}] = &m;
    }
    for (const auto& [place, last] : touched) {
        const auto& [lot, location] = place;
        const auto read = ledger.onHand(lot, location);
        if (!read) return std::unexpected(read.error());
        const auto balance = *read;
        if (balance < 0) {
            db().prepare(
                    "INSERT INTO sync_conflicts (lot, location, balance, detected_at) VALUES (?1, ?2, ?3, "
                    "?4) ON CONFLICT (lot, location) WHERE resolved_at IS NULL DO UPDATE SET balance = "
                    "excluded.balance")
                .bindAll(lot, location, balance, nowText())
                .run();
            continue;
        }
        // The settled ledger says there was enough after all: the dip was arrival order, not a double use.
        db().cached("UPDATE sync_conflicts SET resolved_by = 'ledger', resolved_at = ?3, cleared_by = ?4, "
                    "balance = ?5, note = ?6 WHERE lot = ?1 AND location = ?2 AND resolved_at IS NULL")
            .bindAll(lot, location, nowText(), last->id, balance,
                     "closed by itself: the balance came back to " + inItemUnit(ledger, lot, balance) +
                         " when movement " + last->id + " (station " + last->stationId + " #" +
                         std::to_string(last->seq) + ") arrived")
            .run();
    }
    return {};
}

Reply CentralStore::Impl::pull(const Caller& caller, std::string_view cursor, std::string_view limitText,
                               const PullLimits& limits) {
    std::size_t limit = limits.defaultLimit;
    if (!limitText.empty()) {
        auto value = toInteger(limitText);
        if (!value || *value < 1) return error(400, "malformed", "limit must be a positive integer");
        limit = std::min(static_cast<std::size_t>(*value), limits.maxLimit);
    }
    std::int64_t position = 0;
    bool reset = false;
    if (!cursor.empty()) {
        const auto dot = cursor.find('.');
        auto pos = dot == std::string_view::npos ? std::nullopt : toInteger(cursor.substr(0, dot));
        if (!pos || *pos < 0) return error(400, "malformed", "the cursor is not one this server hands out");
        const auto id = cursor.substr(dot + 1);
        auto there = ledger.movementsSince(*pos - 1, 1);
        if (!there) return error(500, "storage", there.error().message);
        if (!there->empty() && there->front().position == *pos && there->front().movement.id == id) {
            position = *pos;
        } else {
            // The cursor points past what this store holds or at another movement: the store was restored
            // from a backup. Start over; stations apply what they already have as a no-op.
            reset = true;
        }
    }
    auto read = ledger.movementsSince(position, limit);
    if (!read) return error(500, "storage", read.error().message);
    const auto& page = *read;
    // The movements are written as JSON text directly (a page holds thousands); the rest as a document.
    std::string movements = "[";
    Json lots = Json::array();
    Json items = Json::array();
    std::set<std::string> lotCodes;
    std::set<std::string> skus;
    for (const auto& arrived : page) {
        const auto& m = arrived.movement;
        if (caller.stationId && m.stationId == *caller.stationId) continue;
        if (movements.size() > 1) movements += ',';
        wire::appendJson(movements, m);
        if (!lotCodes.insert(m.lot).second) continue;
        auto lot = ledger.lot(m.lot);
        if (!lot) continue;
        lots.push_back(wire::toJson(*lot));
        if (!skus.insert(lot->sku).second) continue;
        if (auto item = ledger.item(lot->sku)) items.push_back(wire::toJson(*item));
    }
    movements += ']';
    Json body = {
        {"epoch", epoch},
        {"cursor", page.empty() ? (reset ? std::string() : std::string(cursor)) : makeCursor(page.back())},
        {"more", page.size() == limit},
        {"reset", reset},
        {"lots", std::move(lots)},
        {"items", std::move(items)}};
    auto text = body.dump();
    text.pop_back(); // the closing brace: the movements array goes last
    text += ",\"movements\":";
    text += movements;
    text += '}';
    return Reply{200, std::move(text), false};
}

Reply CentralStore::Impl::master() {
    auto data = storage::readMasterData(ledger);
    if (!data) return error(500, "storage", data.error().message);
    auto body = wire::masterToJson(*data);
    body["epoch"] = epoch;
    return ok(body);
}

} // namespace lotstation::sync
