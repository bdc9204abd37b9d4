// Movements written straight into JSON text (no document built first): a pull page holds thousands, and
// building a JSON document per movement cost more than reading them from the database.
#include "lotstation/storage/movement_fields.hpp"
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

// Appends each field of storage's one list (movement_fields.hpp) as `"name":value`; an absent one is left
// out.
struct JsonText {
    std::string& out;
    bool first = true;

    void key(const char* name) {
        out += first ? "{\"" : ",\"";
        first = false;
        out += name;
        out += "\":";
    }
    void operator()(const char* name, std::string_view value) {
        key(name);
        appendString(out, value);
    }
    void operator()(const char* name, const std::string& value) { (*this)(name, std::string_view(value)); }
    void operator()(const char* name, std::int64_t value) {
        key(name);
        appendInteger(out, value);
    }
    void operator()(const char* name, storage::Timestamp value) {
        (*this)(name, std::string_view(storage::formatTimestamp(value)));
    }
    template <typename Enum>
    requires std::is_enum_v<Enum>
    void operator()(const char* name, Enum value) {
        (*this)(name, std::string_view(storage::toString(value)));
    }
    template <typename T> void operator()(const char* name, const std::optional<T>& value) {
        if (value) (*this)(name, *value);
    }
};

} // namespace

void appendJson(std::string& out, const storage::Movement& m) {
    JsonText text{out};
    storage::visitMovementFields(m, text);
    text("hash", m.hash);
    out += '}';
}

} // namespace lotstation::sync::wire
