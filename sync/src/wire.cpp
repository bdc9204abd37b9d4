#include "wire.hpp"

#include "lotstation/storage/time.hpp"

namespace lotstation::sync::wire {
namespace {

using namespace lotstation::storage;

void put(Json& out, const char* name, const std::optional<std::string>& value) {
    if (value) out[name] = *value;
}

void put(Json& out, const char* name, const std::optional<std::int64_t>& value) {
    if (value) out[name] = *value;
}

std::optional<std::string> optString(const Json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw WireError(where + "." + name + " must be a string");
    return it->get<std::string>();
}

std::optional<std::int64_t> optInteger(const Json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) throw WireError(where + "." + name + " must be an integer");
    return it->get<std::int64_t>();
}

// A storage Result unwrapped for a wire field: its message says what is wrong with the value.
template <typename T> T parsed(Result<T> result, const std::string& field) {
    if (!result) throw WireError(field + ": " + result.error().message);
    return std::move(*result);
}

std::optional<Date> optDate(const Json& object, const char* name, const std::string& where) {
    auto text = optString(object, name, where);
    if (!text) return std::nullopt;
    return parsed(parseDate(*text), where + "." + name);
}

void requireObject(const Json& json, const std::string& where) {
    if (!json.is_object()) throw WireError(where + " must be an object");
}

} // namespace

const Json& member(const Json& object, const char* name, const std::string& where) {
    if (!object.is_object()) throw WireError(where + " must be an object");
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) throw WireError(where + "." + name + " is missing");
    return *it;
}

std::string stringAt(const Json& object, const char* name, const std::string& where) {
    const auto& value = member(object, name, where);
    if (!value.is_string()) throw WireError(where + "." + name + " must be a string");
    return value.get<std::string>();
}

std::int64_t integerAt(const Json& object, const char* name, const std::string& where) {
    const auto& value = member(object, name, where);
    if (!value.is_number_integer()) throw WireError(where + "." + name + " must be an integer");
    return value.get<std::int64_t>();
}

const Json& arrayAt(const Json& object, const char* name, const std::string& where) {
    const auto& value = member(object, name, where);
    if (!value.is_array()) throw WireError(where + "." + name + " must be an array");
    return value;
}

Json toJson(const Movement& m) {
    Json out = {{"id", m.id},
                {"station", m.stationId},
                {"seq", m.seq},
                {"at", formatTimestamp(m.at)},
                {"user", m.user},
                {"kind", toString(m.kind)},
                {"lot", m.lot},
                {"quantity", m.quantity},
                {"prev_hash", m.prevHash},
                {"hash", m.hash}};
    put(out, "from", m.from);
    put(out, "to", m.to);
    put(out, "run", m.run);
    put(out, "party", m.party);
    put(out, "reference", m.reference);
    put(out, "reason", m.reason);
    put(out, "unit_cost", m.unitCost);
    put(out, "reverses", m.reverses);
    if (m.lotStatus) out["lot_status"] = toString(*m.lotStatus);
    put(out, "approved_by", m.approvedBy);
    put(out, "overridden", m.overridden);
    return out;
}

Movement movementFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    Movement m;
    m.id = stringAt(json, "id", where);
    m.stationId = stringAt(json, "station", where);
    m.seq = integerAt(json, "seq", where);
    m.at = parsed(parseTimestamp(stringAt(json, "at", where)), where + ".at");
    m.user = stringAt(json, "user", where);
    m.kind = parsed(parseMovementKind(stringAt(json, "kind", where)), where + ".kind");
    m.lot = stringAt(json, "lot", where);
    m.quantity = integerAt(json, "quantity", where);
    m.from = optString(json, "from", where);
    m.to = optString(json, "to", where);
    m.run = optString(json, "run", where);
    m.party = optString(json, "party", where);
    m.reference = optString(json, "reference", where);
    m.reason = optString(json, "reason", where);
    m.unitCost = optInteger(json, "unit_cost", where);
    m.reverses = optString(json, "reverses", where);
    if (auto status = optString(json, "lot_status", where))
        m.lotStatus = parsed(parseLotStatus(*status), where + ".lot_status");
    m.approvedBy = optString(json, "approved_by", where);
    m.overridden = optString(json, "overridden", where);
    m.prevHash = stringAt(json, "prev_hash", where);
    m.hash = stringAt(json, "hash", where);
    return m;
}

