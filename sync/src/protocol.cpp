#include "lotstation/sync/protocol.hpp"

#include "wire.hpp"

#include <set>

namespace lotstation::sync {

static_assert(kProtocolVersion == wire::kProtocolVersion);

std::string encodePush(const storage::Ledger& ledger, std::span<const storage::OutboxEntry> entries,
                       std::string_view epoch) {
    using wire::Json;
    // The movements are written as JSON text directly (a push holds thousands); the rest as a document.
    std::string movements = "[";
    Json lots = Json::array();
    Json items = Json::array();
    std::set<std::string> lotCodes;
    std::set<std::string> skus;
    for (const auto& entry : entries) {
        if (movements.size() > 1) movements += ',';
        wire::appendJson(movements, entry.movement);
        // Definitions travel with the movements that need them: the server may not know the lot yet.
        if (!lotCodes.insert(entry.movement.lot).second) continue;
        auto lot = ledger.lot(entry.movement.lot);
        if (!lot) continue;
        lots.push_back(wire::toJson(*lot));
        if (!skus.insert(lot->sku).second) continue;
        if (auto item = ledger.item(lot->sku)) items.push_back(wire::toJson(*item));
    }
    movements += ']';
    auto text = Json{{"protocol", kProtocolVersion},
                     {"station", ledger.station().stationId},
                     {"epoch", epoch},
                     {"lots", std::move(lots)},
                     {"items", std::move(items)}}
                    .dump();
    text.pop_back(); // the closing brace: the movements go last, as written
    text += ",\"movements\":";
    text += movements;
    text += '}';
    return text;
}

} // namespace lotstation::sync
