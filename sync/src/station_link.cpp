// A new station linked to its server from the setup screen.
#include "lotstation/sync/client.hpp"
#include "station_state.hpp"

namespace lotstation::sync {

Result<SyncSummary> linkStation(const std::filesystem::path& ledgerPath, const std::string& serverUrl,
                                const std::string& token) {
    if (serverUrl.rfind("http://", 0) != 0 && serverUrl.rfind("https://", 0) != 0)
        return fail(ErrorKind::Invalid, "the server address starts with http:// or https://");
    if (token.empty()) return fail(ErrorKind::Invalid, "the station's token is missing (lotstation-server station add NAME)");
    ClientOptions options;
    options.ledgerPath = ledgerPath;
    options.serverUrl = serverUrl;
    options.token = token;
    options.timeout = std::chrono::seconds(10);
    auto client = SyncClient::open(options);
    if (!client) return std::unexpected(client.error());
    auto summary = client->syncOnce();
    if (!summary) return std::unexpected(summary.error());
    try {
        auto store = StationStateStore::open(ledgerPath);
        auto state = store.load();
        state.serverUrl = serverUrl;
        state.token = token;
        store.save(state);
    } catch (const sql::Exception& e) {
        return fail(ErrorKind::Io, std::string("station database: ") + e.what());
    }
    return summary;
}

} // namespace lotstation::sync