Json toJson(const Lot& lot) {
    Json out = {{"code", lot.code},
                {"sku", lot.sku},
                {"origin_date", formatDate(lot.originDate)},
                {"status", toString(lot.status)},
                {"created_by", lot.createdBy}};
    put(out, "supplier", lot.supplier);
    put(out, "supplier_lot", lot.supplierLot);
    put(out, "run", lot.run);
    if (lot.expiry) out["expiry"] = formatDate(*lot.expiry);
    if (lot.bestBefore) out["best_before"] = formatDate(*lot.bestBefore);
    put(out, "unit_cost", lot.unitCost);
    return out;
}

Lot lotFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    Lot lot;
    lot.code = stringAt(json, "code", where);
    lot.sku = stringAt(json, "sku", where);
    lot.supplier = optString(json, "supplier", where);
    lot.supplierLot = optString(json, "supplier_lot", where);
    lot.run = optString(json, "run", where);
    lot.originDate = parsed(parseDate(stringAt(json, "origin_date", where)), where + ".origin_date");
    lot.expiry = optDate(json, "expiry", where);
    lot.bestBefore = optDate(json, "best_before", where);
    if (auto status = optString(json, "status", where))
        lot.status = parsed(parseLotStatus(*status), where + ".status");
    lot.unitCost = optInteger(json, "unit_cost", where);
    lot.createdBy = optString(json, "created_by", where).value_or("");
    return lot;
}

Json toJson(const Item& item) {
    Json out = {{"sku", item.sku},
                {"name", item.name},
                {"kind", toString(item.kind)},
                {"uom", toString(item.uom)},
                {"lot_tracked", item.lotTracked}};
    put(out, "gtin", item.gtin);
    if (item.shelfLifeDays) out["shelf_life_days"] = *item.shelfLifeDays;
    put(out, "default_location", item.defaultLocation);
    put(out, "reorder_point", item.reorderPoint);
    return out;
}

Item itemFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    Item item;
    item.sku = stringAt(json, "sku", where);
    item.name = stringAt(json, "name", where);
    item.kind = parsed(parseItemKind(stringAt(json, "kind", where)), where + ".kind");
    item.uom = parsed(parseUom(stringAt(json, "uom", where)), where + ".uom");
    item.gtin = optString(json, "gtin", where);
    if (const auto it = json.find("lot_tracked"); it != json.end() && !it->is_null()) {
        if (!it->is_boolean()) throw WireError(where + ".lot_tracked must be true or false");
        item.lotTracked = it->get<bool>();
    }
    if (auto days = optInteger(json, "shelf_life_days", where)) {
        if (*days < 0 || *days > 100000) throw WireError(where + ".shelf_life_days is out of range");
        item.shelfLifeDays = static_cast<int>(*days);
    }
    item.defaultLocation = optString(json, "default_location", where);
    item.reorderPoint = optInteger(json, "reorder_point", where);
    return item;
}

Json toJson(const Location& location) {
    return Json{{"code", location.code}, {"name", location.name}, {"kind", toString(location.kind)}};
}

Location locationFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    return Location{stringAt(json, "code", where), stringAt(json, "name", where),
                    parsed(parseLocationKind(stringAt(json, "kind", where)), where + ".kind")};
}

Json toJson(const Party& party) {
    return Json{{"code", party.code}, {"name", party.name}};
}

Party partyFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    return Party{stringAt(json, "code", where), stringAt(json, "name", where)};
}

Json toJson(const User& user) {
    Json out = {{"name", user.name}, {"role", toString(user.role)}};
    put(out, "badge", user.badge);
    return out;
}

NewUser userFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    NewUser user;
    user.name = stringAt(json, "name", where);
    user.role = parsed(parseUserRole(stringAt(json, "role", where)), where + ".role");
    user.badge = optString(json, "badge", where);
    return user;
}

Json toJson(const Recipe& recipe) {
    Json components = Json::array();
    for (const auto& c : recipe.components)
        components.push_back(Json{{"sku", c.sku}, {"quantity", c.quantity}});
    return Json{{"sku", recipe.sku}, {"output_quantity", recipe.outputQuantity}, {"components", components}};
}

Recipe recipeFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    Recipe recipe;
    recipe.sku = stringAt(json, "sku", where);
    recipe.outputQuantity = integerAt(json, "output_quantity", where);
    const auto& components = arrayAt(json, "components", where);
    for (std::size_t i = 0; i < components.size(); ++i) {
        const auto at = where + ".components[" + std::to_string(i) + "]";
        recipe.components.push_back(
            RecipeComponent{stringAt(components[i], "sku", at), integerAt(components[i], "quantity", at)});
    }
    return recipe;
}

std::string errorBody(std::string_view code, std::string_view detail) {
    return Json{{"error", code}, {"detail", detail}}.dump();
}

} // namespace lotstation::sync::wire
