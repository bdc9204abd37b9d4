#pragma once
// The one field format of every canonical text a hash is computed over (movements, signatures, inspections):
//   a present value:  <name>=<byte length>:<value>\n     (so a value may hold any byte, newlines included)
//   an absent value:  <name>-\n                          (absent and empty are different)
#include <optional>
#include <string>
#include <string_view>

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

} // namespace lotstation::storage::canonical
