// Master data changed at a linked station: the request's JSON (one record of one kind, and who changed it),
// sent by the station, applied by the server with the ledger's own saving rules (roles, checks, audit).
#include "lotstation/sync/master_edit.hpp"

#include "http_client.hpp"
#include "lotstation/sync/background_sync.hpp"
#include "station_state.hpp"
#include "wire.hpp"

namespace lotstation::sync {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

constexpr std::string_view kPath = "/v1/master";

storage::Item itemOf(const storage::NewItem& item) {
    return storage::Item{item.sku,         item.name,          item.kind,
                         item.uom,         item.gtin,          item.lotTracked,
                         item.shelfLifeDays, item.defaultLocation, item.reorderPoint};
}

wire::Json requestOf(const MasterRecordEdit& edit) {
    wire::Json body{{"by", edit.by}};
    std::visit(Overloaded{
                   [&](const storage::NewItem& item) { body["item"] = wire::toJson(itemOf(item)); },
                   [&](const SupplierEdit& e) { body["supplier"] = wire::toJson(e.party); },
                   [&](const CustomerEdit& e) { body["customer"] = wire::toJson(e.party); },
                   [&](const storage::Location& location) { body["location"] = wire::toJson(location); },
                   [&](const storage::NewUser& user) {
                       body["user"] = wire::toJson(storage::User{user.name, user.role, user.badge, false});
                   },
                   [&](const storage::Recipe& recipe) { body["recipe"] = wire::toJson(recipe); },
               },
               edit.record);
    return body;
}

template <class T, class Words>
storage::Result<std::string> said(const storage::Result<T>& saved, Words words) {
    if (!saved) return std::unexpected(saved.error());
    return words(*saved);
}

} // namespace

std::string linkedServer(const std::filesystem::path& ledgerPath) {
    if (ledgerPath.empty() || !serverRemembered(ledgerPath)) return {};
    try {
        return StationStateStore::open(ledgerPath).load().serverUrl;
    } catch (const sql::Exception&) {
        return {};
    }
}

Result<void> saveOnServer(const std::filesystem::path& ledgerPath, const MasterRecordEdit& edit) {
    ClientOptions options;
    options.ledgerPath = ledgerPath;
    options.timeout = std::chrono::seconds(10); // a person waits at the screen
    try {
        const auto state = StationStateStore::open(ledgerPath).load();
        if (state.serverUrl.empty() || state.token.empty())
            return fail(ErrorKind::Invalid, "this station is not linked to a server");
        options.serverUrl = state.serverUrl;
        options.token = state.token;
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("station database: ") + e.what());
    }
    auto transport = HttpTransport::create(options);
    if (!transport) return std::unexpected(transport.error());
    auto answer = transport->post(std::string(kPath), requestOf(edit).dump());
    if (!answer) {
        auto error = answer.error();
        // The server's own sentence, without the transport's framing ("server refused /v1/master: ").
        const std::string framing = "server refused " + std::string(kPath) + ": ";
        if (error.message.starts_with(framing)) error.message.erase(0, framing.size());
        if (error.kind == ErrorKind::Unavailable)
            error.message = "the server at " + options.serverUrl + " cannot be reached (" + error.message +
                            "): nothing was changed";
        return std::unexpected(error);
    }
    // The change is on the server; one sync brings it here (a failure now is caught up by the next sync).
    auto client = SyncClient::open(options);
    if (client) (void)client->syncOnce();
    return {};
}

storage::Result<std::string> applyMasterEdit(storage::Ledger& ledger, const std::string& body) {
    const auto json = wire::Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorKind::Invalid, "the body of POST /v1/master is not a JSON object");
    try {
        const auto by = wire::stringAt(json, "by", "request");
        if (auto it = json.find("item"); it != json.end())
            return said(storage::saveItem(ledger, storage::asNewItem(wire::itemFrom(*it, "item")), by),
                        [](const auto& i) { return i.name; });
        if (auto it = json.find("supplier"); it != json.end())
            return said(storage::saveSupplier(ledger, wire::partyFrom(*it, "supplier"), by),
                        [](const auto& p) { return p.name; });
        if (auto it = json.find("customer"); it != json.end())
            return said(storage::saveCustomer(ledger, wire::partyFrom(*it, "customer"), by),
                        [](const auto& p) { return p.name; });
        if (auto it = json.find("location"); it != json.end())
            return said(storage::saveLocation(ledger, wire::locationFrom(*it, "location"), by),
                        [](const auto& l) { return l.name; });
        if (auto it = json.find("user"); it != json.end())
            return said(storage::saveUser(ledger, wire::userFrom(*it, "user"), by),
                        [](const auto& u) { return u.name; });
        if (auto it = json.find("recipe"); it != json.end())
            return said(storage::saveRecipe(ledger, wire::recipeFrom(*it, "recipe"), by),
                        [](const auto& r) { return "the recipe of " + r.sku; });
    } catch (const wire::WireError& e) {
        return fail(ErrorKind::Invalid, e.what());
    }
    return fail(ErrorKind::Invalid,
                "POST /v1/master carries one of item, supplier, customer, location, user or recipe");
}

} // namespace lotstation::sync
