#pragma once
// The one field format of every canonical text a hash is computed over (movements, signatures, inspections):
//   a present value:  <name>=<byte length>:<value>\n     (so a value may hold any byte, newlines included)
//   an absent value:  <name>-\n                          (absent and empty are different)
#include "lotstation/storage/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace lotstation::storage::canonical {

inline void field(std::string& out, std::string_view name, const std::optional<std::string>& value) {
    out += name;
    if (!value) {
        out += "-\n";
        return;
    }
    out += '=';
    out += std::to_string(value->size());
    out += ':';
    out += *value;
    out += '\n';
}

inline void field(std::string& out, std::string_view name, const std::string& value) {
    field(out, name, std::optional<std::string>(value));
}

// Appends each field a field visitor (movement_fields.hpp, signature_fields.hpp) hands it as one line.
struct CanonicalLines {
    std::string& out;

    void operator()(std::string_view name, std::string_view value) const {
        canonical::field(out, name, std::string(value));
    }
    void operator()(std::string_view name, const std::string& value) const {
        (*this)(name, std::string_view(value));
    }
    void operator()(std::string_view name, std::int64_t value) const { (*this)(name, std::to_string(value)); }
    void operator()(std::string_view name, Timestamp value) const { (*this)(name, formatTimestamp(value)); }
    template <typename Enum>
    requires std::is_enum_v<Enum>
    void operator()(std::string_view name, Enum value) const {
        (*this)(name, std::string_view(toString(value)));
    }
    template <typename T> void operator()(std::string_view name, const std::optional<T>& value) const {
        if (value) {
            (*this)(name, *value);
            return;
        }
        canonical::field(out, name, std::nullopt);
    }
};

} // namespace lotstation::storage::canonical
