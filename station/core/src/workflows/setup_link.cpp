// Setup's Link: a new station that takes its people, items, places and the business from a central server.
#include "lotstation/station/workflows/setup_flow.hpp"
#include "lotstation/core/text.hpp"
#include "lotstation/storage/master_edits.hpp"
#include "lotstation/sync/client.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace lotstation::station {
namespace {

bool isServerAddress(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://");
}

} // namespace

void SetupFlow::setToken(std::string text) {
    m_token = trimmed(text);
    // Enough to recognise it on the screen; the rest stays inside the flow.
    m_state.tokenShown = m_token.size() <= 8 ? std::string(m_token.size(), '*')
                                             : m_token.substr(0, 4) + "…" + m_token.substr(m_token.size() - 4);
}

std::optional<FlowOutcome> SetupFlow::scanned(const scan::Meaning& meaning, const FlowContext&) {
    if (m_state.step != SetupStep::Link) return std::nullopt;
    // A QR may hold the token, the address, or both (the token, a space, the address). An address alone reads
    // as a web address that is not a GS1 Digital Link: the interpreter calls it unreadable, with its text.
    std::string text;
    if (const auto* key = std::get_if<scan::LookupKey>(&meaning)) text = key->key;
    if (const auto* other = std::get_if<scan::Unreadable>(&meaning); other && isServerAddress(other->shown))
        text = other->shown;
    std::istringstream parts(text);
    std::string part;
    std::vector<std::string> read;
    while (parts >> part) {
        if (isServerAddress(part)) {
            m_state.serverUrl = part;
            read.push_back("server " + part);
        } else {
            setToken(part);
            read.push_back("token " + m_state.tokenShown);
        }
    }
    if (read.empty()) return FlowOutcome::unknown("Scan the server's address or the station's token");
    m_state.problem.reset();
    std::string words;
    for (const auto& r : read)
        words += (words.empty() ? "" : " and ") + r;
    return FlowOutcome::accepted("Read the " + words);
}

FlowOutcome SetupFlow::link() {
    if (m_state.step != SetupStep::Link) return refuse("Tap Link to a central server first");
    if (m_ledgerPath.empty()) return refuse("This station's ledger is not a file: it cannot be linked");
    const auto url = trimmed(m_state.serverUrl);
    if (!isServerAddress(url)) return refuse("Type the server's address, starting with http:// or https://");
    if (m_token.empty()) return refuse("Type or scan this station's token (lotstation-server station add NAME)");
    if (auto named = storage::nameLinkedStation(m_ledger, m_state.station, m_state.shortCode); !named)
        return refuse(named.error().message);
    auto synced = sync::linkStation(m_ledgerPath, url, m_token);
    if (!synced) {
        if (synced.error().kind == ErrorKind::Unauthorized)
            return refuse("The server refused this token: check it, or make a new one with "
                          "lotstation-server station rotate NAME");
        if (synced.error().kind == ErrorKind::Unavailable)
            return refuse("No answer from " + url + ": is the address right and the server running? (" +
                          synced.error().message + ")");
        return refuse(synced.error().message);
    }
    const auto users = m_ledger.users().value_or(std::vector<storage::User>{});
    const auto items = m_ledger.items().value_or(std::vector<storage::Item>{});
    m_state.step = SetupStep::Linked;
    m_state.problem.reset();
    m_state.serverUrl = url;
    m_state.linked = "Linked to " + url + ": " + std::to_string(items.size()) + " items and " +
                     std::to_string(users.size()) + " people arrived";
    if (users.empty()) m_state.linked += "; add people on the server (lotstation-server user add) to log in";
    FlowOutcome outcome = FlowOutcome::accepted(m_state.linked);
    outcome.masterDataChanged = true;
    return outcome;
}

} // namespace lotstation::station
