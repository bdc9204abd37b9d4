// Movements written straight into JSON text (no document built first): a pull page holds thousands, and
// building a JSON document per movement cost more than reading them from the database.
#include "wire.hpp"

#include <charconv>

namespace lotstation::sync::wire {
namespace {

void appendString(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += kHex[byte >> 4];
                out += kHex[byte & 0x0f];
            }
        } else {
            out += c; // UTF-8 passes through as it is
        }
    }
    out += '"';
}

void appendInteger(std::string& out, std::int64_t value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end);
}

void field(std::string& out, const char* name, std::string_view value) {
    out += ",\"";
    out += name;
    out += "\":";
    appendString(out, value);
}

void field(std::string& out, const char* name, std::int64_t value) {
    out += ",\"";
    out += name;
    out += "\":";
    appendInteger(out, value);
}

void field(std::string& out, const char* name, const std::optional<std::string>& value) {
    if (value) field(out, name, std::string_view(*value));
}

} // namespace

void appendJson(std::string& out, const storage::Movement& m) {
    out += "{\"id\":";
    appendString(out, m.id);
    field(out, "station", std::string_view(m.stationId));
    field(out, "seq", m.seq);
    field(out, "at", std::string_view(storage::formatTimestamp(m.at)));
    field(out, "user", std::string_view(m.user));
    field(out, "kind", std::string_view(storage::toString(m.kind)));
    field(out, "lot", std::string_view(m.lot));
    field(out, "quantity", m.quantity);
    field(out, "prev_hash", std::string_view(m.prevHash));
    field(out, "hash", std::string_view(m.hash));
    field(out, "from", m.from);
    field(out, "to", m.to);
    field(out, "run", m.run);
    field(out, "party", m.party);
    field(out, "reference", m.reference);
    field(out, "reason", m.reason);
    if (m.unitCost) field(out, "unit_cost", *m.unitCost);
    field(out, "reverses", m.reverses);
    if (m.lotStatus) field(out, "lot_status", std::string_view(storage::toString(*m.lotStatus)));
    field(out, "approved_by", m.approvedBy);
    field(out, "overridden", m.overridden);
    out += '}';
}

} // namespace lotstation::sync::wire
