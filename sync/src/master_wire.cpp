// GET /v1/master: the central ledger's master data with every record's revision, users with their PIN
// hashes (Argon2id; a PIN itself never travels), sales orders with their lines in force.
#include "lotstation/storage/master_data.hpp"
#include "wire.hpp"

namespace lotstation::sync::wire {
namespace {

template <typename T, typename ToJson>
Json listToJson(const std::vector<storage::Revised<T>>& list, ToJson toJsonOf) {
    Json out = Json::array();
    for (const auto& [value, revision] : list) {
        auto json = toJsonOf(value);
        json["revision"] = revision;
        out.push_back(std::move(json));
    }
    return out;
}

template <typename T, typename From>
std::vector<storage::Revised<T>> listFrom(const Json& body, const char* name, From from) {
    std::vector<storage::Revised<T>> out;
    const auto& list = arrayAt(body, name, "answer");
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto where = std::string(name) + "[" + std::to_string(i) + "]";
        auto value = from(list[i], where);
        std::int64_t revision = 0;
        if (auto it = list[i].find("revision"); it != list[i].end())
            revision = integerAt(list[i], "revision", where);
        out.push_back({std::move(value), revision});
    }
    return out;
}

Json orderToJson(const storage::SalesOrder& order) {
    Json lines = Json::array();
    for (const auto& line : order.lines)
        lines.push_back({{"sku", line.sku}, {"quantity", line.quantity}, {"unit_price", line.unitPrice}});
    Json out{{"reference", order.reference}, {"customer", order.customer},  {"lines", lines},
             {"created_at", order.createdAt}, {"created_by", order.createdBy}};
    out["due"] = order.due ? Json(*order.due) : Json();
    out["cancelled_reason"] = order.cancelledReason ? Json(*order.cancelledReason) : Json();
    return out;
}

std::optional<std::string> optionalText(const Json& json, const char* name, const std::string& where) {
    auto it = json.find(name);
    if (it == json.end() || it->is_null()) return std::nullopt;
    return stringAt(json, name, where);
}

storage::SalesOrder orderFrom(const Json& json, const std::string& where) {
    storage::SalesOrder order;
    order.reference = stringAt(json, "reference", where);
    order.customer = stringAt(json, "customer", where);
    order.due = optionalText(json, "due", where);
    order.cancelledReason = optionalText(json, "cancelled_reason", where);
    order.createdAt = optionalText(json, "created_at", where).value_or("");
    order.createdBy = optionalText(json, "created_by", where).value_or("");
    const auto& lines = arrayAt(json, "lines", where);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto at = where + ".lines[" + std::to_string(i) + "]";
        order.lines.push_back({stringAt(lines[i], "sku", at), integerAt(lines[i], "quantity", at),
                               integerAt(lines[i], "unit_price", at)});
    }
    return order;
}

} // namespace

Json masterToJson(const storage::MasterData& data) {
    return Json{{"locations", listToJson(data.locations, [](const auto& v) { return toJson(v); })},
                {"suppliers", listToJson(data.suppliers, [](const auto& v) { return toJson(v); })},
                {"customers", listToJson(data.customers, [](const auto& v) { return toJson(v); })},
                {"items", listToJson(data.items, [](const auto& v) { return toJson(v); })},
                {"users", listToJson(data.users,
                                     [](const storage::MasterUser& u) {
                                         auto json = toJson(u.user);
                                         if (u.pinHash) json["pin_hash"] = *u.pinHash;
                                         return json;
                                     })},
                {"recipes", listToJson(data.recipes, [](const auto& v) { return toJson(v); })},
                {"orders", listToJson(data.orders, orderToJson)}};
}

storage::MasterData masterFrom(const Json& body) {
    storage::MasterData data;
    data.locations = listFrom<storage::Location>(body, "locations", locationFrom);
    data.suppliers = listFrom<storage::Party>(body, "suppliers", partyFrom);
    data.customers = listFrom<storage::Party>(body, "customers", partyFrom);
    data.items = listFrom<storage::Item>(body, "items", itemFrom);
    data.users = listFrom<storage::MasterUser>(body, "users", [](const Json& json, const std::string& where) {
        auto user = userFrom(json, where);
        storage::MasterUser out;
        out.user = storage::User{user.name, user.role, user.badge, false};
        if (auto it = json.find("pin_hash"); it != json.end() && !it->is_null()) {
            out.pinHash = stringAt(json, "pin_hash", where);
            out.user.hasPin = true;
        }
        return out;
    });
    data.recipes = listFrom<storage::Recipe>(body, "recipes", recipeFrom);
    // Orders came later: a server (or a stored PostgreSQL document) from before them sends none.
    if (body.contains("orders")) data.orders = listFrom<storage::SalesOrder>(body, "orders", orderFrom);
    return data;
}

} // namespace lotstation::sync::wire
