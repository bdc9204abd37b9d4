#include "wire.hpp"

#include "lotstation/storage/movement_fields.hpp"
#include "lotstation/storage/quality.hpp"
#include "lotstation/storage/signature_fields.hpp"
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

// Movements as JSON objects, field by field from storage's one list (movement_fields.hpp): texts, times and
// enums as strings, numbers as integers, an absent field left out; "hash" after them.
namespace {

struct JsonFields {
    Json& out;

    void operator()(const char* name, const std::string& value) const { out[name] = value; }
    void operator()(const char* name, std::int64_t value) const { out[name] = value; }
    void operator()(const char* name, Timestamp value) const { out[name] = formatTimestamp(value); }
    template <typename Enum>
    requires std::is_enum_v<Enum>
    void operator()(const char* name, Enum value) const { out[name] = toString(value); }
    template <typename T> void operator()(const char* name, const std::optional<T>& value) const {
        if (value) (*this)(name, *value);
    }
};

struct FieldsFromJson {
    const Json& json;
    const std::string& where;

    void operator()(const char* name, std::string& value) const { value = stringAt(json, name, where); }
    void operator()(const char* name, std::int64_t& value) const { value = integerAt(json, name, where); }
    void operator()(const char* name, Timestamp& value) const {
        value = parsed(parseTimestamp(stringAt(json, name, where)), where + "." + name);
    }
    void operator()(const char* name, MovementKind& value) const {
        value = parsed(parseMovementKind(stringAt(json, name, where)), where + "." + name);
    }
    void operator()(const char* name, SignatureMeaning& value) const {
        value = parsed(parseSignatureMeaning(stringAt(json, name, where)), where + "." + name);
    }
    void operator()(const char* name, std::optional<std::string>& value) const {
        value = optString(json, name, where);
    }
    void operator()(const char* name, std::optional<std::int64_t>& value) const {
        value = optInteger(json, name, where);
    }
    void operator()(const char* name, std::optional<LotStatus>& value) const {
        value.reset();
        if (auto text = optString(json, name, where))
            value = parsed(parseLotStatus(*text), where + "." + name);
    }
};

} // namespace

Json toJson(const Movement& m) {
    Json out = Json::object();
    visitMovementFields(m, JsonFields{out});
    out["hash"] = m.hash;
    return out;
}

Movement movementFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    Movement m;
    visitMovementFields(m, FieldsFromJson{json, where});
    m.hash = stringAt(json, "hash", where);
    return m;
}

Json toJson(const Signature& s) {
    Json out = Json::object();
    visitSignatureFields(s, JsonFields{out});
    out["hash"] = s.hash;
    return out;
}

Signature signatureFrom(const Json& json, const std::string& where) {
    requireObject(json, where);
    Signature s;
    visitSignatureFields(s, FieldsFromJson{json, where});
    s.hash = stringAt(json, "hash", where);
    return s;
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
    out["qc_policy"] = toString(item.qcPolicy);
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
    // Absent from an older sender: none, as an item without a policy.
    if (auto policy = optString(json, "qc_policy", where))
        item.qcPolicy = parsed(storage::parseQcPolicy(*policy), where + ".qc_policy");
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
