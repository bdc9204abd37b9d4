// The batch record on the wire (wire.hpp): procedure versions and executed-record entries travel as quality
// records (sync/PROTOCOL.md "Quality records"). An entry carries its hash; the receiver recomputes it.
#include "wire.hpp"

#include "lotstation/storage/time.hpp"

namespace lotstation::sync::wire {
namespace {

using namespace lotstation::storage;

std::optional<std::string> optText(const Json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw WireError(where + "." + name + " must be a string");
    return it->get<std::string>();
}

std::optional<std::int64_t> optInteger(const Json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return integerAt(object, name, where);
}

Timestamp timeOf(const Json& json, const char* name, const std::string& where) {
    auto at = parseTimestamp(stringAt(json, name, where));
    if (!at) throw WireError(where + "." + name + ": " + at.error().message);
    return *at;
}

template <typename T> Json orNull(const std::optional<T>& value) { return value ? Json(*value) : Json(); }

} // namespace

Json toJson(const Procedure& p) {
    return {{"id", p.recordId}, {"sku", p.sku}, {"version", p.version}, {"created_at", formatTimestamp(p.createdAt)},
            {"created_by", p.createdBy}, {"body", p.source}};
}

Procedure procedureFrom(const Json& json, const std::string& where) {
    Procedure p;
    p.recordId = stringAt(json, "id", where);
    p.sku = stringAt(json, "sku", where);
    p.version = static_cast<int>(integerAt(json, "version", where));
    p.createdAt = timeOf(json, "created_at", where);
    p.createdBy = stringAt(json, "created_by", where);
    p.source = stringAt(json, "body", where);
    return p;
}

Json toJson(const BatchEntry& e) {
    return {{"id", e.id}, {"station", e.stationId}, {"at", formatTimestamp(e.at)}, {"run", e.run},
            {"kind", toString(e.kind)}, {"step", e.step}, {"user", e.user}, {"procedure", orNull(e.procedure)},
            {"sku", orNull(e.sku)}, {"lot", orNull(e.lot)}, {"quantity", orNull(e.quantity)},
            {"value", orNull(e.value)}, {"judgement", orNull(e.judgement)}, {"deviation", orNull(e.deviation)},
            {"reason", orNull(e.reason)}, {"movement", orNull(e.movement)},
            {"labels_printed", orNull(e.labelsPrinted)}, {"labels_destroyed", orNull(e.labelsDestroyed)},
            {"prev_hash", e.prevHash}, {"hash", e.hash}};
}

BatchEntry batchEntryFrom(const Json& json, const std::string& where) {
    BatchEntry e;
    e.id = stringAt(json, "id", where);
    e.stationId = stringAt(json, "station", where);
    e.at = timeOf(json, "at", where);
    e.run = stringAt(json, "run", where);
    auto kind = parseEntryKind(stringAt(json, "kind", where));
    if (!kind) throw WireError(where + ".kind: " + kind.error().message);
    e.kind = *kind;
    e.step = integerAt(json, "step", where);
    e.user = stringAt(json, "user", where);
    e.procedure = optText(json, "procedure", where);
    e.sku = optText(json, "sku", where);
    e.lot = optText(json, "lot", where);
    e.quantity = optInteger(json, "quantity", where);
    e.value = optText(json, "value", where);
    e.judgement = optText(json, "judgement", where);
    e.deviation = optText(json, "deviation", where);
    e.reason = optText(json, "reason", where);
    e.movement = optText(json, "movement", where);
    e.labelsPrinted = optInteger(json, "labels_printed", where);
    e.labelsDestroyed = optInteger(json, "labels_destroyed", where);
    e.prevHash = stringAt(json, "prev_hash", where);
    e.hash = stringAt(json, "hash", where);
    return e;
}

} // namespace lotstation::sync::wire
